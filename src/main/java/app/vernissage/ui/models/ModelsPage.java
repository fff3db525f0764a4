package app.vernissage.ui.models;

import app.vernissage.engine.runtime.CudaDiagnostics;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.runtime.PlacementAdvisor;
import app.vernissage.engine.runtime.PlacementPreset;
import app.vernissage.ui.Messages;
import app.vernissage.ui.editor.EditorViewModel;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The models page: a window showing a model-set folder's check per file, the suggested placement
 * and why, the placement and memory mode with their memory estimate, and the CUDA diagnostics.
 * Apply hands the choice to the editor, which uses it from the next generation on.
 */
public final class ModelsPage extends VBox {
    private final ModelsPageModel model;

    public ModelsPage(ModelsPageModel model) {
        this.model = model;
        setId("modelsPage");
        setSpacing(8);
        setPadding(new Insets(12));

        TextField folder = new TextField();
        folder.setId("modelsFolder");
        folder.setEditable(false);
        HBox.setHgrow(folder, Priority.ALWAYS);
        folder.textProperty().bind(Bindings.createStringBinding(
                () -> model.dirProperty().get() == null ? "" : model.dirProperty().get().toString(), model.dirProperty()));
        Button choose = new Button(Messages.get("models.chooseFolder"));
        choose.setId("modelsChooseFolder");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(Messages.get("dialog.modelSet.title"));
            Path current = model.dirProperty().get();
            if (current != null && current.toFile().isDirectory()) {
                chooser.setInitialDirectory(current.toFile());
            }
            java.io.File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
            if (dir != null) {
                model.choose(dir.toPath());
            }
        });
        Label summary = new Label();
        summary.setId("modelsSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());

        TableView<ModelsPageModel.Row> table = new TableView<>(model.rows());
        table.setId("modelsTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("models.column.file", ModelsPageModel.Row::file));
        table.getColumns().add(column("models.column.found", r -> Messages.get(r.found() ? "models.yes" : "models.no")));
        table.getColumns().add(column("models.column.size", ModelsPageModel.Row::size));
        table.getColumns().add(column("models.column.ok", r -> Messages.get(r.ok() ? "models.yes" : "models.no")));
        table.getColumns().add(column("models.column.precision", ModelsPageModel.Row::precision));
        table.getColumns().add(column("models.column.detail", ModelsPageModel.Row::detail));
        table.setPrefHeight(220);

        Label advice = new Label();
        advice.setId("modelsAdvice");
        advice.setWrapText(true);
        advice.textProperty().bind(model.adviceTextProperty());
        Button useSuggestion = new Button(Messages.get("models.useSuggestion"));
        useSuggestion.setId("modelsUseSuggestion");
        useSuggestion.disableProperty().bind(model.adviceProperty().isNull());
        useSuggestion.setOnAction(e -> model.useSuggestion());

        ComboBox<PlacementPreset> preset = new ComboBox<>(FXCollections.observableArrayList(PlacementPreset.values()));
        preset.setId("modelsPlacement");
        preset.setConverter(converter(ModelsPageModel::label));
        preset.valueProperty().bindBidirectional(model.presetProperty());
        ComboBox<MemoryMode> mode = new ComboBox<>(FXCollections.observableArrayList(MemoryMode.values()));
        mode.setId("modelsMemoryMode");
        mode.setConverter(converter(ModelsPageModel::modeLabel));
        mode.valueProperty().bindBidirectional(model.modeProperty());
        Label estimate = new Label();
        estimate.setId("modelsEstimate");
        estimate.setWrapText(true);
        estimate.textProperty().bind(model.estimateTextProperty());

        ListView<String> cuda = new ListView<>(model.cudaLines());
        cuda.setId("modelsCuda");
        cuda.setPrefHeight(110);

        Button apply = new Button(Messages.get("models.apply"));
        apply.setId("modelsApply");
        apply.setDefaultButton(true);
        apply.disableProperty().bind(model.checkingProperty());
        apply.setOnAction(e -> model.apply());
        Button close = new Button(Messages.get("models.close"));
        close.setCancelButton(true);
        close.setOnAction(e -> {
            if (getScene() != null && getScene().getWindow() != null) {
                getScene().getWindow().hide();
            }
        });

        getChildren().addAll(new HBox(6, folder, choose), summary, table,
                heading("models.section.placement"), advice, useSuggestion,
                new HBox(6, new Label(Messages.get("models.label.placement")), preset,
                        new Label(Messages.get("models.label.memoryMode")), mode),
                estimate, heading("models.section.cuda"), cuda, new HBox(6, apply, close));
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    public ModelsPageModel model() {
        return model;
    }

    private static Label heading(String key) {
        Label l = new Label(Messages.get(key));
        l.setStyle("-fx-font-weight: bold");
        return l;
    }

    private static TableColumn<ModelsPageModel.Row, String> column(String key, Function<ModelsPageModel.Row, String> value) {
        TableColumn<ModelsPageModel.Row, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    private static <T> StringConverter<T> converter(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }

    /**
     * A page model wired to the editor: its model-set folder and placement at first; Apply uses the
     * choice for the next generation (and switches to the folder when it differs and is usable).
     */
    public static ModelsPageModel modelFor(EditorViewModel editor, ExecutorService background,
                                           java.util.function.Consumer<Runnable> uiThread) {
        ModelsPageModel[] self = new ModelsPageModel[1];
        self[0] = new ModelsPageModel(background, uiThread, editor.modelSetDir(), editor.placementProperty().get(),
                PlacementAdvisor::gpuMemoryBytes, CudaDiagnostics::check, settings -> {
            Path chosen = self[0].dirProperty().get();
            if (self[0].usableProperty().get() && chosen != null && !chosen.equals(editor.modelSetDir())) {
                editor.chooseModelSet(chosen);
            }
            editor.applyPlacement(settings);
        });
        return self[0];
    }

    /** Opens the page in its own window (owned by {@code owner}) and starts checking the folder. */
    public static Stage show(EditorViewModel editor, Window owner) {
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "models-page");
            t.setDaemon(true);
            return t;
        });
        ModelsPageModel model = modelFor(editor, background, javafx.application.Platform::runLater);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(Messages.get("models.title"));
        stage.setScene(new Scene(new ModelsPage(model), 820, 640));
        stage.setOnHidden(e -> background.shutdown());
        stage.show();
        model.refresh();
        return stage;
    }

    /** The side panel's "Models..." button. */
    public static Button openButton(EditorViewModel editor) {
        Button b = new Button(Messages.get("models.open"), FontIcon.of(MaterialDesignM.MEMORY));
        b.setId("openModelsPage");
        b.disableProperty().bind(editor.runningProperty());
        b.setOnAction(e -> show(editor, b.getScene() == null ? null : b.getScene().getWindow()));
        return b;
    }

    /** "Retry with <lighter placement>", shown after the device ran out of memory. */
    public static Button retryButton(EditorViewModel editor) {
        Button b = new Button("", FontIcon.of(MaterialDesignR.REFRESH));
        b.setId("retryLighterPlacement");
        b.textProperty().bind(Bindings.createStringBinding(() -> editor.retryPlacementProperty().get() == null ? ""
                        : Messages.get("models.retry", label(editor.retryPlacementProperty().get())),
                editor.retryPlacementProperty()));
        b.visibleProperty().bind(editor.retryPlacementProperty().isNotNull().and(editor.runningProperty().not()));
        b.managedProperty().bind(b.visibleProperty());
        b.setOnAction(e -> editor.retryWithLighterPlacement());
        return b;
    }

    private static String label(PlacementPreset preset) {
        return ModelsPageModel.label(preset);
    }
}
