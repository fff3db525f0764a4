package app.vernissage.engine.modelset;

/** The ONNX element types the model-set contract talks about; anything else is {@link #OTHER}. */
public enum ElementType {
    FLOAT(1, "float32"),
    FLOAT16(10, "float16"),
    BFLOAT16(16, "bfloat16"),
    DOUBLE(11, "float64"),
    INT64(7, "int64"),
    INT32(6, "int32"),
    BOOL(9, "bool"),
    OTHER(-1, "other");

    private final int onnxCode;
    private final String label;

    ElementType(int onnxCode, String label) {
        this.onnxCode = onnxCode;
        this.label = label;
    }

    public static ElementType fromOnnx(int code) {
        for (ElementType t : values()) {
            if (t.onnxCode == code) {
                return t;
            }
        }
        return OTHER;
    }

    public String label() {
        return label;
    }
}
