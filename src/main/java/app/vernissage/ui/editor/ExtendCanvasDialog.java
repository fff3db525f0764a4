package app.vernissage.ui.editor;

import app.vernissage.core.canvas.Outsets;
import app.vernissage.core.document.Document;
import app.vernissage.core.project.CanvasState;
import app.vernissage.ui.Messages;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * "Extend canvas...": pixels to add on each side (with +25%, +50% and x2 presets for the ticked
 * sides), the overlap band, the pre-fill and the context-window padding; or, with "Extend N times",
 * a panorama of N steps of K pixels on one side. Extend grows the document at once (undoable); a
 * panorama runs in the background with progress in the status line.
 */
final class ExtendCanvasDialog {
    static final ButtonType EXTEND = new ButtonType(Messages.get("outpaint.extendButton"), ButtonBar.ButtonData.OK_DONE);

    private final OutpaintController controller;
    private final Document doc;
    final Spinner<Integer> left = side("extendLeft");
    final Spinner<Integer> top = side("extendTop");
    final Spinner<Integer> right = side("extendRight");
    final Spinner<Integer> bottom = side("extendBottom");
    final CheckBox useLeft = new CheckBox(Messages.get("outpaint.left"));
    final CheckBox useTop = new CheckBox(Messages.get("outpaint.top"));
    final CheckBox useRight = new CheckBox(Messages.get("outpaint.right"));
    final CheckBox useBottom = new CheckBox(Messages.get("outpaint.bottom"));
    final Spinner<Integer> overlap = spinner("extendOverlap", 0, OutpaintController.MAX_OVERLAP, OutpaintController.DEFAULT_OVERLAP, 8);
    final Spinner<Integer> padding = spinner("extendPadding", 0, CanvasState.MAX_PADDING, 128, 16);
    final ChoiceBox<OutpaintController.Fill> fill = new ChoiceBox<>();
    final CheckBox repeat = new CheckBox(Messages.get("outpaint.repeat"));
    final Spinner<Integer> times = spinner("extendTimes", 1, 100, 3, 1);
    final Label sizeLabel = new Label();
    final Dialog<ButtonType> dialog = new Dialog<>();

    ExtendCanvasDialog(Window owner, OutpaintController controller, Document doc) {
        this.controller = controller;
        this.doc = doc;
        useRight.setSelected(true);
        right.getValueFactory().setValue(Math.max(OutpaintController.SIZE_STEP, roundToStep(doc.width() / 4.0)));
        overlap.getValueFactory().setValue(controller.overlapProperty().get());
        padding.getValueFactory().setValue(controller.paddingProperty().get());
        fill.getItems().setAll(OutpaintController.Fill.values());
        fill.setValue(controller.fillProperty().get());
        fill.setId("extendFill");
        fill.setConverter(new StringConverter<>() {
            @Override
            public String toString(OutpaintController.Fill f) {
                return f == null ? "" : f.label();
            }

            @Override
            public OutpaintController.Fill fromString(String s) {
                return null;
            }
        });
        repeat.setId("extendRepeat");
        times.disableProperty().bind(repeat.selectedProperty().not());
        sizeLabel.setId("extendSize");

        GridPane grid = new GridPane(8, 6);
        grid.setPadding(new Insets(12));
        int row = 0;
        grid.add(new Label(Messages.get("outpaint.current", Integer.toString(doc.width()), Integer.toString(doc.height()))), 0, row++, 4, 1);
        grid.addRow(row++, useLeft, left, useRight, right);
        grid.addRow(row++, useTop, top, useBottom, bottom);
        HBox presets = new HBox(6, preset("extendPreset25", "+25%", 0.25), preset("extendPreset50", "+50%", 0.5),
                preset("extendPresetX2", "x2", 1.0));
        grid.add(new Label(Messages.get("outpaint.presets")), 0, row);
        grid.add(presets, 1, row++, 3, 1);
        grid.add(sizeLabel, 0, row++, 4, 1);
        grid.add(new Separator(), 0, row++, 4, 1);
        grid.addRow(row++, new Label(Messages.get("outpaint.overlap")), overlap, new Label(Messages.get("outpaint.padding")), padding);
        grid.addRow(row++, new Label(Messages.get("outpaint.prefill")), fill);
        grid.add(new Separator(), 0, row++, 4, 1);
        grid.add(repeat, 0, row, 2, 1);
        // The spinner keeps its width and the hint wraps (the hint had squeezed the spinner to nothing).
        times.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label timesHint = new Label(Messages.get("outpaint.timesHint"));
        timesHint.setWrapText(true);
        grid.add(new HBox(6, times, timesHint), 2, row++, 2, 1);

        for (Spinner<Integer> s : java.util.List.of(left, top, right, bottom)) {
            s.valueProperty().addListener((obs, o, v) -> updateSize());
        }
        for (CheckBox c : java.util.List.of(useLeft, useTop, useRight, useBottom, repeat)) {
            c.selectedProperty().addListener((obs, o, v) -> updateSize());
        }
        times.valueProperty().addListener((obs, o, v) -> updateSize());
        left.disableProperty().bind(useLeft.selectedProperty().not());
        top.disableProperty().bind(useTop.selectedProperty().not());
        right.disableProperty().bind(useRight.selectedProperty().not());
        bottom.disableProperty().bind(useBottom.selectedProperty().not());
        updateSize();

        dialog.setTitle(Messages.get("outpaint.title"));
        dialog.setHeaderText(Messages.get("outpaint.header"));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(EXTEND, ButtonType.CANCEL);
        dialog.getDialogPane().setId("extend-dialog");
        if (owner != null) {
            dialog.initOwner(owner);
        }
    }

    /** Shows the dialog and, on Extend, extends the canvas or starts the panorama. */
    static void show(Window owner, EditorViewModel model) {
        Document doc = model.document();
        if (doc == null) {
            return;
        }
        ExtendCanvasDialog d = new ExtendCanvasDialog(owner, model.outpaint(), doc);
        d.dialog.showAndWait().filter(b -> b == EXTEND).ifPresent(b -> d.apply());
    }

    /** Applies the dialog's values: an extension, or a panorama when "Extend N times" is ticked. */
    boolean apply() {
        for (Spinner<Integer> s : java.util.List.of(left, top, right, bottom, overlap, padding, times)) {
            IntSpinners.commitTyped(s);
        }
        controller.overlapProperty().set(overlap.getValue());
        controller.paddingProperty().set(padding.getValue());
        controller.fillProperty().set(fill.getValue());
        if (repeat.isSelected()) {
            Outsets.Side side = useRight.isSelected() ? Outsets.Side.RIGHT : useLeft.isSelected() ? Outsets.Side.LEFT
                    : useBottom.isSelected() ? Outsets.Side.BOTTOM : Outsets.Side.TOP;
            int px = switch (side) {
                case LEFT -> left.getValue();
                case RIGHT -> right.getValue();
                case TOP -> top.getValue();
                case BOTTOM -> bottom.getValue();
            };
            return controller.panorama(side, px, times.getValue());
        }
        return controller.extend(amount(useLeft, left), amount(useTop, top), amount(useRight, right),
                amount(useBottom, bottom));
    }

    private static int amount(CheckBox use, Spinner<Integer> s) {
        return use.isSelected() ? s.getValue() : 0;
    }

    private Button preset(String id, String text, double fraction) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> {
            int w = (int) Math.round(doc.width() * fraction);
            int h = (int) Math.round(doc.height() * fraction);
            // Split over both sides of an axis when both are ticked, so the total grows by the preset.
            int lr = useLeft.isSelected() && useRight.isSelected() ? w / 2 : w;
            int tb = useTop.isSelected() && useBottom.isSelected() ? h / 2 : h;
            if (useLeft.isSelected()) {
                left.getValueFactory().setValue(lr);
            }
            if (useRight.isSelected()) {
                right.getValueFactory().setValue(useLeft.isSelected() ? w - lr : lr);
            }
            if (useTop.isSelected()) {
                top.getValueFactory().setValue(tb);
            }
            if (useBottom.isSelected()) {
                bottom.getValueFactory().setValue(useTop.isSelected() ? h - tb : tb);
            }
        });
        return b;
    }

    private void updateSize() {
        int n = repeat.isSelected() ? times.getValue() : 1;
        long w;
        long h;
        if (repeat.isSelected()) {
            // A panorama uses the first ticked side only (right, left, bottom, top).
            w = doc.width() + (long) n * (useRight.isSelected() ? right.getValue() : !useRight.isSelected() && useLeft.isSelected() ? left.getValue() : 0);
            boolean horizontal = useRight.isSelected() || useLeft.isSelected();
            h = doc.height() + (horizontal ? 0 : (long) n * (useBottom.isSelected() ? bottom.getValue() : useTop.isSelected() ? top.getValue() : 0));
        } else {
            w = doc.width() + (long) amount(useLeft, left) + amount(useRight, right);
            h = doc.height() + (long) amount(useTop, top) + amount(useBottom, bottom);
        }
        sizeLabel.setText(Messages.get("outpaint.newSize", Long.toString(w), Long.toString(h)));
    }

    /** {@code v} pixels to the nearest multiple of {@link OutpaintController#SIZE_STEP} (handle drags use it too). */
    static int roundToStep(double v) {
        return (int) Math.round(v / OutpaintController.SIZE_STEP) * OutpaintController.SIZE_STEP;
    }

    private static Spinner<Integer> side(String id) {
        return spinner(id, 0, Outsets.MAX_SIDE, 0, OutpaintController.SIZE_STEP);
    }

    private static Spinner<Integer> spinner(String id, int min, int max, int value, int step) {
        return IntSpinners.editable(id, min, max, value, step, 100);
    }

}
