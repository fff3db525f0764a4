package app.vernissage.ui.editor;

import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;

/** The editable whole-number spinners of the editor's dialogs. */
final class IntSpinners {
    private IntSpinners() {
    }

    /** An editable spinner from {@code min} to {@code max}, starting at {@code value}, moving by {@code step}. */
    static Spinner<Integer> editable(String id, int min, int max, int value, int step, double prefWidth) {
        Spinner<Integer> s = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value, step));
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(prefWidth);
        return s;
    }

    /**
     * Takes the typed text as the value (a spinner only does so on Enter or focus loss); text that is
     * not a number shows the value again.
     */
    static void commitTyped(Spinner<Integer> s) {
        try {
            s.getValueFactory().setValue(Integer.parseInt(s.getEditor().getText().trim()));
        } catch (NumberFormatException e) {
            s.getEditor().setText(Integer.toString(s.getValue()));
        }
    }
}
