package app.vernissage.ui.editor;

import app.vernissage.ui.Messages;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * "Zoom-out video...": keyframe steps, zoom per step, overlap band, the prompt schedule (one prompt per
 * line, each used for N steps, the last repeating), frames and frame rate, the output folder and which
 * files to write. Start checks everything first and, when something is wrong, says so in the dialog,
 * which stays open; otherwise the zoom-out runs in the background (progress in the side panel).
 */
final class ZoomOutDialog {
    static final ButtonType START = new ButtonType(Messages.get("zoomOut.startButton"), ButtonBar.ButtonData.OK_DONE);

    // The spinners reach beyond the allowed values so that a wrong one gets a sentence, not a silent clamp.
    final Spinner<Integer> steps = intSpinner("zoomSteps", 0, 100_000, 1);
    final Spinner<Double> zoom = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 1000, 2, 0.25));
    final Spinner<Integer> overlap = intSpinner("zoomOverlap", 0, 100_000, 8);
    final TextArea prompts = new TextArea();
    final Spinner<Integer> stepsPerPrompt = intSpinner("zoomStepsPerPrompt", 0, 100_000, 1);
    final Spinner<Integer> frames = intSpinner("zoomFrames", 0, 1_000_000, 12);
    final Spinner<Integer> fps = intSpinner("zoomFps", 0, 10_000, 1);
    final TextField folder = new TextField();
    final CheckBox pngFrames = new CheckBox(Messages.get("zoomOut.pngFrames"));
    final CheckBox gif = new CheckBox(Messages.get("zoomOut.gif"));
    final Label problem = new Label();
    final Dialog<ButtonType> dialog = new Dialog<>();
    private final ZoomOutController controller;

    ZoomOutDialog(Window owner, ZoomOutController controller) {
        this.controller = controller;
        ZoomOutController.Request d = controller.defaults();
        steps.getValueFactory().setValue(d.steps());
        zoom.getValueFactory().setValue(d.zoom());
        zoom.setId("zoomFactor");
        zoom.setEditable(true);
        zoom.setPrefWidth(100);
        overlap.getValueFactory().setValue(d.overlap());
        prompts.setText(d.prompts());
        prompts.setId("zoomPrompts");
        prompts.setPrefRowCount(4);
        prompts.setPrefColumnCount(36);
        prompts.setWrapText(false);
        prompts.setPromptText(Messages.get("zoomOut.promptsHint"));
        stepsPerPrompt.getValueFactory().setValue(d.stepsPerPrompt());
        frames.getValueFactory().setValue(d.frames());
        fps.getValueFactory().setValue(d.fps());
        folder.setText(d.folder() == null ? "" : d.folder().toString());
        folder.setId("zoomFolder");
        folder.setPrefColumnCount(28);
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button(Messages.get("zoomOut.chooseFolder"));
        choose.setOnAction(e -> chooseFolder(choose));
        choose.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        pngFrames.setSelected(d.pngFrames());
        pngFrames.setId("zoomPngFrames");
        gif.setSelected(d.gif());
        gif.setId("zoomGif");
        problem.setId("zoomProblem");
        problem.setWrapText(true);
        problem.setMaxWidth(520);
        problem.getStyleClass().add("dialog-problem");
        problem.setStyle("-fx-text-fill: #c62828;");

        GridPane grid = new GridPane(8, 6);
        grid.setPadding(new Insets(12));
        int row = 0;
        grid.addRow(row++, new Label(Messages.get("zoomOut.steps")), steps, new Label(Messages.get("zoomOut.zoom")), zoom);
        grid.addRow(row++, new Label(Messages.get("zoomOut.overlap")), overlap);
        grid.add(new Label(Messages.get("zoomOut.prompts")), 0, row++, 4, 1);
        grid.add(prompts, 0, row++, 4, 1);
        grid.addRow(row++, new Label(Messages.get("zoomOut.stepsPerPrompt")), stepsPerPrompt);
        grid.addRow(row++, new Label(Messages.get("zoomOut.frames")), frames, new Label(Messages.get("zoomOut.fps")), fps);
        grid.add(new Label(Messages.get("zoomOut.folder")), 0, row);
        grid.add(new HBox(6, folder, choose), 1, row++, 3, 1);
        grid.add(new HBox(16, pngFrames, gif), 0, row++, 4, 1);
        grid.add(problem, 0, row, 4, 1);

        dialog.setTitle(Messages.get("zoomOut.title"));
        dialog.setHeaderText(Messages.get("zoomOut.header"));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(START, ButtonType.CANCEL);
        dialog.getDialogPane().setId("zoom-out-dialog");
        // Start checks first; a problem keeps the dialog open with the reason in it.
        Node start = dialog.getDialogPane().lookupButton(START);
        start.addEventFilter(ActionEvent.ACTION, e -> {
            String why = apply();
            if (why != null) {
                problem.setText(why);
                e.consume();
            }
        });
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            }
        }
    }

    /** Shows the dialog; Start begins the zoom-out when its values are usable. */
    static void show(Window owner, ZoomOutController controller) {
        new ZoomOutDialog(owner, controller).dialog.showAndWait();
    }

    /** Starts the zoom-out with the dialog's values; null when it started, else why not. */
    String apply() {
        for (Spinner<Integer> s : java.util.List.of(steps, overlap, stepsPerPrompt, frames, fps)) {
            IntSpinners.commitTyped(s);
        }
        try {
            zoom.getValueFactory().setValue(Double.parseDouble(zoom.getEditor().getText().trim().replace(',', '.')));
        } catch (NumberFormatException e) {
            return Messages.get("zoomOut.notANumber", zoom.getEditor().getText());
        }
        Path target;
        try {
            target = folder.getText().isBlank() ? null : Path.of(folder.getText().strip());
        } catch (InvalidPathException e) {
            return Messages.get("zoomOut.badFolder", e.getMessage());
        }
        return controller.start(new ZoomOutController.Request(steps.getValue(), zoom.getValue(), overlap.getValue(),
                prompts.getText(), stepsPerPrompt.getValue(), frames.getValue(), fps.getValue(), target,
                pngFrames.isSelected(), gif.isSelected()));
    }

    private void chooseFolder(Button from) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Messages.get("zoomOut.folderTitle"));
        try {
            File current = folder.getText().isBlank() ? null : Path.of(folder.getText().strip()).toFile();
            File start = current == null ? null : current.isDirectory() ? current : current.getParentFile();
            if (start != null && start.isDirectory()) {
                chooser.setInitialDirectory(start);
            }
        } catch (InvalidPathException e) {
            // start wherever the chooser likes
        }
        File dir = chooser.showDialog(from.getScene() == null ? null : from.getScene().getWindow());
        if (dir != null) {
            folder.setText(dir.getPath());
        }
    }

    private static Spinner<Integer> intSpinner(String id, int min, int max, int step) {
        return IntSpinners.editable(id, min, max, min, step, 100);
    }

}
