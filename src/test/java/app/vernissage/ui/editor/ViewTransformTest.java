package app.vernissage.ui.editor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ViewTransformTest {
    @Test
    void zoomKeepsThePointUnderTheCursor() {
        ViewTransform t = new ViewTransform(0.5, 30, 40);
        double ix = t.imageX(210);
        double iy = t.imageY(95);
        ViewTransform z = t.zoomAround(210, 95, 3);
        assertEquals(1.5, z.scale(), 1e-12);
        assertEquals(ix, z.imageX(210), 1e-9);
        assertEquals(iy, z.imageY(95), 1e-9);
    }

    @Test
    void fitCentresAndNeverUpscales() {
        ViewTransform small = ViewTransform.fit(1000, 800, 100, 50);
        assertEquals(1, small.scale(), 1e-12);
        assertEquals(450, small.offsetX(), 1e-9);
        ViewTransform big = ViewTransform.fit(532, 432, 1000, 2000);
        assertEquals(0.2, big.scale(), 1e-12);
        assertEquals(16, big.offsetY(), 1e-9);
        assertEquals(100, ViewTransform.actualSize(300, 300, 100, 100).offsetX(), 1e-9);
    }

    @Test
    void panMovesAndZoomIsBounded() {
        ViewTransform t = ViewTransform.IDENTITY.panBy(5, -7);
        assertEquals(5, t.viewX(0), 1e-12);
        assertEquals(-7, t.viewY(0), 1e-12);
        assertEquals(ViewTransform.MAX_SCALE, t.zoomAround(0, 0, 1e6).scale(), 1e-12);
    }
}
