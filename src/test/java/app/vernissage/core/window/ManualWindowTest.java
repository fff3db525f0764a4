package app.vernissage.core.window;

import app.vernissage.core.canvas.Regions.Rect;
import app.vernissage.core.window.ManualWindow.Handle;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManualWindowTest {
    static final long MP = ContextWindow.DEFAULT_MAX_WORK_PIXELS;

    @Test
    void coveringAHandChosenRegionFollowsTheAutomaticRules() {
        // A multiple of 64 at full resolution is taken as it is.
        ContextWindow exact = ContextWindow.covering(new Rect(100, 50, 448, 512), 2000, 1000, MP);
        assertEquals(new ContextWindow(new Rect(100, 50, 448, 512), 448, 512), exact);
        // 300 x 200 grows about its centre to 320 x 256.
        ContextWindow grown = ContextWindow.covering(new Rect(100, 100, 300, 200), 2000, 1000, MP);
        assertEquals(new ContextWindow(new Rect(90, 72, 320, 256), 320, 256), grown);
        // around() is covering() of the padded mask.
        assertEquals(ContextWindow.around(new Rect(480, 0, 288, 512), 768, 512, 128, MP),
                ContextWindow.covering(new Rect(352, 0, 416, 512), 768, 512, MP));
    }

    @Test
    void movingStopsAtTheDocumentAndAtTheMask() {
        ContextWindow w = new ContextWindow(new Rect(300, 0, 448, 512), 448, 512);
        Rect mask = new Rect(480, 0, 288, 512);
        // The mask reaches the right edge (768): the window cannot move left of x = 768 - 448 = 320.
        assertEquals(new Rect(320, 0, 448, 512), ManualWindow.moved(w, -200, 0, mask, 768, 512).region());
        assertEquals(new Rect(320, 0, 448, 512), ManualWindow.moved(w, 500, 40, mask, 768, 512).region());
        // With a small mask it moves freely, but stays in the document.
        Rect small = new Rect(500, 100, 10, 10);
        ContextWindow free = new ContextWindow(new Rect(300, 0, 256, 256), 256, 256);
        assertEquals(new Rect(254, 0, 256, 256), ManualWindow.moved(free, -46, -30, small, 768, 512).region());
        assertEquals(new Rect(500, 0, 256, 256), ManualWindow.moved(free, 1000, -30, small, 768, 512).region(),
                "stopped where the mask's left edge is its left edge");
        assertEquals(256, ManualWindow.moved(free, 3, 3, small, 768, 512).workWidth(), "the working size stays");
    }

    @Test
    void resizingStopsAtTheMaskAndGrowsOnTheDraggedSide() {
        Rect start = new Rect(200, 100, 384, 256);
        Rect mask = new Rect(300, 150, 100, 100);
        // Dragging the left edge 250 px right: it stops at the mask's left edge (300); the right edge stays.
        ContextWindow w = ManualWindow.resized(start, Handle.LEFT, 250, 0, mask, 2000, 1000, MP);
        assertEquals(584, w.region().right(), "the right edge did not move");
        assertTrue(w.region().x() <= 300 && w.region().x() > 300 - 64, w.toString());
        assertEquals(0, w.workWidth() % 64);
        // Dragging the bottom-right corner outward by 70 x 10: the top-left corner stays.
        ContextWindow c = ManualWindow.resized(start, Handle.BOTTOM_RIGHT, 70, 10, mask, 2000, 1000, MP);
        assertEquals(200, c.region().x());
        assertEquals(100, c.region().y());
        assertEquals(new Rect(200, 100, 512, 320), c.region());
        // Dragging the top edge up by 60: 316 px snap to 320, grown upwards; the bottom edge stays.
        ContextWindow t = ManualWindow.resized(start, Handle.TOP, 0, -60, mask, 2000, 1000, MP);
        assertEquals(new Rect(200, 36, 384, 320), t.region());
        // Far up it stops at the document's top.
        assertEquals(0, ManualWindow.resized(start, Handle.TOP, 0, -5000, mask, 2000, 1000, MP).region().y());
    }

    @Test
    void aWindowTheMaskLeftGrowsTowardsIt() {
        ContextWindow w = new ContextWindow(new Rect(100, 100, 256, 256), 256, 256);
        assertSame(w, ManualWindow.covering(w, new Rect(150, 150, 20, 20), 2000, 1000, MP), "covered: unchanged");
        ContextWindow grown = ManualWindow.covering(w, new Rect(300, 150, 120, 20), 2000, 1000, MP);
        assertEquals(100, grown.region().x(), "grew to the right, the left edge stays");
        assertTrue(grown.region().contains(new Rect(300, 150, 120, 20)));
        assertTrue(grown.region().contains(w.region()));
        assertNull(ManualWindow.covering(new ContextWindow(new Rect(3000, 0, 64, 64), 64, 64), null, 2000, 1000, MP),
                "a window outside a smaller document is dropped");
    }

    /** Random drags: every result inside the document, over the mask, on the working grid. */
    @Test
    void rulesHoldForRandomDrags() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            int dw = 1 + random.nextInt(random.nextBoolean() ? 400 : 9000);
            int dh = 1 + random.nextInt(random.nextBoolean() ? 400 : 4000);
            int mx = random.nextInt(dw);
            int my = random.nextInt(dh);
            Rect mask = new Rect(mx, my, 1 + random.nextInt(dw - mx), 1 + random.nextInt(dh - my));
            ContextWindow w = ContextWindow.around(mask, dw, dh, random.nextInt(300), MP);
            Handle h = Handle.values()[random.nextInt(Handle.values().length)];
            int dx = random.nextInt(-3 * dw, 3 * dw + 1);
            int dy = random.nextInt(-3 * dh, 3 * dh + 1);
            ContextWindow r = h == Handle.MOVE ? ManualWindow.moved(w, dx, dy, mask, dw, dh)
                    : ManualWindow.resized(w.region(), h, dx, dy, mask, dw, dh, MP);
            String about = h + " " + dx + "," + dy + " of " + w + " mask " + mask + " in " + dw + "x" + dh + " -> " + r;
            assertTrue(new Rect(0, 0, dw, dh).contains(r.region()), "inside: " + about);
            assertTrue(r.region().contains(mask), "over the mask: " + about);
            assertEquals(0, r.workWidth() % 64, about);
            assertEquals(0, r.workHeight() % 64, about);
            assertTrue((long) r.workWidth() * r.workHeight() <= MP, about);
            if (h == Handle.MOVE) {
                assertEquals(w.region().width(), r.region().width(), about);
                assertEquals(w.region().height(), r.region().height(), about);
            } else {
                Rect least = ManualWindow.resizedRegion(w.region(), h, dx, dy, mask, dw, dh);
                assertTrue(r.region().contains(least), "over what was dragged: " + about);
            }
        }
    }
}
