package app.vernissage.engine.modelset;

import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.runtime.ModelSessions;
import app.vernissage.engine.runtime.TensorData;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import app.vernissage.engine.testing.OnnxEdits;
import app.vernissage.engine.testing.TestSets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelSetValidatorTest {
    @TempDir
    Path dir;

    @BeforeEach
    void writeSet() {
        TestSets.write(dir, SyntheticModelSet.Options.oracle());
    }

    private String onlyProblem() {
        ValidationReport report = ModelSetValidator.check(dir);
        assertFalse(report.usable());
        assertEquals(1, report.problems().size(), report.format());
        ComponentCheck p = report.problems().getFirst();
        return p.file() + ": " + p.detail();
    }

    @Test
    void generatedSetIsUsableAndReportsEachFile() {
        ValidationReport report = ModelSetValidator.check(dir);
        assertTrue(report.usable(), report.format());
        String text = report.format();
        for (ModelComponent c : ModelComponent.values()) {
            assertTrue(text.contains("ok    " + c.fileName()), text);
        }
        assertTrue(text.endsWith("Usable.\n"));
    }

    @Test
    void missingGraphIsNamed() throws Exception {
        Files.delete(dir.resolve("unet.onnx"));
        assertEquals("unet.onnx: the U-Net graph is missing", onlyProblem());
        ModelSetException e = assertThrows(ModelSetException.class, () -> ModelSetValidator.open(dir));
        assertEquals("unet.onnx: the U-Net graph is missing", e.getMessage());
    }

    @Test
    void renamedInputNamesFileTensorExpectationAndFinding() throws Exception {
        OnnxEdits.renameInput(dir.resolve("unet.onnx"), "context_mask", "mask");
        assertEquals("unet.onnx: input 'context_mask' (bool [batch, N]) is missing; the graph's inputs are "
                + "sample, timestep, context, mask", onlyProblem());
    }

    @Test
    void wrongChannelCountIsNamed() throws Exception {
        OnnxEdits.fixInputDim(dir.resolve("unet.onnx"), "sample", 1, 4);
        assertEquals("unet.onnx: input 'sample' should have shape [batch, 9, h, w] but dimension 1 is 4 instead of 9",
                onlyProblem());
    }

    @Test
    void contextWidthMustMatchTheManifest() throws Exception {
        OnnxEdits.fixInputDim(dir.resolve("unet.onnx"), "context", 2, 4096);
        assertEquals("unet.onnx: input 'context' should have shape [batch, N, D] but dimension 2 is 4096 instead of 16",
                onlyProblem());
    }

    @Test
    void wrongElementTypeIsNamed() throws Exception {
        OnnxEdits.edit(dir.resolve("text_encoder.onnx"), m -> {
            m.getGraphBuilder().getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().setElemType(6);
            return m;
        });
        assertEquals("text_encoder.onnx: input 'input_ids' should be int64 but is int32", onlyProblem());
    }

    @Test
    void notAnOnnxFile() throws Exception {
        Files.writeString(dir.resolve("movq_decoder.onnx"), "this is not a graph");
        assertTrue(onlyProblem().startsWith("movq_decoder.onnx: the MoVQ decoder cannot be read: "), onlyProblem());
    }

    @Test
    void customOperatorDomainsAreRefused() throws Exception {
        OnnxEdits.customDomain(dir.resolve("movq_encoder.onnx"), "com.example.custom");
        assertEquals("movq_encoder.onnx: uses operators of the custom domain 'com.example.custom'; Vernissage never "
                + "loads operator libraries from a model folder", onlyProblem());
    }

    @Test
    void externalDataLoadsAndItsAbsenceIsNamed() throws Exception {
        OnnxEdits.externalize(dir.resolve("text_encoder.onnx"), "text_encoder.onnx.data");
        ModelSet set = TestSets.open(dir);
        assertEquals(java.util.Set.of("text_encoder.onnx.data"), set.signature(ModelComponent.TEXT_ENCODER).externalDataFiles());
        try (ModelSessions sessions = new ModelSessions(set, TestSets.device(), MemoryMode.KEEP_LOADED)) {
            TensorData.Floats out = sessions.run(ModelComponent.TEXT_ENCODER, Map.of(
                    "input_ids", new TensorData.Longs(new long[]{1, 2}, new long[]{7, 1}),
                    "attention_mask", new TensorData.Longs(new long[]{1, 2}, new long[]{1, 1})), new CancellationToken());
            assertArrayEquals(new long[]{1, 2, 16}, out.shape());
        }
        Files.delete(dir.resolve("text_encoder.onnx.data"));
        assertEquals("text_encoder.onnx: its weights file 'text_encoder.onnx.data' (external data) is missing", onlyProblem());
    }

    @Test
    void nullEmbeddingMustHaveTheContextWidth() throws Exception {
        app.vernissage.core.io.Npy.write(dir.resolve(ModelSet.NULL_EMBEDDING_FILE), new float[5], 5);
        assertEquals("null_embedding.npy: holds 5 values but the context width is 16", onlyProblem());
    }

    @Test
    void manifestProblems() throws Exception {
        Files.writeString(dir.resolve("manifest.json"), "{ not json");
        assertTrue(onlyProblem().startsWith("manifest.json: manifest.json in "), onlyProblem());
        Files.writeString(dir.resolve("manifest.json"), "{\"format\":\"vernissage-model-set\",\"formatVersion\":9,"
                + "\"contextDim\":16,\"maxTokens\":128}");
        assertTrue(onlyProblem().contains("has format version 9; this Vernissage reads versions 1 to 1"), onlyProblem());
    }

    @Test
    void missingFolderSaysHowToGetOne() {
        ValidationReport report = ModelSetValidator.check(dir.resolve("nothing-here"));
        assertFalse(report.usable());
        assertTrue(report.problems().getFirst().detail().contains("vernissage models demo"));
    }

    @Test
    void signatureReadingSkipsWeights() throws Exception {
        GraphSignature sig = GraphSignature.read(dir.resolve("unet.onnx"));
        assertEquals(java.util.List.of("sample", "timestep", "context", "context_mask"),
                sig.inputs().stream().map(TensorSpec::name).toList());
        assertEquals("float32 [batch, 9, latent_height, latent_width]", sig.input("sample").describe());
        assertTrue(sig.initializerNames().contains("alphas_cumprod"));
        assertEquals("ORACLE", sig.metadata().get("vernissage.synthetic"));
    }
}
