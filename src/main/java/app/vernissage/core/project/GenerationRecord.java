package app.vernissage.core.project;

/**
 * The settings of one accepted generation (or of a kept variant), so a result can be reproduced.
 *
 * @param prompt     the prompt
 * @param negative   the negative prompt, or "" for none
 * @param seed       the seed used
 * @param steps      sampler steps
 * @param guidance   guidance weight
 * @param strength   1 = repaint from scratch, lower = touch up
 * @param sampler    "reference" or "ddpm"
 * @param modelSet   the model set's display name
 * @param acceptedAt ISO-8601 instant
 */
public record GenerationRecord(String prompt, String negative, long seed, int steps, float guidance, float strength,
                               String sampler, String modelSet, String acceptedAt) {
    public GenerationRecord {
        prompt = prompt == null ? "" : prompt;
        negative = negative == null ? "" : negative;
        sampler = sampler == null ? "reference" : sampler;
        modelSet = modelSet == null ? "" : modelSet;
        acceptedAt = acceptedAt == null ? "" : acceptedAt;
    }
}
