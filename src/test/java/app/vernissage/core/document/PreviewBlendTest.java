package app.vernissage.core.document;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PreviewBlendTest {
    @Test
    void thePreviewShowsOnlyInsideTheMask() {
        PixelImage base = PixelImage.filled(16, 8, 0xFF000000);
        Mask mask = Mask.rectangle(16, 8, 8, 0, 16, 8);
        mask.values()[0] = (byte) 128;
        PixelImage preview = PixelImage.filled(2, 1, 0xFFFFFFFF);
        PixelImage out = PreviewBlend.blend(base, mask, preview);
        assertEquals(0xFF000000, out.argbAt(3, 3));
        assertEquals(0xFFFFFFFF, out.argbAt(12, 3));
        assertEquals(0xFF808080, out.argbAt(0, 0));
        assertEquals(0xFF000000, base.argbAt(12, 3), "the base is untouched");
    }
}
