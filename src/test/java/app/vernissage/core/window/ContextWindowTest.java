package app.vernissage.core.window;

import app.vernissage.core.canvas.Regions.Rect;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContextWindowTest {
    static final long MP = ContextWindow.DEFAULT_MAX_WORK_PIXELS;

    @Test
    void outpaintRightOf512() {
        // 512x512 extended right by 256 with a 32 px band: mask x 480..767.
        ContextWindow w = ContextWindow.around(new Rect(480, 0, 288, 512), 768, 512, 128, MP);
        assertEquals(new Rect(320, 0, 448, 512), w.region());
        assertEquals(448, w.workWidth());
        assertEquals(512, w.workHeight());
    }

    @Test
    void smallMaskInAHugePanoramaGetsASmallWindowAtFullResolution() {
        ContextWindow w = ContextWindow.around(new Rect(8000, 100, 100, 100), 8192, 2048, 64, MP);
        assertEquals(1.0, w.scaleX(), 1e-9);
        assertEquals(256, w.workWidth());
        assertTrue(w.region().x() + w.region().width() <= 8192);
    }

    @Test
    void shiftedNotShrunkAtTheDocumentEdge() {
        ContextWindow w = ContextWindow.around(new Rect(0, 0, 10, 10), 1000, 1000, 20, MP);
        assertEquals(new Rect(0, 0, 64, 64), w.region());
        ContextWindow e = ContextWindow.around(new Rect(990, 990, 10, 10), 1000, 1000, 20, MP);
        assertEquals(new Rect(936, 936, 64, 64), e.region());
    }

    @Test
    void aMaskLargerThanTheWorkingSizeIsScaledDownInOnePass() {
        ContextWindow w = ContextWindow.around(new Rect(0, 0, 8192, 2048), 8192, 2048, 0, MP);
        assertEquals(new Rect(0, 0, 8192, 2048), w.region());
        assertTrue((long) w.workWidth() * w.workHeight() <= MP);
        assertEquals(4.0, (double) w.workWidth() / w.workHeight(), 0.1);
        assertTrue(w.scaleX() > 1);
    }

    /** Random masks and documents: every rule at once. */
    @Test
    void rulesHoldForRandomMasks() {
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 20_000; i++) {
            int dw = 1 + random.nextInt(random.nextBoolean() ? 300 : 20_000);
            int dh = 1 + random.nextInt(random.nextBoolean() ? 300 : 5_000);
            int mx = random.nextInt(dw);
            int my = random.nextInt(dh);
            Rect mask = new Rect(mx, my, 1 + random.nextInt(dw - mx), 1 + random.nextInt(dh - my));
            int padding = random.nextInt(300);
            long max = random.nextBoolean() ? MP : 64L * 64 * (1 + random.nextInt(400));
            ContextWindow w = ContextWindow.around(mask, dw, dh, padding, max);
            Rect r = w.region();
            String about = mask + " in " + dw + "x" + dh + " pad " + padding + " max " + max + " -> " + w;
            assertTrue(new Rect(0, 0, dw, dh).contains(r), "inside the document: " + about);
            assertTrue(r.contains(mask), "covers the mask: " + about);
            Rect padded = new Rect(Math.max(0, mask.x() - padding), Math.max(0, mask.y() - padding),
                    Math.min(dw, mask.right() + padding) - Math.max(0, mask.x() - padding),
                    Math.min(dh, mask.bottom() + padding) - Math.max(0, mask.y() - padding));
            assertTrue(r.contains(padded), "covers the padding: " + about);
            assertEquals(0, w.workWidth() % 64, about);
            assertEquals(0, w.workHeight() % 64, about);
            assertTrue((long) w.workWidth() * w.workHeight() <= max, "working area: " + about);
            assertTrue(w.scaleX() >= 1 - 1e-9 || r.width() == dw, "never enlarged unless the document is narrow: " + about);
            // Aspect kept within one document pixel unless a side took the document's whole extent.
            if (r.width() < dw && r.height() < dh) {
                assertEquals(w.scaleX(), w.scaleY(), 1.0 / Math.min(w.workWidth(), w.workHeight()) * 1.01, "aspect: " + about);
            }
        }
    }
}
