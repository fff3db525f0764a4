package app.vernissage.ui.editor;

import app.vernissage.ui.Messages;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for the size of a new text-to-image canvas (default 1024 x 1024, steps of 8). */
final class NewCanvasDialog {
    private NewCanvasDialog() {
    }

    /** Shows the dialog and, on OK, asks the model for the canvas (which refuses bad sizes with a message). */
    static void show(Window owner, EditorViewModel model) {
        Spinner<Integer> width = spinner("canvasWidth");
        Spinner<Integer> height = spinner("canvasHeight");
        GridPane grid = new GridPane(8, 8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label(Messages.get("label.width")), width);
        grid.addRow(1, new Label(Messages.get("label.height")), height);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(Messages.get("dialog.newCanvas.title"));
        dialog.setHeaderText(Messages.get("dialog.newCanvas.header"));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            IntSpinners.commitTyped(width);
            IntSpinners.commitTyped(height);
            model.newCanvas(width.getValue(), height.getValue());
        });
    }

    private static Spinner<Integer> spinner(String id) {
        // Up to 16384 so that a too large size reaches the model, which says why it is refused.
        return IntSpinners.editable(id, 8, 16384, 1024, 8, 110);
    }

}
