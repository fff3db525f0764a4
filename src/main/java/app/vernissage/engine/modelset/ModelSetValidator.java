package app.vernissage.engine.modelset;

import app.vernissage.core.io.Npy;
import app.vernissage.core.io.NpyArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a model-set folder against the contract before anything runs: the manifest, the tokenizer
 * file, each graph's declared inputs and outputs (by name, element type and fixed sizes), its
 * external-data files, operator domains that would need custom libraries, the null embedding and the
 * preview map. Graph weights are not loaded.
 */
public final class ModelSetValidator {
    /** Operator domains ONNX Runtime provides itself; anything else would need a custom-op library. */
    private static final Set<String> BUILT_IN_DOMAINS = Set.of("", "ai.onnx", "ai.onnx.ml", "com.microsoft");

    private ModelSetValidator() {
    }

    /** Validates and opens; throws with the first problem as one sentence. */
    public static ModelSet open(Path dir) throws ModelSetException {
        Result r = validate(dir);
        if (!r.report.usable()) {
            ComponentCheck first = r.report.problems().getFirst();
            throw new ModelSetException(first.file() + ": " + first.detail(), r.report);
        }
        return new ModelSet(dir, r.manifest, r.signatures, r.nullEmbedding, r.previewMap);
    }

    /** Validates every file and reports all problems. */
    public static ValidationReport check(Path dir) {
        return validate(dir).report;
    }

    private static Result validate(Path dir) {
        Result r = new Result();
        List<ComponentCheck> checks = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            checks.add(ComponentCheck.problem(dir.toString(), "no such folder; create one with `vernissage models demo "
                    + dir + "` or export the real model (models/README.md)"));
            r.report = new ValidationReport(dir, null, checks);
            return r;
        }
        try {
            r.manifest = ModelSetManifest.read(dir);
            checks.add(ComponentCheck.ok(ModelSetManifest.FILE_NAME, "format " + r.manifest.formatVersion()
                    + ", context width " + r.manifest.contextDim()));
        } catch (IOException e) {
            checks.add(ComponentCheck.problem(ModelSetManifest.FILE_NAME, e.getMessage()));
        }
        checks.add(checkTokenizer(dir));
        for (ModelComponent component : ModelComponent.values()) {
            checks.add(checkGraph(dir, component, r));
        }
        checks.add(checkNullEmbedding(dir, r));
        try {
            r.previewMap = LatentPreviewMap.read(dir);
            checks.add(ComponentCheck.ok(LatentPreviewMap.FILE_NAME, "latent preview map"));
        } catch (IOException e) {
            checks.add(ComponentCheck.problem(LatentPreviewMap.FILE_NAME, e.getMessage()));
        }
        r.report = new ValidationReport(dir, r.manifest == null ? null : r.manifest.name(), checks);
        return r;
    }

    private static ComponentCheck checkTokenizer(Path dir) {
        Path file = dir.resolve(ModelSet.TOKENIZER_FILE);
        if (!Files.isRegularFile(file)) {
            return ComponentCheck.problem(ModelSet.TOKENIZER_FILE, "the tokenizer file is missing");
        }
        try {
            return ComponentCheck.ok(ModelSet.TOKENIZER_FILE, size(Files.size(file)));
        } catch (IOException e) {
            return ComponentCheck.problem(ModelSet.TOKENIZER_FILE, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static ComponentCheck checkGraph(Path dir, ModelComponent component, Result r) {
        String fileName = component.fileName();
        Path file = dir.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            return ComponentCheck.problem(fileName, "the " + component.label() + " graph is missing");
        }
        GraphSignature sig;
        long bytes;
        try {
            bytes = Files.size(file);
            sig = GraphSignature.read(file);
        } catch (IOException e) {
            return ComponentCheck.problem(fileName, "the " + component.label() + " cannot be read: " + e.getMessage());
        }
        int contextDim = r.manifest == null ? -1 : r.manifest.contextDim();
        String problem = contractProblem(component, sig, contextDim);
        if (problem != null) {
            return ComponentCheck.problem(fileName, problem);
        }
        for (String domain : sig.operatorDomains()) {
            if (!BUILT_IN_DOMAINS.contains(domain)) {
                return ComponentCheck.problem(fileName, "uses operators of the custom domain '" + domain
                        + "'; Vernissage never loads operator libraries from a model folder");
            }
        }
        long externalBytes = 0;
        for (String location : sig.externalDataFiles()) {
            Path data = file.resolveSibling(location).normalize();
            if (!data.startsWith(dir.normalize()) || !Files.isRegularFile(data)) {
                return ComponentCheck.problem(fileName, "its weights file '" + location + "' (external data) is missing");
            }
            try {
                externalBytes += Files.size(data);
            } catch (IOException e) {
                return ComponentCheck.problem(fileName, "its weights file '" + location + "' cannot be read");
            }
        }
        r.signatures.put(component, sig);
        String precision = sig.input(component.inputs().getFirst().name()).elementType() == ElementType.INT64
                ? sig.output(component.outputName()).elementType().label()
                : sig.input(component.inputs().getFirst().name()).elementType().label();
        String detail = size(bytes + externalBytes) + ", " + precision
                + (sig.externalDataFiles().isEmpty() ? "" : ", external data " + String.join(", ", new TreeSet<>(sig.externalDataFiles())));
        return ComponentCheck.ok(fileName, detail);
    }

    /** The first way {@code sig} breaks the component's contract, as a sentence, or null. */
    static String contractProblem(ModelComponent component, GraphSignature sig, int contextDim) {
        String inputs = tensorsProblem("input", component.inputs(), sig.inputs(), contextDim);
        if (inputs != null) {
            return inputs;
        }
        for (TensorSpec input : sig.inputs()) {
            boolean known = component.inputs().stream().anyMatch(rule -> rule.name().equals(input.name()));
            if (!known && !sig.initializerNames().contains(input.name())) {
                return "has an unexpected input '" + input.name() + "'; expected exactly "
                        + String.join(", ", component.inputs().stream().map(TensorRule::name).toList());
            }
        }
        return tensorsProblem("output", component.outputs(), sig.outputs(), contextDim);
    }

    /** The first rule that {@code declared} (the graph's inputs or outputs) breaks, or null. */
    private static String tensorsProblem(String kind, List<TensorRule> rules, List<TensorSpec> declared, int contextDim) {
        for (TensorRule rule : rules) {
            TensorSpec actual = declared.stream().filter(t -> t.name().equals(rule.name())).findFirst().orElse(null);
            if (actual == null) {
                return kind + " '" + rule.name() + "' (" + rule.describe() + ") is missing; the graph's " + kind
                        + "s are " + names(declared);
            }
            String mismatch = rule.mismatch(actual, contextDim);
            if (mismatch != null) {
                return kind + " " + mismatch;
            }
        }
        return null;
    }

    private static ComponentCheck checkNullEmbedding(Path dir, Result r) {
        Path file = dir.resolve(ModelSet.NULL_EMBEDDING_FILE);
        if (!Files.isRegularFile(file)) {
            return ComponentCheck.problem(ModelSet.NULL_EMBEDDING_FILE, "the null embedding is missing");
        }
        try {
            NpyArray array = Npy.read(file);
            if (r.manifest != null && array.data().length != r.manifest.contextDim()) {
                return ComponentCheck.problem(ModelSet.NULL_EMBEDDING_FILE, "holds " + array.data().length
                        + " values but the context width is " + r.manifest.contextDim());
            }
            r.nullEmbedding = array.data();
            return ComponentCheck.ok(ModelSet.NULL_EMBEDDING_FILE, array.data().length + " values");
        } catch (IOException e) {
            return ComponentCheck.problem(ModelSet.NULL_EMBEDDING_FILE, e.getMessage());
        }
    }

    private static String names(List<TensorSpec> specs) {
        return specs.isEmpty() ? "none" : String.join(", ", specs.stream().map(TensorSpec::name).toList());
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }

    private static final class Result {
        ModelSetManifest manifest;
        final Map<ModelComponent, GraphSignature> signatures = new EnumMap<>(ModelComponent.class);
        float[] nullEmbedding;
        LatentPreviewMap previewMap;
        ValidationReport report;
    }
}
