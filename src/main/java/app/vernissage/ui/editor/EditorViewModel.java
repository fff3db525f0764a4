package app.vernissage.ui.editor;

import app.vernissage.core.brush.Brush;
import app.vernissage.core.brush.BrushStroke;
import app.vernissage.core.document.Document;
import app.vernissage.core.document.MaskOperations;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.document.PreviewBlend;
import app.vernissage.core.history.Edit;
import app.vernissage.core.history.History;
import app.vernissage.core.history.ImageRegionEdit;
import app.vernissage.core.image.ImageFiles;
import app.vernissage.core.image.ImageLimits;
import app.vernissage.core.image.ImageReadException;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.modelset.ModelSet;
import app.vernissage.engine.modelset.ModelSetException;
import app.vernissage.engine.modelset.ModelSetValidator;
import app.vernissage.engine.pipeline.InpaintRequest;
import app.vernissage.engine.pipeline.InpaintResult;
import app.vernissage.engine.pipeline.SamplerKind;
import app.vernissage.engine.pipeline.StepProgress;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.CancelledException;
import app.vernissage.engine.runtime.EngineException;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import app.vernissage.ui.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The editor's state and actions, without any window: the open document and its history, the brush,
 * the generation settings, and runs of the engine on a background executor. Every method and
 * property belongs to the UI thread; the engine's progress comes back through {@code uiThread}
 * (Platform::runLater in the app), coalesced so that preview frames may drop but never queue up.
 */
public final class EditorViewModel implements AutoCloseable {
    public static final int MAX_BRUSH = 500;

    private final Executor background;
    private final Consumer<Runnable> uiThread;
    private final Path modelSetDir;
    private final EngineCache engines = new EngineCache();
    private final History history = new History();
    private final List<Consumer<DocumentChange>> changeListeners = new CopyOnWriteArrayList<>();

    private final ReadOnlyObjectWrapper<Document> document = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final IntegerProperty brushSize = new SimpleIntegerProperty(40);
    private final DoubleProperty brushHardness = new SimpleDoubleProperty(0.7);
    private final BooleanProperty eraser = new SimpleBooleanProperty();
    private final StringProperty prompt = new SimpleStringProperty("");
    private final StringProperty negative = new SimpleStringProperty("");
    private final IntegerProperty steps = new SimpleIntegerProperty(InpaintRequest.REFERENCE_STEPS);
    private final DoubleProperty guidance = new SimpleDoubleProperty(InpaintRequest.REFERENCE_GUIDANCE);
    private final BooleanProperty randomSeed = new SimpleBooleanProperty(true);
    private final LongProperty seed = new SimpleLongProperty(0);
    private final ReadOnlyStringWrapper usedSeed = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PixelImage> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper previewsShown = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<ModelSetState> modelSetState = new ReadOnlyObjectWrapper<>(ModelSetState.CHECKING);
    private final ReadOnlyStringWrapper modelSetText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper deviceText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();

    private ModelSet modelSet;
    private BrushStroke stroke;
    private CancellationToken token;
    private long runId;
    private PixelImage runImage;
    private Mask runMask;

    /**
     * @param background  runs model-set checks and generations (one at a time is enough)
     * @param uiThread    runs a task on the UI thread later, e.g. {@code Platform::runLater}
     * @param modelSetDir where the model set is, e.g. {@code ModelSetLocations.defaultSet()}
     */
    public EditorViewModel(Executor background, Consumer<Runnable> uiThread, Path modelSetDir) {
        this.background = background;
        this.uiThread = uiThread;
        this.modelSetDir = modelSetDir;
    }

    // ---- Document ------------------------------------------------------------------------------

    /** Opens a picture; on failure the message says why and the open document stays as it was. */
    public boolean open(Path file) {
        if (running.get()) {
            message.set(Messages.get("message.busy"));
            return false;
        }
        PixelImage image;
        try {
            image = ImageFiles.read(file, ImageLimits.DEFAULT);
        } catch (ImageReadException e) {
            message.set(Messages.get("message.openFailed", file.getFileName(), e.getMessage()));
            return false;
        }
        setDocument(new Document(image, file));
        message.set(Messages.get("message.opened", file.getFileName(), image.width(), image.height()));
        return true;
    }

    /** Shows {@code image} as a new, unsaved document (tests, screenshots). */
    public void setDocument(Document doc) {
        stroke = null;
        history.clear();
        document.set(doc);
        updateUndo();
        fire(new DocumentChange(doc.bounds(), true, true));
    }

    /** Writes the picture as PNG or JPEG (by extension); true when written. */
    public boolean export(Path file) {
        Document doc = document.get();
        if (doc == null) {
            return false;
        }
        try {
            ImageFiles.write(doc.image(), file, 0.92f);
        } catch (IOException | IllegalArgumentException e) {
            message.set(Messages.get("message.exportFailed", file.getFileName(), e.getMessage()));
            return false;
        }
        doc.markSaved(file);
        message.set(Messages.get("message.exported", file.getFileName()));
        return true;
    }

    public boolean hasUnsavedWork() {
        return document.get() != null && document.get().isDirty();
    }

    // ---- Mask painting -------------------------------------------------------------------------

    /** Starts a brush stroke at image coordinates; {@code erase} also when the eraser toggle is on. */
    public void beginStroke(double x, double y, boolean erase) {
        Document doc = document.get();
        if (doc == null || running.get()) {
            return;
        }
        Brush brush = new Brush(Math.clamp(brushSize.get(), 1, MAX_BRUSH), Math.clamp(brushHardness.get(), 0, 1),
                erase || eraser.get());
        stroke = BrushStroke.begin(doc, brush, x, y);
        fire(new DocumentChange(stroke.touched(), false, false));
    }

    public void continueStroke(double x, double y) {
        if (stroke != null) {
            PixelRect changed = stroke.continueTo(x, y);
            if (!changed.isEmpty()) {
                fire(new DocumentChange(changed, false, false));
            }
        }
    }

    public void endStroke() {
        if (stroke != null) {
            history.add(stroke.finish());
            stroke = null;
            updateUndo();
        }
    }

    public void clearMask() {
        maskOperation(MaskOperations::clear);
    }

    public void invertMask() {
        maskOperation(MaskOperations::invert);
    }

    private void maskOperation(java.util.function.Function<Document, Edit> op) {
        Document doc = document.get();
        if (doc == null || running.get() || stroke != null) {
            return;
        }
        Edit edit = op.apply(doc);
        history.add(edit);
        updateUndo();
        fire(new DocumentChange(edit.area(), false, false));
    }

    public void undo() {
        step(true);
    }

    public void redo() {
        step(false);
    }

    private void step(boolean back) {
        Document doc = document.get();
        if (doc == null || running.get() || stroke != null) {
            return;
        }
        Optional<Edit> edit = back ? history.undo(doc) : history.redo(doc);
        edit.ifPresent(e -> fire(new DocumentChange(e.area(), e.changesImage(), false)));
        updateUndo();
    }

    private void updateUndo() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        historyRevision.set(historyRevision.get() + 1);
    }

    /** Called with every change of the open document's pixels, on the UI thread. */
    public void addChangeListener(Consumer<DocumentChange> listener) {
        changeListeners.add(listener);
    }

    private void fire(DocumentChange change) {
        for (Consumer<DocumentChange> l : changeListeners) {
            l.accept(change);
        }
    }

    // ---- Model set -----------------------------------------------------------------------------

    /** Checks the model set folder in the background. */
    public void refreshModelSet() {
        modelSetState.set(ModelSetState.CHECKING);
        modelSetText.set(Messages.get("modelSet.checking", modelSetDir));
        background.execute(this::checkModelSet);
    }

    /** Writes the small generated demo model set into the model set folder, then checks it. */
    public void installDemoModelSet() {
        if (running.get()) {
            return;
        }
        modelSetState.set(ModelSetState.CHECKING);
        modelSetText.set(Messages.get("modelSet.installing", modelSetDir));
        background.execute(() -> {
            try {
                SyntheticModelSet.write(modelSetDir, SyntheticModelSet.Options.demo());
            } catch (IOException | RuntimeException e) {
                uiThread.accept(() -> {
                    modelSetState.set(ModelSetState.MISSING);
                    modelSetText.set(Messages.get("modelSet.installFailed", modelSetDir, e.getMessage()));
                });
                return;
            }
            checkModelSet();
        });
    }

    private void checkModelSet() {
        String device;
        try {
            device = EngineCache.device().explanation();
        } catch (EngineException e) {
            device = e.getMessage();
        }
        String deviceLine = device;
        try {
            ModelSet set = ModelSetValidator.open(modelSetDir);
            uiThread.accept(() -> {
                modelSet = set;
                modelSetState.set(ModelSetState.READY);
                modelSetText.set(Messages.get("modelSet.ready", set.manifest().name(), set.dir()));
                deviceText.set(deviceLine);
            });
        } catch (ModelSetException | RuntimeException e) {
            uiThread.accept(() -> {
                modelSet = null;
                modelSetState.set(ModelSetState.MISSING);
                modelSetText.set(Messages.get("modelSet.missing", modelSetDir));
                deviceText.set(deviceLine);
            });
        }
    }

    // ---- Generation ----------------------------------------------------------------------------

    /** Starts a run over the masked area; progress and previews arrive on the UI thread. */
    public void generate() {
        Document doc = document.get();
        if (running.get() || doc == null || stroke != null) {
            return;
        }
        if (modelSet == null) {
            message.set(Messages.get("message.noModelSet"));
            return;
        }
        if (doc.mask().isEmpty()) {
            message.set(Messages.get("message.emptyMask"));
            return;
        }
        long used = randomSeed.get() ? new SecureRandom().nextLong() & Long.MAX_VALUE : seed.get();
        PixelImage image = doc.image().copy();
        Mask mask = new Mask(doc.width(), doc.height(), doc.mask().values().clone());
        InpaintRequest request;
        try {
            String name = modelSet.manifest().sampler();
            SamplerKind kind = SamplerKind.parse(name == null ? "reference" : name);
            request = new InpaintRequest(image, mask, prompt.get(), negative.get(), steps.get(),
                    (float) guidance.get(), InpaintRequest.REFERENCE_ETA, used, kind, null,
                    InpaintRequest.DEFAULT_FEATHER);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        long id = ++runId;
        CancellationToken runToken = new CancellationToken();
        token = runToken;
        runImage = image;
        runMask = mask;
        usedSeed.set(Long.toString(used));
        running.set(true);
        progress.set(-1);
        progressText.set(Messages.get("progress.starting"));
        message.set("");
        ModelSet set = modelSet;
        CoalescedPreviews listener = new CoalescedPreviews(uiThread, step -> showStep(id, step),
                stage -> showStage(id, stage));
        background.execute(() -> {
            try {
                InpaintResult result = engines.engineFor(set).inpaint(request, listener, runToken);
                uiThread.accept(() -> finished(id, runToken, result));
            } catch (CancelledException e) {
                uiThread.accept(() -> ended(id, Messages.get("message.cancelled")));
            } catch (EngineException | RuntimeException e) {
                uiThread.accept(() -> ended(id, Messages.get("message.failed", e.getMessage())));
            }
        });
    }

    /** Stops the run; the document stays exactly as it was before it. */
    public void cancel() {
        if (running.get() && token != null) {
            token.cancel();
            progressText.set(Messages.get("progress.cancelling"));
        }
    }

    private void showStage(long id, String stage) {
        if (id == runId && running.get() && !token.isCancelled()) {
            progressText.set(Messages.get("progress.stage", stage));
        }
    }

    private void showStep(long id, StepProgress step) {
        if (id != runId || !running.get() || token.isCancelled()) {
            return;
        }
        progress.set(step.step() / (double) step.total());
        progressText.set(Messages.get("progress.step", step.step(), step.total(),
                Math.max(0, step.remaining().toSeconds())));
        preview.set(PreviewBlend.blend(runImage, runMask, step.preview()));
        previewsShown.set(previewsShown.get() + 1);
    }

    private void finished(long id, CancellationToken runToken, InpaintResult result) {
        if (id != runId) {
            return;
        }
        if (runToken.isCancelled()) {
            ended(id, Messages.get("message.cancelled"));
            return;
        }
        Document doc = document.get();
        ImageRegionEdit edit = ImageRegionEdit.replaceWith(doc, result.image(), Messages.get("edit.generate"));
        history.add(edit);
        updateUndo();
        ended(id, Messages.get("message.generated", Long.toString(result.seed()), result.device(),
                String.format(java.util.Locale.ROOT, "%.1f", result.timings().totalNanos() / 1e9)));
        if (edit != null) {
            fire(new DocumentChange(edit.area(), true, false));
        }
    }

    private void ended(long id, String text) {
        if (id != runId) {
            return;
        }
        running.set(false);
        preview.set(null);
        progress.set(0);
        progressText.set("");
        runImage = null;
        runMask = null;
        message.set(text);
    }

    @Override
    public void close() {
        if (token != null) {
            token.cancel();
        }
        background.execute(engines::close);
    }

    // ---- Properties ----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Document> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public Document document() {
        return document.get();
    }

    History history() {
        return history;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public IntegerProperty brushSizeProperty() {
        return brushSize;
    }

    public DoubleProperty brushHardnessProperty() {
        return brushHardness;
    }

    public BooleanProperty eraserProperty() {
        return eraser;
    }

    public StringProperty promptProperty() {
        return prompt;
    }

    public StringProperty negativeProperty() {
        return negative;
    }

    public IntegerProperty stepsProperty() {
        return steps;
    }

    public DoubleProperty guidanceProperty() {
        return guidance;
    }

    public BooleanProperty randomSeedProperty() {
        return randomSeed;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public ReadOnlyStringProperty usedSeedProperty() {
        return usedSeed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the run has not reached its first step. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The picture with the newest preview inside the mask while a run goes, else null. */
    public ReadOnlyObjectProperty<PixelImage> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty previewsShownProperty() {
        return previewsShown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ModelSetState> modelSetStateProperty() {
        return modelSetState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelSetTextProperty() {
        return modelSetText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviceTextProperty() {
        return deviceText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public Path modelSetDir() {
        return modelSetDir;
    }

    // --- canvas tools ---
    // Added for the canvas tools (selection shapes, grow/shrink/feather, history list, paste). Besides
    // this block the only change in this class is one line in updateUndo() that bumps historyRevision.

    private final ReadOnlyIntegerWrapper historyRevision = new ReadOnlyIntegerWrapper();

    /**
     * Applies a mask operation of a canvas tool ({@code op} changes the document and returns its edit,
     * or null when nothing changed) and records it for undo. Ignored without a document, during a run
     * or during a brush stroke; returns whether the mask changed.
     */
    public boolean applyMaskEdit(java.util.function.Function<Document, ? extends Edit> op) {
        Document doc = document.get();
        if (doc == null || running.get() || stroke != null) {
            return false;
        }
        Edit edit = op.apply(doc);
        if (edit == null) {
            return false;
        }
        history.add(edit);
        updateUndo();
        fire(new DocumentChange(edit.area(), edit.changesImage(), false));
        return true;
    }

    /** The names of the edits held, oldest first; the first {@link #historyPosition()} are applied. */
    public List<String> historyNames() {
        return history.names();
    }

    /** How many edits are applied now (0 = the document as opened). */
    public int historyPosition() {
        return history.undoCount();
    }

    /** Undoes or redoes until exactly {@code position} edits are applied (clamped); ignored during a run. */
    public void jumpToHistory(int position) {
        Document doc = document.get();
        if (doc == null || running.get() || stroke != null) {
            return;
        }
        int target = Math.clamp(position, 0, history.undoCount() + history.redoCount());
        PixelRect area = PixelRect.EMPTY;
        boolean image = false;
        while (history.undoCount() > target) {
            Edit e = history.undo(doc).orElseThrow();
            area = area.union(e.area());
            image |= e.changesImage();
        }
        while (history.undoCount() < target) {
            Edit e = history.redo(doc).orElseThrow();
            area = area.union(e.area());
            image |= e.changesImage();
        }
        updateUndo();
        if (!area.isEmpty()) {
            if (image) {
                fire(new DocumentChange(area, true, false));
            }
            fire(new DocumentChange(area, false, false));
        }
    }

    /** Changes whenever the history does (an edit, undo, redo, a new document). */
    public ReadOnlyIntegerProperty historyRevisionProperty() {
        return historyRevision.getReadOnlyProperty();
    }

    /** Shows a pasted picture as a new, unsaved document; false (and a message) during a run. */
    public boolean pasteImage(PixelImage image) {
        if (running.get()) {
            message.set(Messages.get("message.busy"));
            return false;
        }
        setDocument(new Document(image, null));
        message.set(Messages.get("message.pasted", image.width(), image.height()));
        return true;
    }
}
