package app.vernissage.engine.testing;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Rewrites generated ONNX files the way broken or unusual exports look. */
public final class OnnxEdits {
    private OnnxEdits() {
    }

    public static OnnxMl.ModelProto read(Path file) throws IOException {
        return OnnxMl.ModelProto.parseFrom(Files.readAllBytes(file));
    }

    public static void write(Path file, OnnxMl.ModelProto model) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            model.writeTo(out);
        }
    }

    public static void edit(Path file, UnaryOperator<OnnxMl.ModelProto.Builder> change) throws IOException {
        write(file, change.apply(read(file).toBuilder()).build());
    }

    /** Renames a graph input and every node input that reads it. */
    public static void renameInput(Path file, String from, String to) throws IOException {
        edit(file, m -> {
            OnnxMl.GraphProto.Builder g = m.getGraphBuilder();
            for (OnnxMl.ValueInfoProto.Builder in : g.getInputBuilderList()) {
                if (in.getName().equals(from)) {
                    in.setName(to);
                }
            }
            for (OnnxMl.NodeProto.Builder node : g.getNodeBuilderList()) {
                for (int i = 0; i < node.getInputCount(); i++) {
                    if (node.getInput(i).equals(from)) {
                        node.setInput(i, to);
                    }
                }
            }
            return m;
        });
    }

    /** Sets a dimension of a graph input to a fixed size. */
    public static void fixInputDim(Path file, String input, int dim, long size) throws IOException {
        edit(file, m -> {
            for (OnnxMl.ValueInfoProto.Builder in : m.getGraphBuilder().getInputBuilderList()) {
                if (in.getName().equals(input)) {
                    in.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(dim).clearDimParam().setDimValue(size);
                }
            }
            return m;
        });
    }

    /**
     * Moves the bytes of every initializer of 1 kB or more into {@code dataName} beside the graph
     * (ONNX external data), as exporters do for graphs over 2 GB; small shape constants stay inline.
     */
    public static void externalize(Path file, String dataName) throws IOException {
        Path data = file.resolveSibling(dataName);
        try (OutputStream out = Files.newOutputStream(data)) {
            long[] offset = {0};
            edit(file, m -> {
                for (OnnxMl.TensorProto.Builder t : m.getGraphBuilder().getInitializerBuilderList()) {
                    ByteString raw = t.getRawData();
                    if (raw.size() < 1024) {
                        continue;
                    }
                    try {
                        raw.writeTo(out);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    t.clearRawData().setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL)
                            .addExternalData(entry("location", dataName))
                            .addExternalData(entry("offset", Long.toString(offset[0])))
                            .addExternalData(entry("length", Long.toString(raw.size())));
                    offset[0] += raw.size();
                }
                return m;
            });
        }
    }

    /** Marks the first node as an operator of a custom domain. */
    public static void customDomain(Path file, String domain) throws IOException {
        edit(file, m -> {
            m.getGraphBuilder().getNodeBuilder(0).setDomain(domain);
            m.addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain(domain).setVersion(1));
            return m;
        });
    }

    private static OnnxMl.StringStringEntryProto entry(String key, String value) {
        return OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }
}
