package app.vernissage.ui.editor;

import app.vernissage.core.image.PixelImage;
import app.vernissage.ui.Messages;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The finished variants as thumbnails with their seeds. Clicking one shows it in place on the canvas
 * (the document is unchanged); Accept applies the shown one as one undoable edit, Discard drops them
 * all, "Use this seed" copies the shown one's seed into the seed field. Hidden while there are none.
 */
public final class VariantsStrip extends HBox {
    /** Longest side of a thumbnail, in pixels. */
    static final int THUMB = 76;

    private final EditorViewModel model;
    private final HBox tiles = new HBox(6);
    private final ToggleGroup group = new ToggleGroup();
    private final Map<PixelImage, javafx.scene.image.Image> thumbnails = new IdentityHashMap<>();
    private boolean syncing;

    public VariantsStrip(EditorViewModel model) {
        super(6);
        this.model = model;
        setId("variants");
        getStyleClass().add("variants-strip");
        Label heading = new Label(Messages.get("section.variants"));
        heading.getStyleClass().add("section-heading");
        tiles.setPadding(new Insets(2));
        tiles.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroller = new ScrollPane(tiles);
        scroller.setFitToHeight(true);
        scroller.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().add("variants-scroll");
        HBox.setHgrow(scroller, Priority.ALWAYS);

        Button accept = new Button(Messages.get("action.accept"), FontIcon.of(MaterialDesignC.CHECK));
        accept.setId("acceptVariant");
        accept.getStyleClass().add("accent");
        accept.disableProperty().bind(model.shownVariantProperty().isNull().or(model.runningProperty()));
        accept.setOnAction(e -> model.acceptShown());
        Button discard = new Button(Messages.get("action.discard"), FontIcon.of(MaterialDesignD.DELETE_OUTLINE));
        discard.setId("discardVariants");
        discard.disableProperty().bind(model.runningProperty());
        discard.setOnAction(e -> model.discardVariants());
        Button useSeed = new Button(Messages.get("action.useSeed"), FontIcon.of(MaterialDesignP.PIN_OUTLINE));
        useSeed.setId("useSeed");
        useSeed.disableProperty().bind(model.shownVariantProperty().isNull());
        useSeed.setOnAction(e -> model.useSeed(model.shownVariantProperty().get()));

        for (Button b : new Button[]{accept, discard, useSeed}) {
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
        }
        VBox actions = new VBox(6, heading, accept, discard, useSeed);
        actions.setMinWidth(VBox.USE_PREF_SIZE);
        getChildren().addAll(actions, scroller);
        setSpacing(10);
        setPadding(new Insets(8));
        setStyle("-fx-background-color: #eceef1; -fx-border-color: #d5d8dc transparent transparent transparent;");
        visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.variants()));
        managedProperty().bind(visibleProperty());

        model.variants().addListener((ListChangeListener<Variant>) c -> rebuild());
        model.shownVariantProperty().addListener((obs, old, v) -> select(v));
        group.selectedToggleProperty().addListener((obs, old, t) -> {
            if (!syncing) {
                model.show(t == null ? null : (Variant) t.getUserData());
                select(model.shownVariantProperty().get());
            }
        });
        rebuild();
    }

    private void rebuild() {
        syncing = true;
        try {
            thumbnails.keySet().retainAll(model.variants().stream().map(Variant::image).toList());
            tiles.getChildren().clear();
            group.getToggles().clear();
            int i = 0;
            for (Variant v : model.variants()) {
                tiles.getChildren().add(tile(v, i++));
            }
        } finally {
            syncing = false;
        }
        select(model.shownVariantProperty().get());
    }

    private ToggleButton tile(Variant v, int index) {
        ImageView view = new ImageView(thumbnails.computeIfAbsent(v.image(), img -> FxImages.toFx(thumbnail(img, THUMB))));
        ToggleButton b = new ToggleButton(Messages.get("label.variantSeed", Long.toString(v.seed())), view);
        b.setId("variant-" + index);
        b.getStyleClass().add("variant-tile");
        b.setContentDisplay(ContentDisplay.TOP);
        b.setAlignment(Pos.CENTER);
        b.setUserData(v);
        b.setToggleGroup(group);
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(Messages.get("tooltip.variant", Long.toString(v.seed()))));
        b.disableProperty().bind(model.runningProperty());
        b.styleProperty().bind(javafx.beans.binding.Bindings.when(b.selectedProperty())
                .then("-fx-border-color: #3b7ddd; -fx-border-width: 2; -fx-border-radius: 3;")
                .otherwise("-fx-border-color: transparent; -fx-border-width: 2;"));
        MenuItem use = new MenuItem(Messages.get("action.useSeed"));
        use.setOnAction(e -> model.useSeed(v));
        b.setContextMenu(new ContextMenu(use));
        return b;
    }

    private void select(Variant v) {
        syncing = true;
        try {
            group.selectToggle(group.getToggles().stream().filter(t -> t.getUserData() == v).findFirst().orElse(null));
        } finally {
            syncing = false;
        }
    }

    /** A box-filtered copy whose longer side is at most {@code max} pixels. */
    static PixelImage thumbnail(PixelImage image, int max) {
        int w = image.width();
        int h = image.height();
        double scale = Math.min(1.0, max / (double) Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        int[] src = image.argb();
        int[] out = new int[tw * th];
        for (int ty = 0; ty < th; ty++) {
            int y0 = ty * h / th;
            int y1 = Math.max(y0 + 1, (ty + 1) * h / th);
            for (int tx = 0; tx < tw; tx++) {
                int x0 = tx * w / tw;
                int x1 = Math.max(x0 + 1, (tx + 1) * w / tw);
                long r = 0;
                long g = 0;
                long b = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        int p = src[y * w + x];
                        r += p >> 16 & 0xFF;
                        g += p >> 8 & 0xFF;
                        b += p & 0xFF;
                    }
                }
                long n = (long) (y1 - y0) * (x1 - x0);
                out[ty * tw + tx] = 0xFF000000 | (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
            }
        }
        return new PixelImage(tw, th, out, false);
    }
}
