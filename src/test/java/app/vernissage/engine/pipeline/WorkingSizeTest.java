package app.vernissage.engine.pipeline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkingSizeTest {
    /** Expected values computed with the reference formula in Python (round() rounds halves to even). */
    @ParameterizedTest
    @CsvSource({
            "1024, 1024, 1024, 1024",
            "512, 512, 512, 512",
            "1920, 1080, 1344, 768",
            "4000, 3000, 1152, 832",
            "600, 400, 576, 384",
            "200, 136, 192, 128",
            "8192, 2048, 2048, 512",
            "1, 1, 64, 64",
            "63, 1000, 64, 960",
            "2049, 2049, 1024, 1024",
            "1126, 1126, 1024, 1024",
    })
    void matchesTheReferenceFormula(int w, int h, int ew, int eh) {
        WorkingSize s = WorkingSize.of(w, h);
        assertEquals(ew, s.width());
        assertEquals(eh, s.height());
        assertEquals(ew / 8, s.latentWidth());
    }
}
