package app.vernissage.ui.editor;

import app.vernissage.core.canvas.CanvasExtension;
import app.vernissage.core.canvas.EdgeBlurFill;
import app.vernissage.core.canvas.Outsets;
import app.vernissage.core.canvas.PreFill;
import app.vernissage.core.canvas.Regions;
import app.vernissage.core.canvas.Regions.Rect;
import app.vernissage.core.document.Document;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.document.PreviewBlend;
import app.vernissage.core.history.Edit;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.project.CanvasState;
import app.vernissage.core.window.ContextWindow;
import app.vernissage.core.window.ManualWindow;
import app.vernissage.engine.outpaint.GenerateSettings;
import app.vernissage.engine.outpaint.Panorama;
import app.vernissage.engine.outpaint.StepListener;
import app.vernissage.engine.outpaint.WindowedInpainter;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.pipeline.InpaintRequest;
import app.vernissage.engine.pipeline.InpaintResult;
import app.vernissage.engine.pipeline.ProgressListener;
import app.vernissage.engine.pipeline.SamplerKind;
import app.vernissage.engine.pipeline.StepProgress;
import app.vernissage.engine.pipeline.Timings;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.EngineException;
import app.vernissage.fill.ClassicalFill;
import app.vernissage.ui.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Outpainting in the editor, without any window: growing the canvas (one undoable edit), the
 * context window a generation will work on, windowed generation after an extension, and panoramas
 * (N extensions + generations on one side, each finished step one undoable edit).
 *
 * <p>A {@link Document}'s picture and mask have a fixed size, so an extension makes a new document
 * and records a {@link DocumentSwap} edit: undo shows the old document again (its pixels, mask and
 * size exactly as they were, nothing is resampled), redo the grown one. Edits made before the
 * extension stay in the history and apply to the old document.
 *
 * <p>Every method belongs to the UI thread; the engine runs on the editor's background executor.
 */
public final class OutpaintController {
    /** The largest document an extension may make (8192 x 8192). */
    public static final long MAX_PIXELS = 8192L * 8192L;
    public static final int DEFAULT_OVERLAP = 32;
    public static final int MAX_OVERLAP = 4096;
    /**
     * Extensions are offered in steps of 8 pixels (dialog presets and spinners, handle drags): the
     * model's latent grid is 8 pixels (MoVQ downsamples by 8), like a new canvas's sides.
     */
    public static final int SIZE_STEP = 8;

    /** How the new area is filled before the model repaints it. */
    public enum Fill {
        BLUR, TELEA, NS, NONE;

        PreFill preFill() {
            return switch (this) {
                case BLUR -> EdgeBlurFill.INSTANCE;
                case TELEA -> new ClassicalFill(ClassicalFill.Method.TELEA, 5);
                case NS -> new ClassicalFill(ClassicalFill.Method.NAVIER_STOKES, 5);
                case NONE -> PreFill.NONE;
            };
        }

        public String label() {
            return Messages.get("outpaint.fill." + name().toLowerCase(Locale.ROOT));
        }
    }

    private final EditorViewModel model;
    private final EditorViewModel.OutpaintHost host;
    private final IntegerProperty padding = new SimpleIntegerProperty(GenerateSettings.DEFAULT_PADDING);
    private final IntegerProperty overlap = new SimpleIntegerProperty(DEFAULT_OVERLAP);
    private final ObjectProperty<Fill> fill = new SimpleObjectProperty<>(Fill.BLUR);
    private final BooleanProperty windowed = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Rect> window = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper extending = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper manualWindow = new ReadOnlyBooleanWrapper();
    /** The window the user moved or resized, or null: the automatic one from the mask and padding. */
    private ContextWindow manual;
    /** The window on screen now (manual or automatic) and the mask's bounds it was made for. */
    private ContextWindow shown;
    private Rect shownMask;
    /** The window the last windowed generation worked on (written by the background executor). */
    private volatile ContextWindow lastUsed;
    private boolean windowPending;
    private boolean swapping;

    OutpaintController(EditorViewModel model, EditorViewModel.OutpaintHost host) {
        this.model = model;
        this.host = host;
        model.addChangeListener(change -> {
            if (change.replaced() && !swapping) {
                windowed.set(false);
            }
            if (change.replaced()) {
                // Another document (opened, extended, or an extension undone): its own automatic window.
                setManual(null);
            }
            if (change.replaced() || !change.image()) {
                scheduleWindow();
            }
        });
        padding.addListener((obs, old, v) -> scheduleWindow());
        windowed.addListener((obs, old, v) -> scheduleWindow());
        // What a project keeps of the outpainting state (see canvasState()) counts as a change of the work.
        padding.addListener((obs, old, v) -> host.canvasChanged());
        overlap.addListener((obs, old, v) -> host.canvasChanged());
        fill.addListener((obs, old, v) -> host.canvasChanged());
        windowed.addListener((obs, old, v) -> host.canvasChanged());
    }

    // ---- Extension -----------------------------------------------------------------------------

    /**
     * Grows the open document by {@code outsets} with the chosen overlap and pre-fill: the new area is
     * pre-filled, the mask becomes the new area plus the overlap band, and Generate works on a context
     * window from then on. One undoable edit. The work runs on the background executor (see
     * {@link #extendingProperty()}); false (and a message) when refused at once.
     */
    public boolean extend(int left, int top, int right, int bottom) {
        Outsets outsets;
        try {
            outsets = new Outsets(left, top, right, bottom);
        } catch (IllegalArgumentException e) {
            host.message(Messages.get("outpaint.refused", e.getMessage()));
            return false;
        }
        return extend(outsets);
    }

    /** See {@link #extend(int, int, int, int)}. */
    public boolean extend(Outsets outsets) {
        Document doc = model.document();
        if (doc == null) {
            return false;
        }
        if (host.busy() || extending.get()) {
            host.message(Messages.get("message.busy"));
            return false;
        }
        int band;
        Fill f = fill.get() == null ? Fill.NONE : fill.get();
        try {
            check(doc, outsets, 1);
            band = overlap();
        } catch (IllegalArgumentException e) {
            host.message(Messages.get("outpaint.refused", e.getMessage()));
            return false;
        }
        // Growing and pre-filling a large picture takes a while: the background executor does it.
        extending.set(true);
        int revision = model.historyRevisionProperty().get();
        PixelImage image = doc.image();
        host.message(Messages.get("outpaint.extending"));
        host.background().execute(() -> {
            Document grown = null;
            String failure = null;
            try {
                CanvasExtension.Extended ext = CanvasExtension.extend(image, outsets, band, MAX_PIXELS);
                grown = new Document(preFill(ext, f), doc.file().orElse(null));
                System.arraycopy(ext.mask().values(), 0, grown.mask().values(), 0, ext.mask().values().length);
                grown.markDirty();
            } catch (RuntimeException | OutOfMemoryError | UnsatisfiedLinkError e) {
                failure = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            Document done = grown;
            String why = failure;
            host.uiThread().accept(() -> extended(doc, revision, done, why));
        });
        return true;
    }

    private void extended(Document doc, int revision, Document grown, String failure) {
        extending.set(false);
        if (failure != null) {
            host.message(Messages.get("outpaint.refused", failure));
            return;
        }
        if (model.document() != doc || model.historyRevisionProperty().get() != revision || host.busy()) {
            host.message(Messages.get("outpaint.changedMeanwhile"));
            return;
        }
        swapTo(doc, grown, Messages.get("edit.extend"));
        windowed.set(true);
        host.message(Messages.get("outpaint.extended", Integer.toString(doc.width()), Integer.toString(doc.height()),
                Integer.toString(grown.width()), Integer.toString(grown.height())));
    }

    /** True while an extension is being computed in the background. */
    public ReadOnlyBooleanProperty extendingProperty() {
        return extending.getReadOnlyProperty();
    }

    /** Refuses (IllegalArgumentException) outsets that add nothing or make too large a document after {@code steps}. */
    static void check(Document doc, Outsets outsets, int steps) {
        new Panorama.Plan(outsets, steps, DEFAULT_OVERLAP, MAX_PIXELS).check(doc.width(), doc.height());
    }

    /** The extended picture with its new area (mask 255) pre-filled; the band keeps its old pixels. */
    private static PixelImage preFill(CanvasExtension.Extended ext, Fill f) {
        if (f == Fill.NONE) {
            return ext.image();
        }
        Mask newArea = Regions.threshold(ext.mask(), 255);
        return f.preFill().fill(ext.image(), newArea);
    }

    private void swapTo(Document from, Document to, String name) {
        DocumentSwap edit = new DocumentSwap(name, from, to, this::showDocument);
        showDocument(to);
        host.record(edit);
    }

    private void showDocument(Document doc) {
        swapping = true;
        try {
            host.swapDocument(doc);
        } finally {
            swapping = false;
        }
    }

    /**
     * An extension: the document before and after. Undo and redo show the other document; the
     * editor's history keeps the edits of each.
     */
    static final class DocumentSwap implements Edit {
        private final String name;
        private final Document before;
        private final Document after;
        private final java.util.function.Consumer<Document> show;

        DocumentSwap(String name, Document before, Document after, java.util.function.Consumer<Document> show) {
            this.name = name;
            this.before = before;
            this.after = after;
            this.show = show;
        }

        @Override
        public String name() {
            return name;
        }

        /** The part both documents have (an extension only grows); repainting it is harmless. */
        @Override
        public PixelRect area() {
            return new PixelRect(0, 0, Math.min(before.width(), after.width()), Math.min(before.height(), after.height()));
        }

        @Override
        public boolean changesImage() {
            return true;
        }

        @Override
        public void undo(Document document) {
            show.accept(before);
        }

        @Override
        public void redo(Document document) {
            show.accept(after);
        }

        @Override
        public long byteSize() {
            // The document not shown is kept alive by this edit: its pixels (4 bytes) and mask (1).
            return 5L * Math.min((long) before.width() * before.height(), (long) after.width() * after.height());
        }

        Document before() {
            return before;
        }

        Document after() {
            return after;
        }
    }

    // ---- Context window ------------------------------------------------------------------------

    /** The window a generation would work on now, or null (not after an extension, or no mask). */
    public ReadOnlyObjectProperty<Rect> windowProperty() {
        return window.getReadOnlyProperty();
    }

    /** True while the window is one the user moved or resized (until reset, or another document). */
    public ReadOnlyBooleanProperty manualWindowProperty() {
        return manualWindow.getReadOnlyProperty();
    }

    private void scheduleWindow() {
        if (!windowPending) {
            windowPending = true;
            host.uiThread().accept(() -> {
                windowPending = false;
                window.set(computeWindow());
            });
        }
    }

    /** The window for the open document's mask now (computed at once; tests). */
    Rect computeWindow() {
        ContextWindow w = currentWindow();
        return w == null ? null : w.region();
    }

    /**
     * The window a generation would use now: the user's, grown to cover the mask where the mask went
     * out of it, or else the automatic one. Null when there is none (no extension, no mask).
     */
    private ContextWindow currentWindow() {
        Document doc = model.document();
        Rect bounds = doc == null || !windowed.get() ? null : Regions.bounds(doc.mask());
        shownMask = bounds;
        shown = bounds == null ? null : windowFor(doc, bounds);
        return shown;
    }

    private ContextWindow windowFor(Document doc, Rect maskBounds) {
        if (manual != null) {
            ContextWindow w = ManualWindow.covering(manual, maskBounds, doc.width(), doc.height(),
                    ContextWindow.DEFAULT_MAX_WORK_PIXELS);
            setManual(w);
            if (w != null) {
                return w;
            }
        }
        return ContextWindow.around(maskBounds, doc.width(), doc.height(), Math.clamp(padding.get(), 0, 8192),
                ContextWindow.DEFAULT_MAX_WORK_PIXELS);
    }

    private void setManual(ContextWindow w) {
        if (!java.util.Objects.equals(manual, w)) {
            host.canvasChanged();
        }
        manual = w;
        manualWindow.set(w != null);
    }

    /** The window on screen now with its working size, where a drag starts from; null when none is shown. */
    ContextWindow shownWindow() {
        return window.get() == null ? null : shown;
    }

    /** The user's window, or null while the automatic one is used. */
    ContextWindow manualWindow() {
        return manual;
    }

    /**
     * Moves the window: {@code start} (the window when the drag began) by ({@code dx}, {@code dy})
     * document pixels, kept inside the document and over the mask. From then on Generate uses it
     * instead of the automatic window. Nothing happens while a generation runs or no window is shown.
     */
    public void moveWindow(ContextWindow start, int dx, int dy) {
        Document doc = model.document();
        if (canChangeWindow(doc)) {
            showManual(ManualWindow.moved(start, dx, dy, shownMask, doc.width(), doc.height()));
        }
    }

    /**
     * Resizes the window: the edges of {@code start}'s region that {@code handle} holds moved by
     * ({@code dx}, {@code dy}) document pixels, stopped at the document's edges and at the mask,
     * then grown to the working grid (see {@link ManualWindow#resized}).
     */
    public void resizeWindow(ContextWindow start, ManualWindow.Handle handle, int dx, int dy) {
        Document doc = model.document();
        if (canChangeWindow(doc)) {
            showManual(ManualWindow.resized(start.region(), handle, dx, dy, shownMask, doc.width(), doc.height(),
                    ContextWindow.DEFAULT_MAX_WORK_PIXELS));
        }
    }

    /** Back to the automatic window (from the mask and the padding). */
    public void resetWindow() {
        if (manual != null) {
            restoreWindow(null);
            host.message(Messages.get("outpaint.windowReset"));
        }
    }

    /** Makes {@code previous} (a manual window, or null for the automatic one) the window again: a cancelled drag. */
    void restoreWindow(ContextWindow previous) {
        setManual(previous);
        window.set(computeWindow());
    }

    private boolean canChangeWindow(Document doc) {
        return doc != null && shownWindow() != null && !model.runningProperty().get() && !extending.get();
    }

    private void showManual(ContextWindow w) {
        setManual(w);
        shown = w;
        window.set(w.region());
    }

    /** The window the last windowed generation worked on, or null (tests). */
    ContextWindow lastUsedWindow() {
        return lastUsed;
    }

    /** A Generate on a context window: settings taken from the request, plus padding and pre-fill. */
    record WindowedRun(ContextWindow window, int padding, PreFill preFill,
                       java.util.function.Consumer<ContextWindow> used) {
        InpaintResult inpaint(InpaintEngine engine, InpaintRequest r, ProgressListener listener, CancellationToken token)
                throws EngineException {
            GenerateSettings s = new GenerateSettings(r.prompt(), r.negative(), r.steps(), r.guidance(), r.eta(), r.seed(),
                    r.sampler(), r.strength(), 0, padding, false, preFill, ContextWindow.DEFAULT_MAX_WORK_PIXELS);
            WindowedInpainter.Outcome out = new WindowedInpainter(engine).generate(r.image(), r.mask(), window, s, listener,
                    token);
            used.accept(out.window());
            InpaintResult run = out.run();
            return new InpaintResult(out.image(), run.decoded(), run.latent(), run.workingSize(), run.seed(), run.device(),
                    run.timings());
        }
    }

    /**
     * How Generate should run on {@code doc}: after an extension, on the user's window (grown over
     * the mask if needed) or else the automatic one; null otherwise (the whole picture).
     */
    WindowedRun windowedRun(Document doc) {
        if (!windowed.get() || doc.mask().isEmpty()) {
            return null;
        }
        ContextWindow w = windowFor(doc, Regions.bounds(doc.mask()));
        return new WindowedRun(w, Math.clamp(padding.get(), 0, 8192), fill.get() == null ? PreFill.NONE : fill.get().preFill(),
                used -> lastUsed = used);
    }

    /** {@code base} with {@code preview} stretched over {@code window} and mixed in by the mask there. */
    static PixelImage blendInWindow(PixelImage base, Mask mask, PixelImage preview, Rect window) {
        PixelImage crop = Regions.crop(base, window);
        PixelImage blended = PreviewBlend.blend(crop, Regions.crop(mask, window), preview);
        PixelImage out = base.copy();
        Regions.pasteInPlace(out, blended, window.x(), window.y());
        return out;
    }

    // ---- Panorama ------------------------------------------------------------------------------

    /**
     * Queues {@code steps} extensions of {@code px} pixels on {@code side}, each generated on its
     * context window with the editor's prompt and settings (step k uses seed + k - 1). Each finished
     * step becomes the open document as one undoable edit; Cancel stops and keeps finished steps.
     * False (and a message) when refused.
     */
    public boolean panorama(Outsets.Side side, int px, int steps) {
        Document doc = model.document();
        if (doc == null) {
            return false;
        }
        if (host.busy()) {
            host.message(Messages.get("message.busy"));
            return false;
        }
        if (extending.get()) {
            host.message(Messages.get("message.busy"));
            return false;
        }
        if (host.modelSet() == null) {
            host.message(Messages.get("message.noModelSet"));
            return false;
        }
        Panorama.Plan plan;
        GenerateSettings settings;
        try {
            if (px < 1) {
                throw new IllegalArgumentException(Messages.get("outpaint.zeroStep"));
            }
            plan = new Panorama.Plan(Outsets.of(side, px), steps, overlap(), MAX_PIXELS);
            plan.check(doc.width(), doc.height());
            long seed = model.randomSeedProperty().get() ? new SecureRandom().nextLong(1L << 53) : model.seedProperty().get();
            SamplerKind kind = model.samplerProperty().get() == null ? SamplerKind.REFERENCE : model.samplerProperty().get();
            settings = new GenerateSettings(model.promptProperty().get(), model.negativeProperty().get(),
                    model.stepsProperty().get(), (float) model.guidanceProperty().get(), InpaintRequest.REFERENCE_ETA, seed,
                    kind, (float) Math.clamp(model.strengthProperty().get(), EditorViewModel.MIN_STRENGTH, 1.0), 0,
                    Math.clamp(padding.get(), 0, 8192), false, fill.get() == null ? PreFill.NONE : fill.get().preFill(),
                    ContextWindow.DEFAULT_MAX_WORK_PIXELS);
        } catch (IllegalArgumentException e) {
            host.message(Messages.get("outpaint.refused", e.getMessage()));
            return false;
        }
        CancellationToken token = new CancellationToken();
        long id = host.beginRun(token);
        PixelImage start = doc.image();
        Panorama.Plan p = plan;
        GenerateSettings s = settings;
        host.background().execute(() -> {
            int[] current = {1};
            StepListener stepListener = new StepListener() {
                @Override
                public void onStepStarted(int step, int total, ContextWindow w) {
                    current[0] = step;
                    host.uiThread().accept(() -> host.progress(id, (step - 1) / (double) total,
                            Messages.get("outpaint.panoramaStep", step, total), null));
                }

                @Override
                public void onStepFinished(int step, int total, PixelImage picture, Timings timings) {
                    host.uiThread().accept(() -> panoramaStepDone(id, picture, step, total));
                }
            };
            ProgressListener inner = new CoalescedPreviews(host.uiThread(), st -> panoramaPreview(id, current[0], p.steps(), st),
                    stage -> { });
            try {
                InpaintEngine engine = host.engine();
                Panorama.Outcome out = new Panorama(new WindowedInpainter(engine)).run(start, p, s, stepListener, inner, token);
                String text = out.cancelled()
                        ? Messages.get("outpaint.panoramaCancelled", out.finished(), out.total())
                        : Messages.get("outpaint.panoramaDone", out.total(),
                        Integer.toString(out.image().width()), Integer.toString(out.image().height()));
                host.uiThread().accept(() -> host.endRun(id, text));
            } catch (EngineException | RuntimeException e) {
                host.uiThread().accept(() -> host.endRun(id, Messages.get("message.failed", e.getMessage())));
            }
        });
        return true;
    }

    private void panoramaPreview(long id, int step, int total, StepProgress st) {
        if (!host.current(id)) {
            return;
        }
        double fraction = (step - 1 + st.step() / (double) st.total()) / total;
        host.progress(id, fraction, Messages.get("outpaint.panoramaStep", step, total) + " "
                + Messages.get("progress.step", st.step(), st.total(), Math.max(0, st.remaining().toSeconds())), null);
    }

    private void panoramaStepDone(long id, PixelImage picture, int step, int total) {
        Document doc = model.document();
        if (!host.current(id) || doc == null) {
            return;
        }
        Document grown = new Document(picture, doc.file().orElse(null));
        grown.markDirty();
        swapTo(doc, grown, Messages.get("edit.panoramaStep", step, total));
        host.progress(id, step / (double) total, Messages.get("outpaint.panoramaStep", Math.min(step + 1, total), total), null);
    }

    // ---- Projects ------------------------------------------------------------------------------

    /** What a project keeps of the outpainting state now: context window on or off, the user's window, settings. */
    CanvasState canvasState() {
        Fill f = fill.get() == null ? Fill.NONE : fill.get();
        return new CanvasState(windowed.get() || manual != null, java.util.Optional.ofNullable(manual),
                Math.clamp(overlap.get(), 0, CanvasState.MAX_OVERLAP), Math.clamp(padding.get(), 0, CanvasState.MAX_PADDING),
                CanvasState.PreFillMethod.valueOf(f.name()));
    }

    /**
     * Puts back the state {@link #canvasState()} gave for the open document (a project just opened or
     * restored): the settings the Extend dialog shows, whether Generate works on a context window, and
     * the user's window (empty: the automatic one), which the dashed outline then shows.
     */
    void restoreCanvas(CanvasState state) {
        overlap.set(state.overlap());
        padding.set(state.padding());
        fill.set(Fill.valueOf(state.preFill().name()));
        windowed.set(state.contextWindow());
        restoreWindow(state.manualWindow().orElse(null));
    }

    // ---- Settings ------------------------------------------------------------------------------

    /** Context around the mask in document pixels (default 128). */
    public IntegerProperty paddingProperty() {
        return padding;
    }

    /** Depth of the blend band into the old picture, pixels (default 32). */
    public IntegerProperty overlapProperty() {
        return overlap;
    }

    public ObjectProperty<Fill> fillProperty() {
        return fill;
    }

    /** Generate works on a context window (set by an extension, cleared when another picture is opened). */
    public BooleanProperty windowedProperty() {
        return windowed;
    }

    private int overlap() {
        int o = overlap.get();
        if (o < 0 || o > MAX_OVERLAP) {
            throw new IllegalArgumentException(Messages.get("outpaint.badOverlap", Integer.toString(o), Integer.toString(MAX_OVERLAP)));
        }
        return o;
    }
}
