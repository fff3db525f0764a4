package app.vernissage.engine.runtime;

/** How long model sessions stay in memory. */
public enum MemoryMode {
    /** Every session stays loaded between runs: fastest for repeated generations. */
    KEEP_LOADED,
    /** Each model is loaded for its stage and freed after it: lowest peak memory. */
    PER_STAGE
}
