package app.vernissage.ui.models;

import app.vernissage.engine.modelset.ComponentCheck;
import app.vernissage.engine.modelset.ModelSetValidator;
import app.vernissage.engine.modelset.ValidationReport;
import app.vernissage.engine.runtime.CudaDiagnostics;
import app.vernissage.engine.runtime.MemoryEstimate;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.runtime.ModelFootprint;
import app.vernissage.engine.runtime.PlacementAdvisor;
import app.vernissage.engine.runtime.PlacementPreset;
import app.vernissage.ui.Messages;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The models page without a window: a folder's validation report as rows, the advisor's suggested
 * placement and why, the chosen placement and memory mode with their memory estimate, and the CUDA
 * diagnostics. Checking runs on {@code background}; every property belongs to the UI thread.
 */
public final class ModelsPageModel {
    /** One table row: a file of the set. */
    public record Row(String file, boolean found, String size, boolean ok, String precision, String detail) {
    }

    private final Executor background;
    private final Consumer<Runnable> uiThread;
    private final Supplier<OptionalLong> gpuMemory;
    private final Supplier<CudaDiagnostics> diagnostics;
    private final Consumer<PlacementSettings> apply;

    private final ReadOnlyObjectWrapper<Path> dir = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper usable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PlacementAdvisor.Advice> advice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper adviceText = new ReadOnlyStringWrapper("");
    private final ObjectProperty<PlacementPreset> preset = new SimpleObjectProperty<>();
    private final ObjectProperty<MemoryMode> mode = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper estimateText = new ReadOnlyStringWrapper("");
    private final ObservableList<String> cudaLines = FXCollections.observableArrayList();
    private ModelFootprint footprint;
    private long generation;

    /**
     * @param current     the placement in use, selected at first
     * @param gpuMemory   the GPU's memory, e.g. {@link PlacementAdvisor#gpuMemoryBytes()} (called in the background)
     * @param diagnostics e.g. {@link CudaDiagnostics#check()} (called in the background)
     * @param apply       receives the chosen settings on Apply
     */
    public ModelsPageModel(Executor background, Consumer<Runnable> uiThread, Path dir, PlacementSettings current,
                           Supplier<OptionalLong> gpuMemory, Supplier<CudaDiagnostics> diagnostics,
                           Consumer<PlacementSettings> apply) {
        this.background = background;
        this.uiThread = uiThread;
        this.gpuMemory = gpuMemory;
        this.diagnostics = diagnostics;
        this.apply = apply;
        this.dir.set(dir);
        preset.set(current.preset());
        mode.set(current.mode());
        preset.addListener((o, a, b) -> updateEstimate());
        mode.addListener((o, a, b) -> updateEstimate());
    }

    /** Checks the current folder again. */
    public void refresh() {
        choose(dir.get());
    }

    /** Checks {@code folder} in the background and shows its report, advice and estimate. */
    public void choose(Path folder) {
        dir.set(folder);
        checking.set(true);
        summary.set(Messages.get("models.checking", folder));
        long id = ++generation;
        background.execute(() -> {
            ValidationReport report = ModelSetValidator.check(folder);
            List<Row> found = report.checks().stream().map(c -> row(folder, c)).toList();
            ModelFootprint fp = ModelFootprint.of(folder);
            PlacementAdvisor.Advice a = PlacementAdvisor.advise(fp, gpuMemory.get(),
                    MemoryEstimate.DEFAULT_SIDE, MemoryEstimate.DEFAULT_SIDE);
            List<String> cuda = diagnostics.get().lines().stream().map(CudaDiagnostics.Line::format)
                    .map(String::strip).toList();
            uiThread.accept(() -> {
                if (id != generation) {
                    return;
                }
                rows.setAll(found);
                footprint = fp;
                advice.set(a);
                adviceText.set(Messages.get("models.suggested", label(a.preset()), modeLabel(a.mode()), a.explanation()));
                cudaLines.setAll(cuda);
                usable.set(report.usable());
                int problems = report.problems().size();
                summary.set(problems == 0 ? Messages.get("models.usable", folder)
                        : Messages.get("models.notUsable", folder, problems));
                checking.set(false);
                updateEstimate();
            });
        });
    }

    static Row row(Path folder, ComponentCheck check) {
        Path file = folder.resolve(check.file());
        boolean found = Files.exists(file);
        String size = "";
        if (found) {
            try {
                size = MemoryEstimate.gb(Files.size(file));
            } catch (IOException e) {
                size = "?";
            }
        }
        String precision = "";
        String detail = check.detail();
        if (check.ok()) {
            String[] parts = detail.split(", ");
            if (parts.length > 1 && (parts[1].startsWith("float") || parts[1].startsWith("int"))) {
                precision = parts[1];
                size = parts[0];
            }
        }
        return new Row(check.file(), found, size, check.ok(), precision, detail);
    }

    /** Selects the advisor's suggestion. */
    public void useSuggestion() {
        PlacementAdvisor.Advice a = advice.get();
        if (a != null) {
            preset.set(a.preset());
            mode.set(a.mode());
        }
    }

    /** Hands the chosen placement and memory mode to the editor (which stores them). */
    public void apply() {
        apply.accept(new PlacementSettings(preset.get(), mode.get()));
    }

    private void updateEstimate() {
        if (footprint == null || preset.get() == null || mode.get() == null) {
            estimateText.set("");
            return;
        }
        MemoryEstimate e = PlacementAdvisor.estimate(footprint, preset.get(), mode.get(),
                MemoryEstimate.DEFAULT_SIDE, MemoryEstimate.DEFAULT_SIDE);
        estimateText.set(Messages.get("models.estimate", MemoryEstimate.gb(e.gpuBytes()), MemoryEstimate.gb(e.cpuBytes()),
                e.width(), e.height()));
    }

    public static String label(PlacementPreset preset) {
        return Messages.get("models.placement." + preset.key());
    }

    public static String modeLabel(MemoryMode mode) {
        return Messages.get("models.mode." + mode.name());
    }

    public ReadOnlyObjectProperty<Path> dirProperty() {
        return dir.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty usableProperty() {
        return usable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ReadOnlyObjectProperty<PlacementAdvisor.Advice> adviceProperty() {
        return advice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty adviceTextProperty() {
        return adviceText.getReadOnlyProperty();
    }

    public ObjectProperty<PlacementPreset> presetProperty() {
        return preset;
    }

    public ObjectProperty<MemoryMode> modeProperty() {
        return mode;
    }

    public ReadOnlyStringProperty estimateTextProperty() {
        return estimateText.getReadOnlyProperty();
    }

    public ObservableList<String> cudaLines() {
        return FXCollections.unmodifiableObservableList(cudaLines);
    }
}
