package app.vernissage.ui.editor;

import app.vernissage.ui.Messages;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The editor window's content: tool bar, canvas, side panel and status line, plus its shortcuts. */
public final class EditorView extends BorderPane {
    private static final KeyCombination OPEN = KeyCombination.keyCombination("Shortcut+O");
    private static final KeyCombination EXPORT = KeyCombination.keyCombination("Shortcut+S");
    private static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");
    private static final KeyCombination REDO = KeyCombination.keyCombination("Shortcut+Shift+Z");
    private static final KeyCombination REDO_Y = KeyCombination.keyCombination("Shortcut+Y");
    private static final KeyCombination FIT = KeyCombination.keyCombination("Shortcut+0");
    private static final KeyCombination ACTUAL = KeyCombination.keyCombination("Shortcut+1");

    private final EditorViewModel model;
    private final CanvasView canvas;

    public EditorView(EditorViewModel model) {
        this.model = model;
        this.canvas = new CanvasView(model);
        getStyleClass().add("editor");
        setTop(toolBar());
        BorderPane centre = new BorderPane(new javafx.scene.layout.StackPane(canvas,
                new EmptyCanvasHint(model, this::chooseAndOpen)));
        centre.setBottom(new VariantsStrip(model));
        setCenter(centre);
        ScrollPane side = new ScrollPane(new SidePanel(model, canvas));
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.getStyleClass().add("side-scroll");
        setRight(side);
        setBottom(statusLine());
        setOnDragOver(this::dragOver);
        setOnDragDropped(this::dropped);
    }

    public CanvasView canvas() {
        return canvas;
    }

    private ToolBar toolBar() {
        Button open = button("action.open", MaterialDesignF.FOLDER_OPEN, "Ctrl+O");
        open.setOnAction(e -> chooseAndOpen());
        Button export = button("action.export", MaterialDesignE.EXPORT, "Ctrl+S");
        export.setOnAction(e -> chooseAndExport());
        export.disableProperty().bind(model.documentProperty().isNull());
        Button undo = button("action.undo", MaterialDesignU.UNDO, "Ctrl+Z");
        undo.setOnAction(e -> model.undo());
        undo.disableProperty().bind(model.canUndoProperty().not().or(model.runningProperty()));
        Button redo = button("action.redo", MaterialDesignR.REDO, "Ctrl+Shift+Z");
        redo.setOnAction(e -> model.redo());
        redo.disableProperty().bind(model.canRedoProperty().not().or(model.runningProperty()));
        Button fit = button("action.fit", MaterialDesignF.FIT_TO_SCREEN, "Ctrl+0");
        fit.setOnAction(e -> canvas.fit());
        Button actual = button("action.actualSize", MaterialDesignI.IMAGE_FILTER_CENTER_FOCUS, "Ctrl+1");
        actual.setOnAction(e -> canvas.actualSize());
        Label zoom = new Label();
        zoom.setId("zoom");
        zoom.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.get("label.zoom", Math.round(canvas.transformProperty().get().scale() * 100)),
                canvas.transformProperty()));
        return new ToolBar(open, export, new Separator(), undo, redo, new Separator(), fit, actual, zoom);
    }

    private static Button button(String key, Ikon icon, String shortcut) {
        Button b = new Button(Messages.get(key), FontIcon.of(icon));
        b.setTooltip(new Tooltip(Messages.get(key) + " (" + shortcut + ")"));
        b.setFocusTraversable(false);
        return b;
    }

    private HBox statusLine() {
        Label message = new Label();
        message.setId("message");
        message.textProperty().bind(Bindings.when(model.messageProperty().isEmpty().and(model.documentProperty().isNull()))
                .then(Messages.get("message.dropHint")).otherwise(model.messageProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox line = new HBox(8, message, gap);
        line.setPadding(new Insets(4, 8, 4, 8));
        line.getStyleClass().add("status-line");
        return line;
    }

    /** Installs the keyboard shortcuts on the scene. */
    public void installShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            if (OPEN.match(e)) {
                chooseAndOpen();
            } else if (EXPORT.match(e)) {
                chooseAndExport();
            } else if (REDO.match(e) || REDO_Y.match(e)) {
                model.redo();
            } else if (UNDO.match(e) && !typing) {
                model.undo();
            } else if (FIT.match(e)) {
                canvas.fit();
            } else if (ACTUAL.match(e)) {
                canvas.actualSize();
            } else if (typing) {
                return;
            } else if (e.getCode() == KeyCode.OPEN_BRACKET || "[".equals(e.getText())) {
                resizeBrush(1 / 1.2);
            } else if (e.getCode() == KeyCode.CLOSE_BRACKET || "]".equals(e.getText())) {
                resizeBrush(1.2);
            } else if (e.getCode() == KeyCode.SPACE) {
                canvas.setSpaceHeld(true);
            } else if (e.getCode() == KeyCode.E && !e.isShortcutDown()) {
                model.eraserProperty().set(!model.eraserProperty().get());
            } else {
                return;
            }
            e.consume();
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                canvas.setSpaceHeld(false);
            }
        });
    }

    private void resizeBrush(double factor) {
        int size = model.brushSizeProperty().get();
        int next = (int) Math.round(size * factor);
        if (next == size) {
            next += factor > 1 ? 1 : -1;
        }
        model.brushSizeProperty().set(Math.clamp(next, 1, EditorViewModel.MAX_BRUSH));
    }

    // ---- Files ----------------------------------------------------------------------------------

    private void chooseAndOpen() {
        if (!confirmDiscard()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("dialog.open.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("filter.images"),
                "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.PNG", "*.JPG", "*.JPEG"));
        Optional.ofNullable(model.document()).flatMap(d -> d.file()).map(Path::getParent)
                .map(Path::toFile).filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            model.open(file.toPath());
        }
    }

    private void chooseAndExport() {
        if (model.document() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("dialog.export.title"));
        FileChooser.ExtensionFilter png = new FileChooser.ExtensionFilter(Messages.get("filter.png"), "*.png");
        FileChooser.ExtensionFilter jpeg = new FileChooser.ExtensionFilter(Messages.get("filter.jpeg"), "*.jpg", "*.jpeg");
        chooser.getExtensionFilters().addAll(png, jpeg);
        model.document().file().ifPresent(f -> {
            if (f.getParent() != null && f.getParent().toFile().isDirectory()) {
                chooser.setInitialDirectory(f.getParent().toFile());
            }
            chooser.setInitialFileName(f.getFileName().toString());
        });
        File file = chooser.showSaveDialog(window());
        if (file == null) {
            return;
        }
        String name = file.getName().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".jpg") && !name.endsWith(".jpeg")) {
            file = new File(file.getPath() + (chooser.getSelectedExtensionFilter() == jpeg ? ".jpg" : ".png"));
        }
        model.export(file.toPath());
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
        boolean done = false;
        if (!files.isEmpty() && confirmDiscard()) {
            done = model.open(files.getFirst().toPath());
        }
        e.setDropCompleted(done);
        e.consume();
    }

    /** True when there is no unsaved work or the user agrees to lose it. */
    public boolean confirmDiscard() {
        if (!model.hasUnsavedWork()) {
            return true;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("dialog.unsaved.content"),
                ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle(Messages.get("dialog.unsaved.title"));
        alert.setHeaderText(Messages.get("dialog.unsaved.header"));
        alert.initOwner(window());
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }
}
