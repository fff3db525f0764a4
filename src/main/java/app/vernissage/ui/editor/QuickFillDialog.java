package app.vernissage.ui.editor;

import app.vernissage.fill.ClassicalFill;
import app.vernissage.ui.Messages;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/**
 * Mask &gt; Quick fill... (Ctrl+Shift+F): the method (Telea or Navier-Stokes) and radius, both
 * remembered, then Fill starts the fill of the mask in the background.
 */
final class QuickFillDialog {
    static final ButtonType FILL = new ButtonType(Messages.get("quickFill.fillButton"), ButtonBar.ButtonData.OK_DONE);

    final RadioButton telea = new RadioButton(QuickFillController.label(ClassicalFill.Method.TELEA));
    final RadioButton navierStokes = new RadioButton(QuickFillController.label(ClassicalFill.Method.NAVIER_STOKES));
    final Spinner<Integer> radius = IntSpinners.editable("quickFillRadius", QuickFillController.MIN_RADIUS,
            QuickFillController.MAX_RADIUS, QuickFillController.DEFAULT_RADIUS, 1, 90);
    final Dialog<ButtonType> dialog = new Dialog<>();
    private final QuickFillController controller;

    QuickFillDialog(Window owner, QuickFillController controller) {
        this.controller = controller;
        ToggleGroup group = new ToggleGroup();
        telea.setToggleGroup(group);
        telea.setId("quickFillTelea");
        navierStokes.setToggleGroup(group);
        navierStokes.setId("quickFillNs");
        (controller.methodProperty().get() == ClassicalFill.Method.NAVIER_STOKES ? navierStokes : telea).setSelected(true);
        radius.getValueFactory().setValue(controller.radiusProperty().get());

        GridPane grid = new GridPane(8, 8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label(Messages.get("quickFill.method")), new HBox(12, telea, navierStokes));
        grid.addRow(1, new Label(Messages.get("quickFill.radius")), new HBox(6, radius, new Label(Messages.get("quickFill.px"))));
        dialog.setTitle(Messages.get("quickFill.title"));
        dialog.setHeaderText(Messages.get("quickFill.header"));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(FILL, ButtonType.CANCEL);
        dialog.getDialogPane().setId("quick-fill-dialog");
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            }
        }
    }

    /** Shows the dialog and, on Fill, keeps the choice and starts the fill. */
    static void show(Window owner, QuickFillController controller) {
        QuickFillDialog d = new QuickFillDialog(owner, controller);
        d.dialog.showAndWait().filter(b -> b == FILL).ifPresent(b -> d.apply());
    }

    /** Keeps the chosen method and radius and starts the fill; false when refused (the status line says why). */
    boolean apply() {
        IntSpinners.commitTyped(radius);
        controller.methodProperty().set(navierStokes.isSelected() ? ClassicalFill.Method.NAVIER_STOKES
                : ClassicalFill.Method.TELEA);
        controller.radiusProperty().set(radius.getValue());
        return controller.fill();
    }
}
