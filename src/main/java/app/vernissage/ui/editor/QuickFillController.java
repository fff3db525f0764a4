package app.vernissage.ui.editor;

import app.vernissage.core.canvas.Regions;
import app.vernissage.core.document.Document;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.history.ImageRegionEdit;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.fill.ClassicalFill;
import app.vernissage.fill.QuickFill;
import app.vernissage.ui.Messages;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Locale;
import java.util.prefs.Preferences;

/**
 * Mask &gt; Quick fill: fills the masked area from its surroundings with OpenCV's Telea or
 * Navier-Stokes inpainting, no model needed (it works before any model set is chosen). The fill runs
 * on the background executor as a run of the editor (status line busy, Cancel drops the result), is
 * composed through the mask exactly as {@code vernissage fill} does ({@link QuickFill}: pixels where
 * the mask is 0 stay bit for bit), and becomes one undoable edit. The mask stays, so Generate can
 * work on top of the fill. The method and radius are remembered in the preferences when there are some.
 *
 * <p>Every method belongs to the UI thread.
 */
public final class QuickFillController {
    public static final int DEFAULT_RADIUS = 5;
    public static final int MIN_RADIUS = 1;
    public static final int MAX_RADIUS = 64;
    static final String PREF_METHOD = "quickFillMethod";
    static final String PREF_RADIUS = "quickFillRadius";

    private final EditorViewModel model;
    private final EditorViewModel.OutpaintHost host;
    private final Preferences prefs;
    private final ObjectProperty<ClassicalFill.Method> method = new SimpleObjectProperty<>(ClassicalFill.Method.TELEA);
    private final IntegerProperty radius = new SimpleIntegerProperty(DEFAULT_RADIUS);
    /** Loads OpenCV's native library; a seam so tests can make it fail. */
    private Runnable loader = ClassicalFill::load;

    QuickFillController(EditorViewModel model, EditorViewModel.OutpaintHost host, Preferences prefs) {
        this.model = model;
        this.host = host;
        this.prefs = prefs;
        if (prefs != null) {
            try {
                method.set(ClassicalFill.Method.valueOf(prefs.get(PREF_METHOD, ClassicalFill.Method.TELEA.name())));
            } catch (IllegalArgumentException e) {
                method.set(ClassicalFill.Method.TELEA);
            }
            radius.set(Math.clamp(prefs.getInt(PREF_RADIUS, DEFAULT_RADIUS), MIN_RADIUS, MAX_RADIUS));
        }
        method.addListener((obs, old, m) -> remember());
        radius.addListener((obs, old, r) -> remember());
    }

    /** Telea (default) or Navier-Stokes. */
    public ObjectProperty<ClassicalFill.Method> methodProperty() {
        return method;
    }

    /** How far around each hole pixel the fill looks, {@value #MIN_RADIUS}..{@value #MAX_RADIUS} px (default 5). */
    public IntegerProperty radiusProperty() {
        return radius;
    }

    /** The method's name in the user's language. */
    public static String label(ClassicalFill.Method m) {
        return Messages.get("quickFill.method." + m.name().toLowerCase(Locale.ROOT));
    }

    void setLoader(Runnable loader) {
        this.loader = loader;
    }

    /**
     * Starts filling the mask of the open document. False (and a message, nothing changed) without a
     * document, while something else runs, with an empty mask or a radius out of range.
     */
    public boolean fill() {
        Document doc = model.document();
        if (doc == null) {
            return false;
        }
        if (host.busy() || model.outpaint().extendingProperty().get()) {
            host.message(Messages.get("message.busy"));
            return false;
        }
        if (doc.mask().isEmpty()) {
            host.message(Messages.get("quickFill.emptyMask"));
            return false;
        }
        int r = radius.get();
        if (r < MIN_RADIUS || r > MAX_RADIUS) {
            host.message(Messages.get("quickFill.badRadius", Integer.toString(r), Integer.toString(MIN_RADIUS),
                    Integer.toString(MAX_RADIUS)));
            return false;
        }
        ClassicalFill.Method m = method.get() == null ? ClassicalFill.Method.TELEA : method.get();
        CancellationToken token = new CancellationToken();
        long id = host.beginRun(token);
        String what = Messages.get("quickFill.running", label(m), Integer.toString(r));
        host.progress(id, -1, what, null);
        // The picture and mask cannot change while the run goes (painting, undo and the rest wait for it).
        PixelImage image = doc.image();
        Mask mask = doc.mask();
        Runnable load = loader;
        host.background().execute(() -> {
            ImageRegionEdit edit = null;
            String failure = null;
            try {
                try {
                    load.run();
                } catch (IllegalStateException | LinkageError e) {
                    throw new OpenCvMissing(e);
                }
                QuickFill.Patch patch = QuickFill.patch(image, mask, new ClassicalFill(m, r));
                if (patch != null && !token.isCancelled()) {
                    Regions.Rect at = patch.region();
                    edit = new ImageRegionEdit(Messages.get("edit.quickFill"),
                            new PixelRect(at.x(), at.y(), at.width(), at.height()),
                            Regions.crop(image, at).argb(), patch.pixels().argb());
                }
            } catch (OpenCvMissing e) {
                Throwable loadFailure = e.getCause();
                failure = Messages.get("quickFill.noOpenCv", reason(loadFailure.getCause() != null ? loadFailure.getCause() : loadFailure));
            } catch (RuntimeException | OutOfMemoryError | LinkageError e) {
                failure = Messages.get("quickFill.failed", reason(e));
            }
            ImageRegionEdit done = edit;
            String why = failure;
            host.uiThread().accept(() -> finished(id, token, doc, done, why, what));
        });
        return true;
    }

    private void finished(long id, CancellationToken token, Document doc, ImageRegionEdit edit, String failure,
                          String what) {
        if (!host.current(id)) {
            return;
        }
        if (token.isCancelled()) {
            host.endRun(id, Messages.get("quickFill.cancelled"));
        } else if (failure != null) {
            host.endRun(id, failure);
        } else {
            host.endRun(id, Messages.get("quickFill.done", what));
            if (edit != null && !model.applyImageEdit(doc, edit)) {
                host.message(Messages.get("quickFill.changedMeanwhile"));
            }
        }
    }

    private void remember() {
        if (prefs == null) {
            return;
        }
        try {
            prefs.put(PREF_METHOD, (method.get() == null ? ClassicalFill.Method.TELEA : method.get()).name());
            prefs.putInt(PREF_RADIUS, radius.get());
        } catch (IllegalStateException e) {
            // a removed preferences node: the choice lasts until the editor closes
        }
    }

    private static String reason(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** OpenCV's native library did not load. */
    private static final class OpenCvMissing extends RuntimeException {
        OpenCvMissing(Throwable cause) {
            super(cause);
        }
    }
}
