package app.vernissage.engine.modelset;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an ONNX file declares, read without loading its weights: inputs, outputs, the domains of its
 * operators, metadata, and the external-data files its initializers point at. Weight bytes are
 * skipped, so checking a multi-gigabyte graph takes milliseconds.
 */
public record GraphSignature(List<TensorSpec> inputs, List<TensorSpec> outputs, Set<String> operatorDomains,
                             Map<String, String> metadata, Set<String> externalDataFiles, Set<String> initializerNames) {

    // Field numbers of onnx.proto.
    private static final int MODEL_GRAPH = 7;
    private static final int MODEL_METADATA = 14;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_EXTERNAL_DATA = 13;
    private static final int NODE_DOMAIN = 7;

    /** Reads the signature; IOException when the file is not a readable ONNX model. */
    public static GraphSignature read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CodedInputStream coded = CodedInputStream.newInstance(in);
            coded.setSizeLimit(Integer.MAX_VALUE);
            coded.setRecursionLimit(200);
            Builder b = new Builder();
            boolean sawGraph = false;
            while (true) {
                int tag = coded.readTag();
                if (tag == 0) {
                    break;
                }
                int field = WireFormat.getTagFieldNumber(tag);
                if (field == MODEL_GRAPH && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    int limit = coded.pushLimit(coded.readRawVarint32());
                    readGraph(coded, b);
                    coded.popLimit(limit);
                    sawGraph = true;
                } else if (field == MODEL_METADATA && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    OnnxMl.StringStringEntryProto entry = OnnxMl.StringStringEntryProto.parseFrom(coded.readBytes());
                    b.metadata.put(entry.getKey(), entry.getValue());
                } else if (!coded.skipField(tag)) {
                    break;
                }
            }
            if (!sawGraph) {
                throw new IOException("it holds no ONNX graph");
            }
            return new GraphSignature(List.copyOf(b.inputs), List.copyOf(b.outputs), Set.copyOf(b.domains),
                    Map.copyOf(b.metadata), Set.copyOf(b.external), Set.copyOf(b.initializers));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IOException("it is not a valid ONNX file (" + e.getMessage() + ")", e);
        }
    }

    private static void readGraph(CodedInputStream coded, Builder b) throws IOException {
        while (true) {
            int tag = coded.readTag();
            if (tag == 0) {
                return;
            }
            int field = WireFormat.getTagFieldNumber(tag);
            boolean delimited = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
            if (delimited && (field == GRAPH_INPUT || field == GRAPH_OUTPUT)) {
                TensorSpec spec = toSpec(OnnxMl.ValueInfoProto.parseFrom(coded.readBytes()));
                (field == GRAPH_INPUT ? b.inputs : b.outputs).add(spec);
            } else if (delimited && field == GRAPH_INITIALIZER) {
                int limit = coded.pushLimit(coded.readRawVarint32());
                readInitializer(coded, b);
                coded.popLimit(limit);
            } else if (delimited && field == GRAPH_NODE) {
                int limit = coded.pushLimit(coded.readRawVarint32());
                b.domains.add(readNodeDomain(coded));
                coded.popLimit(limit);
            } else if (!coded.skipField(tag)) {
                return;
            }
        }
    }

    /** Reads an initializer's name and external-data location, skipping its values. */
    private static void readInitializer(CodedInputStream coded, Builder b) throws IOException {
        while (true) {
            int tag = coded.readTag();
            if (tag == 0) {
                return;
            }
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == TENSOR_NAME) {
                b.initializers.add(coded.readStringRequireUtf8());
            } else if (field == TENSOR_EXTERNAL_DATA) {
                OnnxMl.StringStringEntryProto entry = OnnxMl.StringStringEntryProto.parseFrom(coded.readBytes());
                if (entry.getKey().equals("location")) {
                    b.external.add(entry.getValue());
                }
            } else if (!coded.skipField(tag)) {
                return;
            }
        }
    }

    private static String readNodeDomain(CodedInputStream coded) throws IOException {
        String domain = "";
        while (true) {
            int tag = coded.readTag();
            if (tag == 0) {
                return domain;
            }
            if (WireFormat.getTagFieldNumber(tag) == NODE_DOMAIN) {
                domain = coded.readStringRequireUtf8();
            } else if (!coded.skipField(tag)) {
                return domain;
            }
        }
    }

    private static TensorSpec toSpec(OnnxMl.ValueInfoProto info) {
        OnnxMl.TypeProto.Tensor tensor = info.getType().getTensorType();
        List<OnnxMl.TensorShapeProto.Dimension> dimList = tensor.getShape().getDimList();
        long[] dims = new long[dimList.size()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < dims.length; i++) {
            OnnxMl.TensorShapeProto.Dimension d = dimList.get(i);
            dims[i] = d.hasDimValue() ? d.getDimValue() : -1;
            names.add(d.hasDimParam() ? d.getDimParam() : "");
        }
        return new TensorSpec(info.getName(), ElementType.fromOnnx(tensor.getElemType()), dims, names);
    }

    public TensorSpec input(String name) {
        return inputs.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    public TensorSpec output(String name) {
        return outputs.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    private static final class Builder {
        final List<TensorSpec> inputs = new ArrayList<>();
        final List<TensorSpec> outputs = new ArrayList<>();
        final Set<String> domains = new LinkedHashSet<>();
        final Map<String, String> metadata = new HashMap<>();
        final Set<String> external = new LinkedHashSet<>();
        final Set<String> initializers = new LinkedHashSet<>();
    }
}
