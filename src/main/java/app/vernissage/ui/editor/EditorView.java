package app.vernissage.ui.editor;

import app.vernissage.core.selection.MaskMorphology;
import app.vernissage.ui.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Dialog;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;
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
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.prefs.Preferences;

/** The editor window's content: tool bar, canvas, side panel and status line, plus its shortcuts. */
public final class EditorView extends BorderPane {
    private static final KeyCombination OPEN = KeyCombination.keyCombination("Shortcut+O");
    /** Export moved from Ctrl+S to Ctrl+Shift+E when projects came: Ctrl+S saves the project. */
    private static final KeyCombination EXPORT = KeyCombination.keyCombination("Shortcut+Shift+E");
    private static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");
    private static final KeyCombination REDO = KeyCombination.keyCombination("Shortcut+Shift+Z");
    private static final KeyCombination REDO_Y = KeyCombination.keyCombination("Shortcut+Y");
    private static final KeyCombination FIT = KeyCombination.keyCombination("Shortcut+0");
    private static final KeyCombination ACTUAL = KeyCombination.keyCombination("Shortcut+1");
    private static final KeyCombination PASTE = KeyCombination.keyCombination("Shortcut+V");
    private static final KeyCombination GROW = KeyCombination.keyCombination("Shortcut+Alt+G");
    private static final KeyCombination SHRINK = KeyCombination.keyCombination("Shortcut+Alt+S");
    private static final KeyCombination FEATHER = KeyCombination.keyCombination("Shortcut+Alt+F");
    private static final KeyCombination HISTORY = KeyCombination.keyCombination("Shortcut+H");
    private static final KeyCombination EXTEND = KeyCombination.keyCombination("Shortcut+E");
    private static final KeyCombination QUICK_FILL = KeyCombination.keyCombination("Shortcut+Shift+F");
    /** The dark stylesheet, added on top of editor.css. */
    public static final String DARK_CSS = "/app/vernissage/ui/editor-dark.css";
    /** Preferences key of the dark theme toggle. */
    public static final String DARK_KEY = "darkTheme";

    private final EditorViewModel model;
    private final CanvasView canvas;
    private final Preferences preferences;
    private final RecentFiles recent;
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private MenuButton historyMenu;
    private int lastRadius = 8;

    /** A view that remembers nothing between runs (tests, screenshots). */
    public EditorView(EditorViewModel model) {
        this(model, null);
    }

    /**
     * @param preferences where recent files and the theme are kept, e.g.
     *                    {@code Preferences.userRoot().node("app/vernissage")}; null to keep nothing
     */
    public EditorView(EditorViewModel model, Preferences preferences) {
        this.model = model;
        this.canvas = new CanvasView(model);
        this.preferences = preferences;
        this.recent = new RecentFiles(preferences);
        darkTheme.set(preferences != null && preferences.getBoolean(DARK_KEY, false));
        darkTheme.addListener((obs, old, dark) -> {
            applyTheme();
            if (preferences != null) {
                preferences.putBoolean(DARK_KEY, dark);
            }
        });
        sceneProperty().addListener((obs, old, scene) -> applyTheme());
        getStyleClass().add("editor");
        setTop(toolBar());
        BorderPane centre = new BorderPane(new javafx.scene.layout.StackPane(canvas,
                new ContextWindowOverlay(model, canvas), // outpaint
                new CanvasEdgeHandles(model, canvas), // outpaint: extend by dragging an edge
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
        SplitMenuButton open = new SplitMenuButton();
        open.setId("open");
        open.setText(Messages.get("action.open"));
        open.setGraphic(FontIcon.of(MaterialDesignF.FOLDER_OPEN));
        open.setTooltip(new Tooltip(Messages.get("action.open") + " (Ctrl+O)"));
        open.setFocusTraversable(false);
        open.setOnAction(e -> chooseAndOpen());
        open.setOnShowing(e -> fillRecent(open));
        fillRecent(open);
        Button paste = button("action.paste", MaterialDesignC.CONTENT_PASTE, "Ctrl+V");
        paste.setId("paste");
        paste.setText(null);
        paste.setOnAction(e -> paste());
        Button export = button("action.export", MaterialDesignE.EXPORT, "Ctrl+Shift+E");
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
        return new ToolBar(open, projectMenu(), paste, export, new Separator(), undo, redo, historyMenu(), new Separator(),
                toolButton(CanvasTool.BRUSH, "tool.brush", MaterialDesignB.BRUSH, "B"),
                toolButton(CanvasTool.RECTANGLE, "tool.rectangle", MaterialDesignV.VECTOR_SQUARE, "M"),
                toolButton(CanvasTool.LASSO, "tool.lasso", MaterialDesignL.LASSO, "L"),
                maskMenu(), extendButton(), zoomOutButton(), new Separator(), fit, actual, zoom, darkToggle());
    }

    // ---- Outpaint: Extend canvas (Ctrl+E) -------------------------------------------------------

    private Button extendButton() {
        Button b = button("action.extend", MaterialDesignA.ARROW_EXPAND_HORIZONTAL, "Ctrl+E");
        b.setId("extend");
        b.setOnAction(e -> extendCanvas());
        b.disableProperty().bind(model.documentProperty().isNull().or(model.runningProperty())
                .or(model.outpaint().extendingProperty()));
        return b;
    }

    private void extendCanvas() {
        if (model.document() != null && !model.runningProperty().get()) {
            ExtendCanvasDialog.show(getScene() == null ? null : getScene().getWindow(), model);
        }
    }

    // ---- Quick fill (Mask menu, Ctrl+Shift+F) and Zoom-out video (toolbar) ------------------------

    private MenuItem quickFillItem() {
        MenuItem item = new MenuItem(Messages.get("action.quickFill"), FontIcon.of(MaterialDesignA.AUTO_FIX));
        item.setId("quick-fill");
        item.setAccelerator(QUICK_FILL);
        item.setOnAction(e -> quickFill());
        return item;
    }

    private void quickFill() {
        if (model.document() == null) {
            return;
        }
        if (model.runningProperty().get() || model.maskBusyProperty().get() || model.document().mask().isEmpty()) {
            model.quickFill().fill(); // says why not (busy, empty mask); nothing changes
            return;
        }
        QuickFillDialog.show(window(), model.quickFill());
    }

    private Button zoomOutButton() {
        Button b = new Button(null, FontIcon.of(MaterialDesignM.MOVIE_OPEN_OUTLINE));
        b.setId("zoom-out");
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(Messages.get("action.zoomOut") + " - " + Messages.get("action.zoomOut.tip")));
        b.setOnAction(e -> zoomOutVideo());
        b.disableProperty().bind(model.documentProperty().isNull().or(model.runningProperty())
                .or(model.outpaint().extendingProperty()));
        return b;
    }

    private void zoomOutVideo() {
        if (model.document() == null || model.runningProperty().get()) {
            return;
        }
        if (model.modelSetStateProperty().get() != ModelSetState.READY) {
            model.showMessage(Messages.get("message.noModelSet")); // the side panel offers the demo set
            return;
        }
        ZoomOutDialog.show(window(), model.zoomOut());
    }

    // ---- Canvas tools, mask menu, history, theme -------------------------------------------------

    private final ToggleGroup tools = new ToggleGroup();

    private ToggleButton toolButton(CanvasTool tool, String key, Ikon icon, String shortcut) {
        ToggleButton b = new ToggleButton(null, FontIcon.of(icon));
        b.setId("tool-" + tool.name().toLowerCase(java.util.Locale.ROOT));
        b.setTooltip(new Tooltip(Messages.get(key) + " (" + shortcut + ")"));
        b.setFocusTraversable(false);
        b.setToggleGroup(tools);
        b.setUserData(tool);
        b.setSelected(canvas.toolProperty().get() == tool);
        b.setOnAction(e -> {
            canvas.toolProperty().set(tool);
            b.setSelected(true);
        });
        canvas.toolProperty().addListener((obs, old, t) -> b.setSelected(t == tool));
        return b;
    }

    private MenuButton maskMenu() {
        MenuButton menu = new MenuButton(Messages.get("menu.mask"), FontIcon.of(MaterialDesignS.SELECTION));
        menu.setId("mask-menu");
        menu.setFocusTraversable(false);
        menu.setTooltip(new Tooltip(Messages.get("menu.mask") + ": " + Messages.get("action.grow") + " (Ctrl+Alt+G), "
                + Messages.get("action.shrink") + " (Ctrl+Alt+S), " + Messages.get("action.feather") + " (Ctrl+Alt+F)"));
        MenuItem grow = new MenuItem(Messages.get("action.grow"), FontIcon.of(MaterialDesignA.ARROW_EXPAND_ALL));
        grow.setAccelerator(GROW);
        grow.setOnAction(e -> morph("action.grow", MaskMorphology::grow));
        MenuItem shrink = new MenuItem(Messages.get("action.shrink"), FontIcon.of(MaterialDesignA.ARROW_COLLAPSE_ALL));
        shrink.setAccelerator(SHRINK);
        shrink.setOnAction(e -> morph("action.shrink", MaskMorphology::shrink));
        MenuItem feather = new MenuItem(Messages.get("action.feather"), FontIcon.of(MaterialDesignB.BLUR));
        feather.setAccelerator(FEATHER);
        feather.setOnAction(e -> morph("action.feather", MaskMorphology::feather));
        menu.getItems().addAll(grow, shrink, feather, new SeparatorMenuItem(), quickFillItem());
        menu.disableProperty().bind(model.documentProperty().isNull().or(model.runningProperty())
                .or(model.maskBusyProperty()));
        return menu;
    }

    /** Asks for a radius in pixels and applies {@code op} with it. */
    private void morph(String key, BiFunction<app.vernissage.core.document.Document, Integer,
            app.vernissage.core.history.Edit> op) {
        if (model.document() == null || model.runningProperty().get()) {
            return;
        }
        askPixels(Messages.get(key)).ifPresent(n -> {
            lastRadius = n;
            model.applyMaskEditInBackground(d -> op.apply(d, n));
        });
    }

    /** A small dialog asking for 1..500 pixels; empty when cancelled. */
    private OptionalInt askPixels(String title) {
        Dialog<Integer> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(Messages.get("dialog.pixels.header"));
        Spinner<Integer> spinner = new Spinner<>(1, 500, lastRadius);
        spinner.setEditable(true);
        spinner.setId("pixels");
        HBox row = new HBox(8, new Label(Messages.get("dialog.pixels.label")), spinner);
        row.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(row);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE ? spinnerValue(spinner) : null);
        dialog.initOwner(window());
        if (getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        spinner.getEditor().requestFocus();
        Optional<Integer> result = dialog.showAndWait();
        return result.isPresent() ? OptionalInt.of(result.get()) : OptionalInt.empty();
    }

    private static Integer spinnerValue(Spinner<Integer> spinner) {
        try {
            return Math.clamp(Integer.parseInt(spinner.getEditor().getText().trim()), 1, 500);
        } catch (NumberFormatException e) {
            return spinner.getValue();
        }
    }

    private MenuButton historyMenu() {
        historyMenu = new MenuButton(null, FontIcon.of(MaterialDesignH.HISTORY));
        historyMenu.setId("history");
        historyMenu.setFocusTraversable(false);
        historyMenu.setTooltip(new Tooltip(Messages.get("action.history") + " (Ctrl+H)"));
        historyMenu.setOnShowing(e -> fillHistory());
        fillHistory();
        model.historyRevisionProperty().addListener((obs, old, v) -> fillHistory());
        historyMenu.disableProperty().bind(model.documentProperty().isNull().or(model.runningProperty()));
        return historyMenu;
    }

    /** One entry per history state: the opened picture, then each edit; the current one is checked. */
    private void fillHistory() {
        ToggleGroup group = new ToggleGroup();
        List<String> names = model.historyNames();
        int position = model.historyPosition();
        List<MenuItem> items = new java.util.ArrayList<>();
        for (int i = 0; i <= names.size(); i++) {
            String text = i == 0 ? Messages.get("history.original") : (i + ". " + displayName(names.get(i - 1)));
            RadioMenuItem item = new RadioMenuItem(text);
            item.setId("history-" + i);
            item.setToggleGroup(group);
            item.setSelected(i == position);
            if (i > position) {
                item.getStyleClass().add("history-undone");
            }
            int target = i;
            item.setOnAction(e -> model.jumpToHistory(target));
            items.add(item);
        }
        historyMenu.getItems().setAll(items);
    }

    /** An edit's name in the user's language where the bundle knows it (historyName.Paint_mask). */
    private static String displayName(String name) {
        String key = "historyName." + name.replace(' ', '_');
        String text = Messages.get(key);
        return text.equals(key) ? name : text;
    }

    /** The history menu (for tests). */
    MenuButton historyMenuButton() {
        return historyMenu;
    }

    private ToggleButton darkToggle() {
        ToggleButton dark = new ToggleButton(null, FontIcon.of(MaterialDesignT.THEME_LIGHT_DARK));
        dark.setId("dark-theme");
        dark.setTooltip(new Tooltip(Messages.get("action.darkTheme")));
        dark.setFocusTraversable(false);
        dark.selectedProperty().bindBidirectional(darkTheme);
        return dark;
    }

    /** Whether the dark stylesheet is on; remembered in the preferences. */
    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    private void applyTheme() {
        Scene scene = getScene();
        if (scene == null) {
            return;
        }
        String css = EditorView.class.getResource(DARK_CSS).toExternalForm();
        if (darkTheme.get()) {
            if (!scene.getStylesheets().contains(css)) {
                scene.getStylesheets().add(css);
            }
        } else {
            scene.getStylesheets().remove(css);
        }
    }

    // ---- Recent files and paste -----------------------------------------------------------------

    public RecentFiles recentFiles() {
        return recent;
    }

    private void fillRecent(SplitMenuButton open) {
        List<MenuItem> items = new java.util.ArrayList<>();
        for (Path p : recent.files()) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                if (confirmDiscard()) {
                    openFile(p);
                }
            });
            items.add(item);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem(Messages.get("recent.none"));
            none.setDisable(true);
            items.add(none);
        } else {
            MenuItem clear = new MenuItem(Messages.get("recent.clear"));
            clear.setOnAction(e -> recent.clear());
            items.add(new SeparatorMenuItem());
            items.add(clear);
        }
        open.getItems().setAll(items);
    }

    /** Opens {@code file} and puts it first in the recent files; true when opened. */
    public boolean openFile(Path file) {
        boolean opened = model.open(file);
        if (opened) {
            recent.add(file);
        }
        return opened;
    }

    /** Ctrl+V: a picture on the clipboard becomes a new document (a copied file opens). */
    public void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasImage() && clipboard.getImage() != null) {
            if (confirmDiscard()) {
                model.pasteImage(FxImages.fromFx(clipboard.getImage()));
            }
        } else if (clipboard.hasFiles() && !clipboard.getFiles().isEmpty()) {
            if (confirmDiscard()) {
                openFile(clipboard.getFiles().getFirst().toPath());
            }
        }
    }

    private static Button button(String key, Ikon icon, String shortcut) {
        Button b = new Button(Messages.get(key), FontIcon.of(icon));
        b.setTooltip(new Tooltip(Messages.get(key) + " (" + shortcut + ")"));
        b.setFocusTraversable(false);
        return b;
    }

    /** The status line: ControlsFX's status bar with the message on the left and, while a run goes, its progress. */
    private StatusBar statusLine() {
        Label message = new Label();
        message.setId("message");
        message.textProperty().bind(Bindings.when(model.messageProperty().isEmpty().and(model.documentProperty().isNull()))
                .then(Messages.get("message.dropHint")).otherwise(model.messageProperty()));
        StatusBar bar = new StatusBar();
        bar.setText("");
        bar.getLeftItems().add(message);
        bar.progressProperty().bind(Bindings.when(model.runningProperty()).then(model.progressProperty()).otherwise(0.0));
        bar.getStyleClass().add("status-line");
        return bar;
    }

    /** Installs the keyboard shortcuts on the scene. */
    public void installShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            if (OPEN.match(e)) {
                chooseAndOpen();
            } else if (SAVE_PROJECT_AS.match(e)) {
                chooseAndSaveProject();
            } else if (SAVE_PROJECT.match(e)) {
                saveProject();
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
            } else if (PASTE.match(e) && !typing) {
                paste();
            } else if (GROW.match(e)) {
                morph("action.grow", MaskMorphology::grow);
            } else if (SHRINK.match(e)) {
                morph("action.shrink", MaskMorphology::shrink);
            } else if (FEATHER.match(e)) {
                morph("action.feather", MaskMorphology::feather);
            } else if (EXTEND.match(e)) {
                extendCanvas();
            } else if (QUICK_FILL.match(e)) {
                quickFill();
            } else if (HISTORY.match(e)) {
                if (!historyMenu.isDisabled()) {
                    historyMenu.show();
                }
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
            } else if (e.getCode() == KeyCode.B && !e.isShortcutDown() && !e.isAltDown()) {
                canvas.toolProperty().set(CanvasTool.BRUSH);
            } else if (e.getCode() == KeyCode.M && !e.isShortcutDown() && !e.isAltDown()) {
                canvas.toolProperty().set(CanvasTool.RECTANGLE);
            } else if (e.getCode() == KeyCode.L && !e.isShortcutDown() && !e.isAltDown()) {
                canvas.toolProperty().set(CanvasTool.LASSO);
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
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(Messages.get("filter.supported"),
                        "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.PNG", "*.JPG", "*.JPEG", "*.vernissage"),
                new FileChooser.ExtensionFilter(Messages.get("filter.images"),
                        "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.PNG", "*.JPG", "*.JPEG"),
                new FileChooser.ExtensionFilter(Messages.get("filter.projects"), "*.vernissage"));
        Optional.ofNullable(model.document()).flatMap(d -> d.file()).map(Path::getParent)
                .map(Path::toFile).filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            openFile(file.toPath());
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
        java.nio.file.Path target = file.toPath();
        String chosen = file.getName().toLowerCase(java.util.Locale.ROOT);
        if (chosen.endsWith(".jpg") || chosen.endsWith(".jpeg")) {
            askJpegQuality().ifPresent(q -> model.export(target, q));
        } else {
            model.export(target);
        }
    }

    /** Asks for the JPEG quality (best, high, medium, small); empty when cancelled. */
    private java.util.Optional<Float> askJpegQuality() {
        List<String> choices = List.of(Messages.get("jpeg.best"), Messages.get("jpeg.high"), Messages.get("jpeg.medium"),
                Messages.get("jpeg.small"));
        float[] values = {1f, 0.92f, 0.8f, 0.6f};
        javafx.scene.control.ChoiceDialog<String> dialog = new javafx.scene.control.ChoiceDialog<>(choices.get(1), choices);
        dialog.setTitle(Messages.get("dialog.jpeg.title"));
        dialog.setHeaderText(Messages.get("dialog.jpeg.header"));
        dialog.initOwner(window());
        return dialog.showAndWait().map(c -> values[choices.indexOf(c)]);
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
            done = openFile(files.getFirst().toPath());
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

    // ---- projects ----
    // Added for projects: the Project menu, Save (Ctrl+S) and Save as (Ctrl+Shift+S), the autosave
    // setting and the recovery offer. Besides this block: the shortcut lines in installShortcuts(), the
    // menu in toolBar(), the Open dialog's filters, and Export moved to Ctrl+Shift+E.

    private static final KeyCombination SAVE_PROJECT = KeyCombination.keyCombination("Shortcut+S");
    private static final KeyCombination SAVE_PROJECT_AS = KeyCombination.keyCombination("Shortcut+Shift+S");
    private ProjectController projects;
    private MenuButton projectMenu;

    /** Connects Save, Save as, the autosave setting and recovery to {@code controller}. */
    public void setProjects(ProjectController controller) {
        this.projects = controller;
        projectMenu.setDisable(controller == null);
    }

    public ProjectController projects() {
        return projects;
    }

    private MenuButton projectMenu() {
        projectMenu = new MenuButton(Messages.get("menu.project"), FontIcon.of(MaterialDesignC.CONTENT_SAVE));
        projectMenu.setId("project-menu");
        projectMenu.setFocusTraversable(false);
        MenuItem save = new MenuItem(Messages.get("action.saveProject"));
        save.setId("save-project");
        save.setAccelerator(SAVE_PROJECT);
        save.setOnAction(e -> saveProject());
        MenuItem saveAs = new MenuItem(Messages.get("action.saveProjectAs"));
        saveAs.setId("save-project-as");
        saveAs.setAccelerator(SAVE_PROJECT_AS);
        saveAs.setOnAction(e -> chooseAndSaveProject());
        save.disableProperty().bind(model.documentProperty().isNull());
        saveAs.disableProperty().bind(model.documentProperty().isNull());
        MenuItem autosave = new MenuItem(Messages.get("action.autosave"));
        autosave.setId("autosave");
        autosave.setOnAction(e -> askAutosave());
        projectMenu.getItems().addAll(save, saveAs, new SeparatorMenuItem(), autosave);
        projectMenu.setDisable(true);
        return projectMenu;
    }

    /** Ctrl+S: saves to the project file, or asks for one (Save as) when the work has none. */
    public void saveProject() {
        if (projects != null && model.document() != null && !projects.save()) {
            chooseAndSaveProject();
        }
    }

    /** Ctrl+Shift+S: asks where to save the work as a project. */
    public void chooseAndSaveProject() {
        if (projects == null || model.document() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("dialog.saveProject.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("filter.projects"), "*.vernissage"));
        Path current = model.projectFileProperty().get() != null ? model.projectFileProperty().get()
                : model.document().file().orElse(null);
        if (current != null) {
            if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
                chooser.setInitialDirectory(current.getParent().toFile());
            }
            String name = current.getFileName().toString();
            int dot = name.lastIndexOf('.');
            chooser.setInitialFileName((dot > 0 ? name.substring(0, dot) : name) + ".vernissage");
        }
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            Path target = ProjectController.withExtension(file.toPath());
            if (projects.saveAs(target)) {
                recent.add(target);
            }
        }
    }

    private void askAutosave() {
        if (projects == null) {
            return;
        }
        Dialog<Integer> dialog = new Dialog<>();
        dialog.setTitle(Messages.get("dialog.autosave.title"));
        dialog.setHeaderText(Messages.get("dialog.autosave.header"));
        Spinner<Integer> spinner = new Spinner<>(0, ProjectController.MAX_AUTOSAVE_MINUTES, projects.autosaveMinutes());
        spinner.setEditable(true);
        spinner.setId("autosave-minutes");
        HBox row = new HBox(8, new Label(Messages.get("dialog.autosave.label")), spinner);
        row.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(row);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE ? spinner.getValue() : null);
        dialog.initOwner(window());
        dialog.showAndWait().ifPresent(projects::setAutosaveMinutes);
    }

    /** Looks for recovery copies in the background and, when there are some, offers to restore one. */
    public void offerRecovery() {
        if (projects == null) {
            return;
        }
        projects.findRecoveries(entries -> {
            if (!entries.isEmpty()) {
                RecoveryDialog.show(window(), entries).ifPresent(choice -> {
                    if (choice.restore() != null) {
                        if (confirmDiscard()) {
                            projects.restore(choice.restore());
                        }
                    } else if (!choice.discard().isEmpty()) {
                        projects.discard(choice.discard());
                    }
                });
            }
        });
    }
}
