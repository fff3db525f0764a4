package app.vernissage.engine.pipeline;

import app.vernissage.engine.sampler.DdpmSampler;
import app.vernissage.engine.sampler.ReferenceSampler;
import app.vernissage.engine.sampler.Sampler;

import java.util.Locale;

/** The samplers people can choose. */
public enum SamplerKind {
    /** The current reference sampler (Kandinsky 3.1 weights). */
    REFERENCE,
    /** The first release's DDPM sampler (Kandinsky 3.0 weights). */
    DDPM;

    public Sampler create(int steps, float eta) {
        return this == REFERENCE ? new ReferenceSampler(steps, eta) : new DdpmSampler(steps);
    }

    public static SamplerKind parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "reference", "3.1", "ddim" -> REFERENCE;
            case "ddpm", "3.0" -> DDPM;
            default -> throw new IllegalArgumentException("unknown sampler '" + text + "' (reference or ddpm)");
        };
    }
}
