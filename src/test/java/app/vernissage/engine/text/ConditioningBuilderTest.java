package app.vernissage.engine.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ConditioningBuilderTest {
    static final float[] NULL = {9, 8, 7};

    private static float[] rows(int count) {
        float[] r = new float[count * 3];
        for (int i = 0; i < r.length; i++) {
            r[i] = i + 1;
        }
        return r;
    }

    @Test
    void promptGetsOneZeroRowAndTheUnconditionalHalfIsTheNullEmbedding() {
        Conditioning c = ConditioningBuilder.build(rows(2), 2, null, 0, NULL, 128);
        assertEquals(3, c.length());
        assertArrayEquals(new float[]{1, 2, 3, 4, 5, 6, 0, 0, 0, 9, 8, 7, 0, 0, 0, 0, 0, 0}, c.context());
        assertArrayEquals(new boolean[]{true, true, false, true, false, false}, c.mask());
    }

    @Test
    void fullLengthPromptHasNoZeroRow() {
        Conditioning c = ConditioningBuilder.build(rows(128), 128, null, 0, NULL, 128);
        assertEquals(128, c.length());
        for (int i = 0; i < 128; i++) {
            assertEquals(true, c.mask()[i]);
        }
    }

    @Test
    void negativePromptIsEncodedLikeThePromptAndBothPadToTheLongerN() {
        float[] negative = {-1, -2, -3, -4, -5, -6, -7, -8, -9};
        Conditioning c = ConditioningBuilder.build(rows(1), 1, negative, 3, NULL, 128);
        assertEquals(4, c.length());
        assertArrayEquals(new boolean[]{true, false, false, false, true, true, true, false}, c.mask());
        assertArrayEquals(new float[]{1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                -1, -2, -3, -4, -5, -6, -7, -8, -9, 0, 0, 0}, c.context());
    }
}
