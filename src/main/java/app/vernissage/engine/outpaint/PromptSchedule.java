package app.vernissage.engine.outpaint;

import java.util.ArrayList;
import java.util.List;

/**
 * A zoom-out's prompt schedule as both front ends give it: the command line's repeated
 * {@code --prompt} with {@code --prompt-steps N}, the editor's one prompt per line with "steps per
 * prompt". Each prompt is used for N keyframe steps in turn and the last one goes on repeating, which
 * is {@link ZoomOut.Plan#promptFor} on the expanded list.
 */
public final class PromptSchedule {
    public static final int MAX_STEPS_EACH = ZoomOut.Plan.MAX_STEPS;

    private PromptSchedule() {
    }

    /** The prompts of a text with one prompt per line: each line stripped, blank lines left out. */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
        }
        return out;
    }

    /**
     * The prompt of every step for {@link ZoomOut.Plan}: each of {@code prompts} {@code stepsEach}
     * times in a row (the plan repeats the last one after that).
     */
    public static List<String> expand(List<String> prompts, int stepsEach) {
        if (stepsEach < 1 || stepsEach > MAX_STEPS_EACH) {
            throw new IllegalArgumentException("each prompt must be used for 1 to " + MAX_STEPS_EACH + " steps, got " + stepsEach);
        }
        List<String> out = new ArrayList<>(prompts.size() * stepsEach);
        for (String p : prompts) {
            for (int i = 0; i < stepsEach; i++) {
                out.add(p);
            }
        }
        return out;
    }
}
