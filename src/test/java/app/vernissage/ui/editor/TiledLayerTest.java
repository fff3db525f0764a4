package app.vernissage.ui.editor;

import app.vernissage.core.document.PixelRect;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The canvas's tiled layers: pixels land where they belong across tile borders, tiles only where written. */
@ExtendWith(ApplicationExtension.class)
class TiledLayerTest {
    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 100, 100));
        stage.show();
    }

    private static PixelImage noise(int w, int h) {
        SplittableRandom random = new SplittableRandom(3);
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = 0xFF000000 | random.nextInt(1 << 24);
        }
        return new PixelImage(w, h, px, false);
    }

    @Test
    void aWholeCopyAcrossTileBordersReadsBackExactly(FxRobot robot) {
        PixelImage picture = noise(2500, 1300);
        TiledLayer[] layer = new TiledLayer[1];
        WritableImage[] drawn = new WritableImage[1];
        robot.interact(() -> {
            layer[0] = new TiledLayer(2500, 1300);
            layer[0].copy(picture, new PixelRect(0, 0, 2500, 1300));
            drawn[0] = layer[0].toImage();
        });
        assertEquals(6, layer[0].tileCount(), "3 columns x 2 rows of 1024");
        PixelReader reader = drawn[0].getPixelReader();
        for (int y = 0; y < 1300; y += 7) {
            for (int x = 0; x < 2500; x += 5) {
                assertEquals(picture.argbAt(x, y), reader.getArgb(x, y), "at " + x + "," + y);
            }
        }
        for (int[] p : new int[][]{{1023, 1023}, {1024, 1023}, {1023, 1024}, {1024, 1024}, {2499, 1299}, {2048, 0}}) {
            assertEquals(picture.argbAt(p[0], p[1]), reader.getArgb(p[0], p[1]), "border pixel " + p[0] + "," + p[1]);
        }
    }

    @Test
    void aSmallChangeMakesOnlyTheTilesUnderIt(FxRobot robot) {
        PixelImage picture = noise(4096, 4096);
        TiledLayer[] layer = new TiledLayer[1];
        robot.interact(() -> {
            layer[0] = new TiledLayer(4096, 4096);
            layer[0].copy(picture, new PixelRect(1000, 1000, 50, 50));
        });
        assertEquals(4, layer[0].tileCount(), "the rectangle straddles one corner of four tiles, of 16");
        WritableImage[] drawn = new WritableImage[1];
        robot.interact(() -> drawn[0] = layer[0].toImage());
        assertEquals(picture.argbAt(1030, 1030), drawn[0].getPixelReader().getArgb(1030, 1030));
        assertEquals(0, drawn[0].getPixelReader().getArgb(2000, 2000), "no tile: transparent");
    }

    @Test
    void anEmptyMaskMakesNoTilesAndAPaintedOneShowsItsOverlayColour(FxRobot robot) {
        Mask mask = Mask.filled(3000, 2000, 0);
        TiledLayer[] layer = new TiledLayer[1];
        robot.interact(() -> {
            layer[0] = new TiledLayer(3000, 2000);
            layer[0].paintMask(mask, new PixelRect(0, 0, 3000, 2000));
        });
        assertEquals(0, layer[0].tileCount());
        Mask painted = Mask.rectangle(3000, 2000, 2100, 100, 2200, 300);
        WritableImage[] drawn = new WritableImage[1];
        robot.interact(() -> {
            layer[0].paintMask(painted, new PixelRect(0, 0, 3000, 2000));
            drawn[0] = layer[0].toImage();
        });
        assertEquals(1, layer[0].tileCount());
        assertSameColour(FxImages.maskPixel(255), drawn[0].getPixelReader().getArgb(2150, 200));
        assertEquals(0, drawn[0].getPixelReader().getArgb(2050, 200) >>> 24, "outside the mask: transparent");
    }

    /** Translucent pixels are stored premultiplied, so a channel may come back one or two levels off. */
    private static void assertSameColour(int expected, int actual) {
        for (int shift = 0; shift < 32; shift += 8) {
            assertEquals((expected >>> shift) & 0xFF, (actual >>> shift) & 0xFF, 2,
                    String.format("%08x against %08x", actual, expected));
        }
    }
}
