package app.vernissage.cli;

import app.vernissage.cli.CliFixture.Run;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static app.vernissage.cli.CliFixture.assertOneLineError;
import static app.vernissage.cli.CliFixture.read;
import static app.vernissage.cli.CliFixture.rectMask;
import static app.vernissage.cli.CliFixture.rgb;
import static app.vernissage.cli.CliFixture.run;
import static app.vernissage.cli.CliFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** outpaint, fill and zoomout end to end, in-process, on the demo set and CPU. */
class OutpaintCliTest {
    @TempDir
    static Path shared;
    static Path demo;
    static Path picture;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws IOException {
        demo = shared.resolve("demo-set");
        SyntheticModelSet.write(demo, SyntheticModelSet.Options.demo());
        picture = write(rgb(128, 96), "png", shared.resolve("picture.png"));
    }

    static Run outpaint(Path image, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("outpaint", "--device", "cpu", "--models", demo.toString(),
                "--image", image.toString(), "--prompt", "a wooden table", "--steps", "3", "--seed", "5",
                "--out", out.toString()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    @Test
    void outpaintRightKeepsOldPixelsOutsideTheBand() {
        Path out = dir.resolve("out.png");
        Run r = outpaint(picture, out, "--right", "64", "--overlap", "16", "--prefill", "telea");
        assertEquals(0, r.code(), r::toString);
        PixelImage in = read(picture);
        PixelImage result = read(out);
        assertEquals(192, result.width());
        assertEquals(96, result.height());
        for (int y = 0; y < 96; y++) {
            for (int x = 0; x < 128 - 16; x++) {
                assertEquals(in.argbAt(x, y), result.argbAt(x, y));
            }
        }
        assertTrue(r.err().contains("step 1/1: window"), r::toString);
        assertTrue(r.err().contains("seed 5"), r::toString);
        assertTrue(r.err().contains("timings:"), r::toString);
    }

    @Test
    void presetsAndRepeatMakeAPanorama() {
        Path out = dir.resolve("pano.png");
        Run r = outpaint(picture, out, "--left", "50%", "--repeat", "3", "--colour-match");
        assertEquals(0, r.code(), r::toString);
        assertEquals(128 + 3 * 64, read(out).width());
        assertTrue(r.err().contains("step 3/3 done"), r::toString);
    }

    /** Cancels the run's token as soon as stderr reports that step {@code step} finished. */
    static Run cancelAfterStep(int step, String... args) {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        app.vernissage.engine.runtime.CancellationToken token = new app.vernissage.engine.runtime.CancellationToken();
        String trigger = "step " + step + "/";
        int code;
        try (java.io.PrintStream e = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                super.println(line);
                if (line.startsWith(trigger) && line.contains(" done")) {
                    token.cancel();
                }
            }
        }; java.io.PrintStream o = new java.io.PrintStream(new java.io.ByteArrayOutputStream())) {
            code = new VernissageCli(o, e, false, token).run(args);
        }
        return new Run(code, "", err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void cancellingMidPanoramaWritesTheFinishedSteps() {
        Path out = dir.resolve("cancelled.png");
        Run r = cancelAfterStep(2, "outpaint", "--device", "cpu", "--models", demo.toString(), "--image",
                picture.toString(), "--prompt", "x", "--steps", "2", "--right", "32", "--repeat", "5", "--out", out.toString());
        assertEquals(VernissageCli.CANCELLED, r.code(), r::toString);
        assertTrue(r.err().contains("cancelled after 2 of 5 steps"), r::toString);
        assertEquals(128 + 2 * 32, read(out).width());
    }

    @Test
    void badSizesAreRefusedWithOneLine() {
        Path out = dir.resolve("bad.png");
        assertOneLineError(outpaint(picture, out, "--right", "0"), 2, "0 pixels");
        assertOneLineError(outpaint(picture, out), 2, "0 pixels");
        assertOneLineError(outpaint(picture, out, "--right=-5"), 2, "negative");
        assertOneLineError(outpaint(picture, out, "--top", "huge"), 2, "not a size");
        assertOneLineError(outpaint(picture, out, "--right", "60000", "--max-pixels", "1000000"), 1, "over the limit");
        assertOneLineError(outpaint(picture, out, "--right", "64", "--repeat", "0"), 2, "--repeat");
        assertOneLineError(outpaint(picture, out, "--right", "64", "--prefill", "magic"), 2, "prefill");
        assertOneLineError(outpaint(dir.resolve("nope.png"), out, "--right", "64"), 1, "nope.png");
        assertFalse(Files.exists(out));
    }

    @Test
    void quickFillChangesOnlyTheMask() throws IOException {
        Path mask = write(rectMask(128, 96, 40, 30, 70, 60), "png", dir.resolve("mask.png"));
        for (String method : List.of("telea", "ns", "blur")) {
            Path out = dir.resolve("fill-" + method + ".png");
            Run r = run("fill", "--image", picture.toString(), "--mask", mask.toString(), "--method", method,
                    "--out", out.toString());
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.err().contains("timings"), r::toString);
            CliFixture.assertSameOutside(read(picture), read(out), 40, 30, 70, 60, 1, 0);
        }
        assertOneLineError(run("fill", "--image", picture.toString(), "--mask", mask.toString(), "--method", "magic",
                "--out", dir.resolve("x.png").toString()), 2, "magic");
    }

    @Test
    void zoomoutWritesFramesKeyframesAndALoopingGif() throws IOException {
        Path folder = dir.resolve("zoom");
        Run r = run("zoomout", "--device", "cpu", "--models", demo.toString(), "--image", picture.toString(),
                "--frames", "7", "--repeat", "2", "--zoom", "1.5", "--prompt", "garden", "--prompt", "city",
                "--steps", "2", "--seed", "3", "--out", folder.toString());
        assertEquals(0, r.code(), r::toString);
        for (int i = 0; i < 7; i++) {
            PixelImage f = read(folder.resolve(String.format("frame-%04d.png", i)));
            assertEquals(128, f.width());
            assertEquals(96, f.height());
        }
        assertFalse(Files.exists(folder.resolve("frame-0007.png")));
        assertTrue(Files.exists(folder.resolve("keyframe-02.png")));
        try (ImageInputStream in = ImageIO.createImageInputStream(folder.resolve("zoom.gif").toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(7, reader.getNumImages(true));
        }
        assertOneLineError(run("zoomout", "--image", picture.toString(), "--frames", "1", "--prompt", "x",
                "--out", folder.toString()), 2, "--frames");
        assertOneLineError(run("zoomout", "--image", picture.toString(), "--prompt-steps", "0", "--prompt", "x",
                "--out", folder.toString()), 2, "--prompt-steps");
        assertOneLineError(run("zoomout", "--device", "cpu", "--models", demo.toString(), "--image", picture.toString(),
                "--prompt", "x", "--out", picture.toString()), 1, "is a file");
    }
}
