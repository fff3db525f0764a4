package app.vernissage.engine.synthetic;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * A small helper over the ONNX protobuf classes for writing the project's generated graphs.
 * Names of intermediate values are generated; inputs, outputs and initializers are named by the caller.
 * A dimension given as a String is symbolic (dynamic), as an Integer/Long it is fixed.
 */
final class GraphBuilder {
    static final int OPSET = 17;
    static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT_VALUE;
    static final int FLOAT16 = OnnxMl.TensorProto.DataType.FLOAT16_VALUE;
    static final int INT64 = OnnxMl.TensorProto.DataType.INT64_VALUE;
    static final int BOOL = OnnxMl.TensorProto.DataType.BOOL_VALUE;

    private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
    private final OnnxMl.ModelProto.Builder model = OnnxMl.ModelProto.newBuilder();
    private int counter;

    GraphBuilder(String name) {
        graph.setName(name);
        model.setIrVersion(8)
                .setProducerName("vernissage")
                .setProducerVersion("1")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET));
    }

    GraphBuilder metadata(String key, String value) {
        model.addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value));
        return this;
    }

    String input(String name, int elementType, Object... dims) {
        graph.addInput(valueInfo(name, elementType, dims));
        return name;
    }

    void output(String value, String name, int elementType, Object... dims) {
        node("Identity", new String[]{value}, name, Map.of());
        graph.addOutput(valueInfo(name, elementType, dims));
    }

    private static OnnxMl.ValueInfoProto valueInfo(String name, int elementType, Object... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (Object dim : dims) {
            OnnxMl.TensorShapeProto.Dimension.Builder d = OnnxMl.TensorShapeProto.Dimension.newBuilder();
            if (dim instanceof Number n) {
                d.setDimValue(n.longValue());
            } else {
                d.setDimParam(String.valueOf(dim));
            }
            shape.addDim(d);
        }
        OnnxMl.TypeProto type = OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(elementType).setShape(shape))
                .build();
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    /** A float32 initializer. */
    String floats(String name, float[] values, long... dims) {
        if (values.length != product(dims)) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for shape of " + product(dims));
        }
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bytes.putFloat(v);
        }
        bytes.flip();
        addInitializer(name, FLOAT, ByteString.copyFrom(bytes), dims);
        return name;
    }

    /** An int64 initializer. */
    String longs(String name, long[] values, long... dims) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            bytes.putLong(v);
        }
        bytes.flip();
        addInitializer(name, INT64, ByteString.copyFrom(bytes), dims);
        return name;
    }

    String scalar(float value) {
        return floats(fresh("c"), new float[]{value});
    }

    String longs(long... values) {
        return longs(fresh("i"), values, values.length);
    }

    private void addInitializer(String name, int type, ByteString raw, long... dims) {
        OnnxMl.TensorProto.Builder tensor = OnnxMl.TensorProto.newBuilder().setName(name).setDataType(type).setRawData(raw);
        for (long d : dims) {
            tensor.addDims(d);
        }
        graph.addInitializer(tensor);
    }

    /** Adds a node with one output and returns the output's name. Attribute values: Long, Float, String, long[]. */
    String node(String op, String[] inputs, Map<String, Object> attributes) {
        return node(op, inputs, fresh(op.toLowerCase()), attributes);
    }

    String node(String op, String... inputs) {
        return node(op, inputs, Map.of());
    }

    String node(String op, String[] inputs, String output, Map<String, Object> attributes) {
        OnnxMl.NodeProto.Builder node = OnnxMl.NodeProto.newBuilder().setOpType(op).setName(fresh("n_" + op));
        for (String in : inputs) {
            node.addInput(in);
        }
        node.addOutput(output);
        attributes.forEach((key, value) -> node.addAttribute(attribute(key, value)));
        graph.addNode(node);
        return output;
    }

    private static OnnxMl.AttributeProto attribute(String name, Object value) {
        OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder().setName(name);
        switch (value) {
            case Long l -> a.setType(OnnxMl.AttributeProto.AttributeType.INT).setI(l);
            case Integer i -> a.setType(OnnxMl.AttributeProto.AttributeType.INT).setI(i);
            case Float f -> a.setType(OnnxMl.AttributeProto.AttributeType.FLOAT).setF(f);
            case String s -> a.setType(OnnxMl.AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(s));
            case long[] ls -> {
                a.setType(OnnxMl.AttributeProto.AttributeType.INTS);
                for (long l : ls) {
                    a.addInts(l);
                }
            }
            default -> throw new IllegalArgumentException("unsupported attribute " + name + ": " + value);
        }
        return a.build();
    }

    String fresh(String prefix) {
        return prefix + "_" + (counter++);
    }

    OnnxMl.ModelProto build() {
        return model.setGraph(graph).build();
    }

    /** Writes the model next to its final place, then moves it in. */
    void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            build().writeTo(out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static long product(long... dims) {
        long p = 1;
        for (long d : dims) {
            p *= d;
        }
        return p;
    }
}
