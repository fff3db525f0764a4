package app.vernissage.engine.modelset;

/**
 * One line of a model-set validation: a file, whether it is usable, and either details (size,
 * precision) or the problem as one sentence.
 */
public record ComponentCheck(String file, boolean ok, String detail) {
    public static ComponentCheck ok(String file, String detail) {
        return new ComponentCheck(file, true, detail);
    }

    public static ComponentCheck problem(String file, String sentence) {
        return new ComponentCheck(file, false, sentence);
    }
}
