package app.vernissage.engine.modelset;

import java.util.List;
import java.util.Set;

import static app.vernissage.engine.modelset.ElementType.BOOL;
import static app.vernissage.engine.modelset.ElementType.FLOAT;
import static app.vernissage.engine.modelset.ElementType.FLOAT16;
import static app.vernissage.engine.modelset.ElementType.INT64;
import static app.vernissage.engine.modelset.TensorRule.ANY;
import static app.vernissage.engine.modelset.TensorRule.CONTEXT;

/**
 * The four graphs of a model set, their file names and the interface each must declare
 * (see models/README.md). Float tensors may be float32 or float16; {@code timestep} int64 or float.
 */
public enum ModelComponent {
    TEXT_ENCODER("text encoder", "text_encoder.onnx",
            List.of(new TensorRule("input_ids", Set.of(INT64), new long[]{ANY, ANY}, "[batch, tokens]"),
                    new TensorRule("attention_mask", Set.of(INT64), new long[]{ANY, ANY}, "[batch, tokens]")),
            List.of(new TensorRule("context", Set.of(FLOAT, FLOAT16), new long[]{ANY, ANY, CONTEXT}, "[batch, tokens, D]"))),
    UNET("U-Net", "unet.onnx",
            List.of(new TensorRule("sample", Set.of(FLOAT, FLOAT16), new long[]{ANY, 9, ANY, ANY}, "[batch, 9, h, w]"),
                    new TensorRule("timestep", Set.of(INT64, FLOAT, FLOAT16), new long[]{ANY}, "[batch]"),
                    new TensorRule("context", Set.of(FLOAT, FLOAT16), new long[]{ANY, ANY, CONTEXT}, "[batch, N, D]"),
                    new TensorRule("context_mask", Set.of(BOOL), new long[]{ANY, ANY}, "[batch, N]")),
            List.of(new TensorRule("noise_pred", Set.of(FLOAT, FLOAT16), new long[]{ANY, 4, ANY, ANY}, "[batch, 4, h, w]"))),
    MOVQ_ENCODER("MoVQ encoder", "movq_encoder.onnx",
            List.of(new TensorRule("image", Set.of(FLOAT, FLOAT16), new long[]{ANY, 3, ANY, ANY}, "[batch, 3, H, W]")),
            List.of(new TensorRule("latent", Set.of(FLOAT, FLOAT16), new long[]{ANY, 4, ANY, ANY}, "[batch, 4, h, w]"))),
    MOVQ_DECODER("MoVQ decoder", "movq_decoder.onnx",
            List.of(new TensorRule("latent", Set.of(FLOAT, FLOAT16), new long[]{ANY, 4, ANY, ANY}, "[batch, 4, h, w]")),
            List.of(new TensorRule("image", Set.of(FLOAT, FLOAT16), new long[]{ANY, 3, ANY, ANY}, "[batch, 3, H, W]")));

    private final String label;
    private final String fileName;
    private final List<TensorRule> inputs;
    private final List<TensorRule> outputs;

    ModelComponent(String label, String fileName, List<TensorRule> inputs, List<TensorRule> outputs) {
        this.label = label;
        this.fileName = fileName;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    public String label() {
        return label;
    }

    public String fileName() {
        return fileName;
    }

    public List<TensorRule> inputs() {
        return inputs;
    }

    public List<TensorRule> outputs() {
        return outputs;
    }

    /** The single output every component has. */
    public String outputName() {
        return outputs.getFirst().name();
    }
}
