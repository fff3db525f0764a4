package app.vernissage.cli;

import ai.onnx.proto.OnnxMl;
import app.vernissage.cli.CliFixture.Run;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.io.Npy;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import app.vernissage.engine.synthetic.UnetSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static app.vernissage.cli.CliFixture.assertOneLineError;
import static app.vernissage.cli.CliFixture.assertSameOutside;
import static app.vernissage.cli.CliFixture.component;
import static app.vernissage.cli.CliFixture.inpaint;
import static app.vernissage.cli.CliFixture.read;
import static app.vernissage.cli.CliFixture.rectMask;
import static app.vernissage.cli.CliFixture.rgb;
import static app.vernissage.cli.CliFixture.run;
import static app.vernissage.cli.CliFixture.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line end to end, in-process, on the generated demo model set and on CPU: every bad
 * input is one "vernissage: ..." line on stderr, a non-zero exit and no output file; good inputs
 * produce a picture of the input's size whose pixels away from the mask are untouched.
 */
class CliEndToEndTest {
    private static final Pattern SEED = Pattern.compile("(?m)^seed (\\d+),");

    @TempDir
    static Path shared;
    static Path demo;
    /** 64x64 picture with a 16x16 hole in the middle, used by most tests. */
    static Path picture;
    static Path hole;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeDemoSetAndPicture() throws IOException {
        demo = shared.resolve("demo-set");
        SyntheticModelSet.write(demo, SyntheticModelSet.Options.demo());
        picture = write(rgb(64, 64), "png", shared.resolve("picture.png"));
        hole = write(rectMask(64, 64, 24, 24, 40, 40), "png", shared.resolve("hole.png"));
    }

    private Path out() {
        return dir.resolve("out.png");
    }

    /** The inpaint failed with one line naming each of {@code mustContain}, and wrote no {@code out}. */
    private static void assertRefused(Run r, Path out, int code, String... mustContain) {
        assertOneLineError(r, code, mustContain);
        assertFalse(Files.exists(out), () -> out + " was written by a failed run");
    }

    private static Path copyOfDemo(Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(demo)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    // ---- the picture ---------------------------------------------------------------------------

    @Test
    void missingImage() {
        Run r = inpaint(demo, dir.resolve("nope.png"), hole, out());
        assertRefused(r, out(), 1, "nope.png", "does not exist");
    }

    @Test
    void imageIsAFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("pics.png"));
        assertRefused(inpaint(demo, folder, hole, out()), out(), 1, "pics.png", "folder");
    }

    @Test
    void emptyImage() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.png"));
        assertRefused(inpaint(demo, empty, hole, out()), out(), 1, "empty.png", "empty");
    }

    @Test
    void truncatedPng() throws IOException {
        Path cut = CliFixture.truncated(picture, dir.resolve("cut.png"), (int) Files.size(picture) / 2);
        assertRefused(inpaint(demo, cut, hole, out()), out(), 1, "cut.png", "incomplete");
    }

    @Test
    void truncatedJpeg() throws IOException {
        Path full = write(rgb(64, 64), "jpg", dir.resolve("full.jpg"));
        Path cut = CliFixture.truncated(full, dir.resolve("cut.jpg"), (int) Files.size(full) / 2);
        assertRefused(inpaint(demo, cut, hole, dir.resolve("out.jpg")), dir.resolve("out.jpg"), 1, "cut.jpg");
    }

    @Test
    void randomBytesNamedPng() throws IOException {
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        noise[0] = 0x11;
        Path file = Files.write(dir.resolve("noise.png"), noise);
        assertRefused(inpaint(demo, file, hole, out()), out(), 1, "noise.png", "not an image");
    }

    @Test
    void textFileNamedJpg() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.jpg"), "just some text, not a picture\n");
        assertRefused(inpaint(demo, file, hole, out()), out(), 1, "notes.jpg", "not an image");
    }

    @Test
    void hugeDeclaredPngIsRefusedQuickly() throws IOException {
        Path file = Files.write(dir.resolve("huge.png"), CliFixture.pngHeaderOnly(60000, 60000));
        long start = System.nanoTime();
        Run r = inpaint(demo, file, hole, out());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertRefused(r, out(), 1, "huge.png", "60000 x 60000");
        assertTrue(millis < 2000, "took " + millis + " ms");
    }

    // ---- the mask ------------------------------------------------------------------------------

    @Test
    void maskOfAnotherSize() throws IOException {
        Path mask = write(rectMask(32, 48, 4, 4, 20, 20), "png", dir.resolve("small-mask.png"));
        assertRefused(inpaint(demo, picture, mask, out()), out(), 1, "small-mask.png", "32 x 48", "64 x 64");
    }

    @Test
    void allBlackMask() throws IOException {
        Path mask = write(rectMask(64, 64, 0, 0, 0, 0), "png", dir.resolve("black.png"));
        assertRefused(inpaint(demo, picture, mask, out()), out(), 1, "black.png", "nothing to repaint");
    }

    @Test
    void missingMask() {
        assertRefused(inpaint(demo, picture, dir.resolve("no-mask.png"), out()), out(), 1, "no-mask.png",
                "does not exist");
    }

    // ---- inputs that must work -----------------------------------------------------------------

    /** Runs on {@code image} with the 16x16 hole at (24, 24) and checks size and untouched border. */
    private PixelImage assertInpaints(Path image, Path mask, Path out, int tolerance) throws IOException {
        Run r = inpaint(demo, image, mask, out);
        assertEquals(0, r.code(), r::toString);
        PixelImage in = read(image);
        PixelImage result = read(out);
        int compared = assertSameOutside(in, result, 24, 24, 40, 40, 20, tolerance);
        assertTrue(compared > 1000, "compared only " + compared + " pixels");
        return result;
    }

    @Test
    void sixteenBitRgbPng() throws IOException {
        Path image = write(component(64, 64, false, false, 16), "png", dir.resolve("deep.png"));
        assertInpaints(image, hole, out(), 0);
    }

    @Test
    void grayscalePng() throws IOException {
        Path image = write(component(64, 64, true, false, 8), "png", dir.resolve("gray.png"));
        assertInpaints(image, hole, out(), 0);
    }

    @Test
    void rgbaPngKeepsAlpha() throws IOException {
        Path image = write(component(64, 64, false, true, 8), "png", dir.resolve("rgba.png"));
        PixelImage in = read(image);
        assertTrue(in.hasAlpha() && (in.argbAt(5, 5) >>> 24) != 0xFF, "fixture should be translucent");
        // Compares all four channels away from the mask (inside, repainting makes pixels opaque).
        PixelImage result = assertInpaints(image, hole, out(), 0);
        assertTrue(result.hasAlpha(), "the output lost its alpha channel");
    }

    @Test
    void onePixelPicture() throws IOException {
        Path image = write(rgb(1, 1), "png", dir.resolve("one.png"));
        Path mask = write(rectMask(1, 1, 0, 0, 1, 1), "png", dir.resolve("one-mask.png"));
        Run r = inpaint(demo, image, mask, out());
        assertEquals(0, r.code(), r::toString);
        PixelImage result = read(out());
        assertEquals(1, result.width());
        assertEquals(1, result.height());
    }

    @Test
    void jpegInJpegOut() throws IOException {
        Path image = write(rgb(160, 160), "jpg", dir.resolve("photo.jpg"));
        Path mask = write(rectMask(160, 160, 64, 64, 96, 96), "png", dir.resolve("photo-mask.png"));
        Path out = dir.resolve("result.jpg");
        Run r = inpaint(demo, image, mask, out);
        assertEquals(0, r.code(), r::toString);
        byte[] bytes = Files.readAllBytes(out);
        assertEquals(0xFFD8, (bytes[0] & 0xFF) << 8 | bytes[1] & 0xFF, "not a JPEG file");
        // Saving as JPEG re-encodes everything, so away from the mask the result must equal the input
        // saved at the same quality: JPEG works in 16x16 blocks, so distant blocks are bit-identical.
        Path resaved = dir.resolve("resaved.jpg");
        app.vernissage.core.image.ImageFiles.write(read(image), resaved, 0.92f);
        assertSameOutside(read(resaved), read(out), 64, 64, 96, 96, 24, 0);
    }

    @Test
    void sizeNotAMultipleOf64() throws IOException {
        Path image = write(rgb(200, 136), "png", dir.resolve("odd.png"));
        Path mask = write(rectMask(200, 136, 90, 50, 120, 80), "png", dir.resolve("odd-mask.png"));
        Run r = inpaint(demo, image, mask, out());
        assertEquals(0, r.code(), r::toString);
        assertSameOutside(read(image), read(out()), 90, 50, 120, 80, 20, 0);
        assertTrue(r.err().contains("working size 192x128"), r::toString);
    }

    @Test
    void transparentMaskWithOpaqueStrokes() throws IOException {
        BufferedImage mask = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        for (int y = 24; y < 40; y++) {
            for (int x = 24; x < 40; x++) {
                mask.setRGB(x, y, 0xFF000000); // opaque black stroke: alpha, not colour, means repaint
            }
        }
        Path file = write(mask, "png", dir.resolve("strokes.png"));
        PixelImage result = assertInpaints(picture, file, out(), 0);
        PixelImage in = read(picture);
        assertFalse(Arrays.equals(in.argb(), result.argb()), "nothing was repainted under the strokes");
    }

    @Test
    void defaultFiftySteps() {
        Run r = inpaint(demo, picture, hole, out(), "--steps", null);
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("50 steps"), r::toString);
        assertSameOutside(read(picture), read(out()), 24, 24, 40, 40, 20, 0);
    }

    @Test
    void russianPrompt() throws IOException {
        Run red = inpaint(demo, picture, hole, out(), "--prompt", "красный закат", "--seed", "3");
        assertEquals(0, red.code(), red::toString);
        Path blueOut = dir.resolve("blue.png");
        Run blue = inpaint(demo, picture, hole, blueOut, "--prompt", "синее небо", "--seed", "3");
        assertEquals(0, blue.code(), blue::toString);
        double redness = CliFixture.redMinusBlue(read(out()), 28, 28, 36, 36);
        double blueness = CliFixture.redMinusBlue(read(blueOut), 28, 28, 36, 36);
        assertTrue(redness > blueness, "red prompt " + redness + " vs blue prompt " + blueness);
    }

    // ---- the model set -------------------------------------------------------------------------

    @Test
    void modelFolderDoesNotExist() {
        Path missing = dir.resolve("no-models");
        assertRefused(inpaint(missing, picture, hole, out()), out(), 1, "no-models", "vernissage models demo");
    }

    @Test
    void unetDeleted() throws IOException {
        Path set = copyOfDemo(dir.resolve("set"));
        Files.delete(set.resolve("unet.onnx"));
        assertRefused(inpaint(set, picture, hole, out()), out(), 1, "unet.onnx");
    }

    @Test
    void unetInputRenamed() throws IOException {
        Path set = copyOfDemo(dir.resolve("set"));
        Path unet = set.resolve("unet.onnx");
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(unet));
        OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
        int renamed = 0;
        for (OnnxMl.ValueInfoProto.Builder input : graph.getInputBuilderList()) {
            if (input.getName().equals("context_mask")) {
                input.setName("mask");
                renamed++;
            }
        }
        for (OnnxMl.NodeProto.Builder node : graph.getNodeBuilderList()) {
            for (int i = 0; i < node.getInputCount(); i++) {
                if (node.getInput(i).equals("context_mask")) {
                    node.setInput(i, "mask");
                }
            }
        }
        assertEquals(1, renamed, "the demo U-Net should have a context_mask input");
        Files.write(unet, model.toBuilder().setGraph(graph).build().toByteArray());
        assertRefused(inpaint(set, picture, hole, out()), out(), 1, "unet.onnx", "context_mask");
    }

    @Test
    void textEncoderOfAnotherContextWidth() throws IOException {
        Path set = copyOfDemo(dir.resolve("set"));
        Path narrow = dir.resolve("narrow");
        SyntheticModelSet.write(narrow, new SyntheticModelSet.Options(UnetSpec.Fill.DEMO, 32, false, false, 0, 0, 1));
        Files.copy(narrow.resolve("text_encoder.onnx"), set.resolve("text_encoder.onnx"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertRefused(inpaint(set, picture, hole, out()), out(), 1, "text_encoder.onnx", "'context'",
                "32 instead of 64");
    }

    @Test
    void corruptManifest() throws IOException {
        Path set = copyOfDemo(dir.resolve("set"));
        Files.writeString(set.resolve("manifest.json"), "{\"format\": \"vernissage-model-set\", \"formatVer");
        assertRefused(inpaint(set, picture, hole, out()), out(), 1, "manifest.json");
    }

    // ---- options -------------------------------------------------------------------------------

    @Test
    void zeroSteps() {
        assertRefused(inpaint(demo, picture, hole, out(), "--steps", "0"), out(), 2, "steps", "got 0");
    }

    @Test
    void negativeGuidance() {
        assertRefused(inpaint(demo, picture, hole, out(), "--guidance", "-1"), out(), 2, "guidance", "-1");
    }

    @Test
    void pngOutputCarriesThePromptAndSettings() throws IOException {
        Run r = inpaint(demo, picture, hole, out(), "--prompt", "красный закат", "--seed", "77");
        assertEquals(0, r.code(), r::toString);
        java.util.Map<String, String> text = app.vernissage.core.image.ImageFiles.readText(out());
        assertEquals("красный закат", text.get("Description"));
        assertTrue(text.get("vernissage:settings").contains("seed=77"), text.toString());
    }

    @Test
    void selfTestPasses() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new VernissageCli(new PrintStream(out, true), new PrintStream(err, true), false,
                new app.vernissage.engine.runtime.CancellationToken()).run("self-test", "--device", "cpu");
        assertEquals(0, code, err::toString);
        assertTrue(out.toString().startsWith("self-test passed: CPU"), out.toString());
    }

    @Test
    void strengthOutOfRange() {
        assertRefused(inpaint(demo, picture, hole, out(), "--strength", "0"), out(), 2, "strength", "got 0");
        assertRefused(inpaint(demo, picture, hole, out(), "--strength", "1.5"), out(), 2, "strength", "1.5");
    }

    @Test
    void lowStrengthTouchesUpAndKeepsTheRest() throws IOException {
        Run r = inpaint(demo, picture, hole, out(), "--strength", "0.3");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("[###"), "progress shown: " + r.err());
        assertSameOutside(read(picture), read(out()), 24, 24, 40, 40, 20, 0);
    }

    @Test
    void etaAboveOne() {
        assertRefused(inpaint(demo, picture, hole, out(), "--eta", "2"), out(), 2, "eta", "2");
    }

    @Test
    void unknownDevice() {
        assertRefused(inpaint(demo, picture, hole, out(), "--device", "tpu"), out(), 2, "tpu", "cpu");
    }

    @Test
    void unknownOption() {
        assertRefused(inpaint(demo, picture, hole, out(), "--colour", "red"), out(), 2, "--colour");
    }

    @Test
    void missingPrompt() {
        Run r = run("inpaint", "--device", "cpu", "--models", demo.toString(), "--image", picture.toString(),
                "--mask", hole.toString(), "--out", out().toString());
        assertRefused(r, out(), 2, "--prompt");
    }

    @Test
    void outputWithUnknownExtension() {
        Path out = dir.resolve("result.tiff");
        assertRefused(inpaint(demo, picture, hole, out), out, 1, "result.tiff", ".png");
    }

    @Test
    void outputInMissingFolder() {
        Path out = dir.resolve("not-there").resolve("result.png");
        assertRefused(inpaint(demo, picture, hole, out), out, 1, "not-there");
    }

    @Test
    void outputIsAFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("result.png"));
        assertOneLineError(inpaint(demo, picture, hole, folder), 1, "result.png", "folder");
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void badQualityAndFeatherAreUsageErrors() {
        assertRefused(inpaint(demo, picture, hole, out(), "--quality", "1.5"), out(), 2, "--quality");
        assertRefused(inpaint(demo, picture, hole, out(), "--feather", "-3"), out(), 2, "feather", "-3");
        assertRefused(inpaint(demo, picture, hole, out(), "--steps", "many"), out(), 2, "--steps", "many");
    }

    @Test
    void optionValuesAreCheckedBeforeAnyFile() {
        Run r = inpaint(dir.resolve("no-models"), dir.resolve("no-picture.png"), hole, out(), "--steps", "0");
        assertRefused(r, out(), 2, "steps");
    }

    // ---- models check / demo -------------------------------------------------------------------

    @Test
    void checkDemoSet() {
        Run r = run("models", "check", demo.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("Usable."), r::toString);
        assertEquals("", r.err());
    }

    @Test
    void checkBrokenSet() throws IOException {
        Path set = copyOfDemo(dir.resolve("set"));
        Files.delete(set.resolve("movq_decoder.onnx"));
        Run r = run("models", "check", set.toString());
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.contains("FAIL") && l.contains("movq_decoder.onnx")), r::toString);
        assertFalse(r.out().contains("Usable."), r::toString);
    }

    @Test
    void demoIntoEmptyFolder() throws IOException {
        Path target = Files.createDirectory(dir.resolve("fresh"));
        Run r = run("models", "demo", target.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals(0, run("models", "check", target.toString()).code());
        assertEquals(0, inpaint(target, picture, hole, out()).code());
    }

    @Test
    void demoRefusesFolderWithOtherFiles() throws IOException {
        Path target = Files.createDirectory(dir.resolve("holiday"));
        Files.writeString(target.resolve("letter.txt"), "dear aunt");
        Run r = run("models", "demo", target.toString());
        assertOneLineError(r, 1, "holiday");
        try (Stream<Path> files = Files.list(target)) {
            assertEquals(1, files.count(), "files were added to a folder holding other data");
        }
    }

    // ---- seeds and latents ---------------------------------------------------------------------

    private static long printedSeed(Run r) {
        Matcher m = SEED.matcher(r.err());
        assertTrue(m.find(), () -> "no seed printed\n" + r);
        return Long.parseLong(m.group(1));
    }

    @Test
    void sameSeedSameBytes() throws IOException {
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        Run first = inpaint(demo, picture, hole, a, "--seed", "5");
        Run second = inpaint(demo, picture, hole, b, "--seed", "5");
        assertEquals(0, first.code(), first::toString);
        assertEquals(0, second.code(), second::toString);
        assertEquals(5, printedSeed(first));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void printedRandomSeedReproducesTheRun() throws IOException {
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        Run first = inpaint(demo, picture, hole, a);
        assertEquals(0, first.code(), first::toString);
        long seed = printedSeed(first);
        Run second = inpaint(demo, picture, hole, b, "--seed", Long.toString(seed));
        assertEquals(0, second.code(), second::toString);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void savedLatentFeedsBackAsInitNoise() throws IOException {
        Path latent = dir.resolve("a.npy");
        Run save = inpaint(demo, picture, hole, dir.resolve("a.png"), "--seed", "9", "--save-latent", latent.toString());
        assertEquals(0, save.code(), save::toString);
        assertArrayEquals(new long[]{1, 4, 8, 8}, Npy.read(latent).shape());
        Run reuse = inpaint(demo, picture, hole, out(), "--seed", "9", "--init-noise", latent.toString());
        assertEquals(0, reuse.code(), reuse::toString);
        assertSameOutside(read(picture), read(out()), 24, 24, 40, 40, 20, 0);
    }

    @Test
    void saveLatentInMissingFolder() {
        Path latent = dir.resolve("gone").resolve("a.npy");
        assertRefused(inpaint(demo, picture, hole, out(), "--save-latent", latent.toString()), out(), 1, "gone");
    }

    @Test
    void missingInitNoise() {
        Path latent = dir.resolve("absent.npy");
        assertRefused(inpaint(demo, picture, hole, out(), "--init-noise", latent.toString()), out(), 1,
                "absent.npy", "does not exist");
    }

    @Test
    void initNoiseOfWrongShape() throws IOException {
        Path wrong = dir.resolve("wrong.npy");
        Npy.write(wrong, new float[4 * 6 * 6], 1, 4, 6, 6);
        assertRefused(inpaint(demo, picture, hole, out(), "--init-noise", wrong.toString()), out(), 1,
                "wrong.npy", "[1, 4, 8, 8]");
    }
}
