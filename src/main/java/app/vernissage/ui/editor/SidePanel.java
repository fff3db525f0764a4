package app.vernissage.ui.editor;

import app.vernissage.ui.Messages;
import app.vernissage.ui.models.ModelsPage;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import app.vernissage.engine.pipeline.SamplerKind;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The right-hand panel: mask brush, generation settings, Generate / Cancel with progress, model set. */
public final class SidePanel extends VBox {
    public SidePanel(EditorViewModel model, CanvasView canvas) {
        super(8);
        setPadding(new Insets(12));
        setPrefWidth(300);
        setMinWidth(260);
        getStyleClass().add("side-panel");
        getChildren().addAll(brushSection(model, canvas), generationSection(model), modelSection(model));
    }

    private static Label heading(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("section-heading");
        return l;
    }

    private static VBox brushSection(EditorViewModel model, CanvasView canvas) {
        Slider size = new Slider(1, EditorViewModel.MAX_BRUSH, model.brushSizeProperty().get());
        size.setId("brushSize");
        size.valueProperty().bindBidirectional(model.brushSizeProperty());
        Label sizeLabel = new Label();
        sizeLabel.textProperty().bind(Bindings.format("%s: %d px", Messages.get("label.brushSize"), model.brushSizeProperty()));
        Slider hardness = new Slider(0, 1, model.brushHardnessProperty().get());
        hardness.valueProperty().bindBidirectional(model.brushHardnessProperty());
        Label hardnessLabel = new Label();
        hardnessLabel.textProperty().bind(Bindings.format("%s: %.0f %%", Messages.get("label.hardness"),
                model.brushHardnessProperty().multiply(100)));
        ToggleButton eraser = new ToggleButton(Messages.get("action.eraser"), FontIcon.of(MaterialDesignE.ERASER));
        eraser.setId("eraser");
        eraser.selectedProperty().bindBidirectional(model.eraserProperty());
        ToggleButton show = new ToggleButton(Messages.get("action.showMask"), FontIcon.of(MaterialDesignE.EYE));
        show.selectedProperty().bindBidirectional(canvas.showMaskProperty());
        Button clear = new Button(Messages.get("action.clearMask"), FontIcon.of(MaterialDesignS.SELECTION_REMOVE));
        clear.setOnAction(e -> model.clearMask());
        Button invert = new Button(Messages.get("action.invertMask"), FontIcon.of(MaterialDesignI.INVERT_COLORS));
        invert.setOnAction(e -> model.invertMask());
        for (Button b : new Button[]{clear, invert}) {
            b.disableProperty().bind(model.documentProperty().isNull().or(model.runningProperty()));
        }
        return new VBox(6, heading("section.brush"), sizeLabel, size, hardnessLabel, hardness,
                new HBox(6, eraser, show), new HBox(6, clear, invert));
    }

    private static VBox generationSection(EditorViewModel model) {
        TextArea prompt = new TextArea();
        prompt.setId("prompt");
        prompt.setPromptText(Messages.get("label.prompt"));
        prompt.setWrapText(true);
        prompt.setPrefRowCount(3);
        prompt.textProperty().bindBidirectional(model.promptProperty());
        TextArea negative = new TextArea();
        negative.setPromptText(Messages.get("label.negative"));
        negative.setWrapText(true);
        negative.setPrefRowCount(2);
        negative.textProperty().bindBidirectional(model.negativeProperty());

        Spinner<Integer> steps = new Spinner<>(1, 1000, model.stepsProperty().get());
        steps.setId("steps");
        steps.setEditable(true);
        steps.setPrefWidth(90);
        steps.valueProperty().addListener((obs, old, v) -> model.stepsProperty().set(v));
        model.stepsProperty().addListener((obs, old, v) -> steps.getValueFactory().setValue(v.intValue()));
        Spinner<Double> guidance = new Spinner<>(0.0, 100.0, model.guidanceProperty().get(), 0.5);
        guidance.setEditable(true);
        guidance.setPrefWidth(90);
        guidance.valueProperty().addListener((obs, old, v) -> model.guidanceProperty().set(v));

        CheckBox random = new CheckBox(Messages.get("label.randomSeed"));
        random.selectedProperty().bindBidirectional(model.randomSeedProperty());
        TextField seed = new TextField(Long.toString(model.seedProperty().get()));
        seed.setTextFormatter(new TextFormatter<>(c -> c.getControlNewText().matches("\\d{0,18}") ? c : null));
        seed.setPrefColumnCount(10);
        seed.disableProperty().bind(model.randomSeedProperty());
        seed.setId("seed");
        seed.textProperty().addListener((obs, old, v) -> model.seedProperty().set(v.isEmpty() ? 0 : Long.parseLong(v)));
        model.seedProperty().addListener((obs, old, v) -> {
            String text = Long.toString(v.longValue());
            if (!text.equals(seed.getText()) && !(seed.getText().isEmpty() && v.longValue() == 0)) {
                seed.setText(text);
            }
        });
        Label used = new Label();
        used.setId("usedSeed");
        used.textProperty().bind(Bindings.when(model.usedSeedProperty().isEmpty()).then("")
                .otherwise(Bindings.format(Messages.get("label.usedSeed", "%s"), model.usedSeedProperty())));

        Button generate = new Button(Messages.get("action.generate"), FontIcon.of(MaterialDesignC.CREATION));
        generate.setId("generate");
        generate.setDefaultButton(false);
        generate.getStyleClass().add("accent");
        generate.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(generate, Priority.ALWAYS);
        generate.disableProperty().bind(model.runningProperty().or(model.documentProperty().isNull())
                .or(model.modelSetStateProperty().isNotEqualTo(ModelSetState.READY)));
        generate.setOnAction(e -> model.generate());
        Button cancel = new Button(Messages.get("action.cancel"), FontIcon.of(MaterialDesignS.STOP));
        cancel.setId("cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());

        Slider strength = new Slider(EditorViewModel.MIN_STRENGTH, 1, model.strengthProperty().get());
        strength.setId("strength");
        strength.valueProperty().bindBidirectional(model.strengthProperty());
        strength.setTooltip(new Tooltip(Messages.get("tooltip.strength")));
        Label strengthLabel = new Label();
        strengthLabel.textProperty().bind(Bindings.format(java.util.Locale.ROOT, "%s: %.2f",
                Messages.get("label.strength"), model.strengthProperty()));
        strengthLabel.setTooltip(new Tooltip(Messages.get("tooltip.strength")));

        ComboBox<SamplerKind> sampler = new ComboBox<>();
        sampler.setId("sampler");
        sampler.getItems().addAll(SamplerKind.values());
        sampler.setConverter(new StringConverter<>() {
            @Override
            public String toString(SamplerKind k) {
                return k == null ? "" : Messages.get(k == SamplerKind.DDPM ? "sampler.ddpm" : "sampler.reference");
            }

            @Override
            public SamplerKind fromString(String text) {
                return null;
            }
        });
        sampler.valueProperty().bindBidirectional(model.samplerProperty());
        sampler.setPrefWidth(150);

        Spinner<Integer> variants = new Spinner<>(1, EditorViewModel.MAX_VARIANTS, model.variantCountProperty().get());
        variants.setId("variantCount");
        variants.setEditable(true);
        variants.setPrefWidth(80);
        variants.valueProperty().addListener((obs, old, v) -> model.variantCountProperty().set(v));
        model.variantCountProperty().addListener((obs, old, v) ->
                variants.getValueFactory().setValue(Math.clamp(v.intValue(), 1, EditorViewModel.MAX_VARIANTS)));

        Button newCanvas = new Button(Messages.get("action.newCanvas"), FontIcon.of(MaterialDesignF.FILE_OUTLINE));
        newCanvas.setId("newCanvas");
        newCanvas.disableProperty().bind(model.runningProperty());
        newCanvas.setOnAction(e -> NewCanvasDialog.show(newCanvas.getScene() == null ? null
                : newCanvas.getScene().getWindow(), model));

        ProgressBar bar = new ProgressBar(0);
        bar.setId("progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label stepText = new Label();
        stepText.setId("stepText");
        stepText.textProperty().bind(model.progressTextProperty());
        stepText.visibleProperty().bind(model.runningProperty());
        stepText.managedProperty().bind(stepText.visibleProperty());

        newCanvas.setTooltip(new Tooltip(Messages.get("dialog.newCanvas.header")));
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox title = new HBox(8, heading("section.generation"), gap, newCanvas);
        title.setAlignment(javafx.geometry.Pos.BOTTOM_LEFT);
        steps.setPrefWidth(80);
        guidance.setPrefWidth(80);
        variants.setPrefWidth(70);
        Label samplerLabel = new Label(Messages.get("label.sampler"));
        HBox samplerRow = new HBox(8, samplerLabel, sampler);
        samplerRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(6, title, new Label(Messages.get("label.prompt")), prompt,
                new Label(Messages.get("label.negative")), negative,
                new HBox(8, labelled("label.steps", steps), labelled("label.guidance", guidance),
                        labelled("label.variants", variants)),
                samplerRow, strengthLabel, strength,
                random, new HBox(8, new Label(Messages.get("label.seed")), seed), used,
                new HBox(6, generate, cancel), bar, stepText);
    }

    private static VBox labelled(String key, javafx.scene.Node node) {
        return new VBox(2, new Label(Messages.get(key)), node);
    }

    private static VBox modelSection(EditorViewModel model) {
        Label set = new Label();
        set.setId("modelSet");
        set.setWrapText(true);
        set.textProperty().bind(model.modelSetTextProperty());
        Label device = new Label();
        device.setWrapText(true);
        device.textProperty().bind(model.deviceTextProperty());
        Button install = new Button(Messages.get("action.installDemo"), FontIcon.of(MaterialDesignP.PACKAGE_DOWN));
        install.setId("installDemo");
        install.visibleProperty().bind(model.modelSetStateProperty().isEqualTo(ModelSetState.MISSING));
        install.managedProperty().bind(install.visibleProperty());
        install.setOnAction(e -> model.installDemoModelSet());
        Button choose = new Button(Messages.get("action.chooseModelSet"), FontIcon.of(MaterialDesignF.FOLDER_COG_OUTLINE));
        choose.setId("chooseModelSet");
        choose.disableProperty().bind(model.runningProperty());
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(Messages.get("dialog.modelSet.title"));
            java.io.File current = model.modelSetDir().toFile();
            java.io.File start = current.isDirectory() ? current : current.getParentFile();
            if (start != null && start.isDirectory()) {
                chooser.setInitialDirectory(start);
            }
            java.io.File dir = chooser.showDialog(choose.getScene() == null ? null : choose.getScene().getWindow());
            if (dir != null) {
                model.chooseModelSet(dir.toPath());
            }
        });
        return new VBox(6, heading("section.model"), set, device, install, choose,
                ModelsPage.openButton(model), ModelsPage.retryButton(model));
    }
}
