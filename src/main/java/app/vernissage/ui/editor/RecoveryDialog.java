package app.vernissage.ui.editor;

import app.vernissage.core.project.RecoveryStore;
import app.vernissage.ui.Messages;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Window;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

/** On start: the recovery copies left by an earlier run, to restore one, delete them all, or decide later. */
final class RecoveryDialog {
    /** What the user chose: one copy to restore, or copies to delete (neither: decide later). */
    record Choice(RecoveryStore.Entry restore, List<RecoveryStore.Entry> discard) {
    }

    private RecoveryDialog() {
    }

    /** The text of one copy: its original name (or "Untitled") and when it was written. */
    static String describe(RecoveryStore.Entry e) {
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault())
                .format(e.savedAt());
        String name = e.originalName().isEmpty() ? Messages.get("recovery.untitled") : e.originalName();
        return Messages.get("recovery.item", name, when);
    }

    static Optional<Choice> show(Window owner, List<RecoveryStore.Entry> entries) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.setTitle(Messages.get("dialog.recovery.title"));
        dialog.setHeaderText(Messages.get("dialog.recovery.header"));
        ListView<RecoveryStore.Entry> list = new ListView<>();
        list.setId("recovery-list");
        list.getItems().setAll(entries);
        list.setPrefHeight(Math.min(8, entries.size()) * 28 + 8);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RecoveryStore.Entry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : describe(item));
            }
        });
        list.getSelectionModel().selectFirst();
        ButtonType restore = new ButtonType(Messages.get("recovery.restore"), ButtonBar.ButtonData.OK_DONE);
        ButtonType deleteAll = new ButtonType(Messages.get("recovery.deleteAll"), ButtonBar.ButtonData.OTHER);
        ButtonType later = new ButtonType(Messages.get("recovery.later"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(restore, deleteAll, later);
        dialog.getDialogPane().setContent(list);
        dialog.setResultConverter(b -> {
            if (b == restore && list.getSelectionModel().getSelectedItem() != null) {
                return new Choice(list.getSelectionModel().getSelectedItem(), List.of());
            }
            if (b == deleteAll) {
                return new Choice(null, List.copyOf(entries));
            }
            return null;
        });
        if (owner != null) {
            dialog.initOwner(owner);
        }
        return dialog.showAndWait();
    }
}
