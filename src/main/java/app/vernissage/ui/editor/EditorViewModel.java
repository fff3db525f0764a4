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
import app.vernissage.core.project.GenerationRecord;
import app.vernissage.core.project.KeptVariant;
import app.vernissage.core.project.Project;
import app.vernissage.core.project.ProjectFile;
import app.vernissage.core.project.ProjectReadException;
import app.vernissage.engine.modelset.ModelSet;
import app.vernissage.engine.modelset.ModelSetLocations;
import app.vernissage.engine.modelset.ModelSetException;
import app.vernissage.engine.modelset.ModelSetValidator;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.pipeline.InpaintRequest;
import app.vernissage.engine.pipeline.InpaintResult;
import app.vernissage.engine.pipeline.SamplerKind;
import app.vernissage.engine.pipeline.StepProgress;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.CancelledException;
import app.vernissage.engine.runtime.EngineException;
import app.vernissage.engine.runtime.OutOfDeviceMemoryException;
import app.vernissage.engine.runtime.PlacementPreset;
import app.vernissage.ui.models.PlacementSettings;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import app.vernissage.ui.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
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
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The editor's state and actions, without any window: the open document and its history, the brush,
 * the generation settings, and runs of the engine on a background executor. Every method and
 * property belongs to the UI thread; the engine's progress comes back through {@code uiThread}
 * (Platform::runLater in the app), coalesced so that preview frames may drop but never queue up.
 */
public final class EditorViewModel implements AutoCloseable {
    public static final int MAX_BRUSH = 500;
    /** Most results one Generate makes. */
    public static final int MAX_VARIANTS = 8;
    /** Most variants kept in the strip; the oldest go first. */
    public static final int KEEP_VARIANTS = 24;
    /** Lowest strength the panel offers. */
    public static final double MIN_STRENGTH = 0.05;
    /** A new canvas may have at most this many pixels (2048 x 2048). */
    public static final long MAX_CANVAS_PIXELS = 2048L * 2048L;
    /** Smallest side of a new canvas. */
    public static final int MIN_CANVAS_SIDE = 64;
    /** The fill of a new canvas: mid grey. */
    public static final int CANVAS_GREY = 0xFF808080;
    /** Preferences key of the chosen model set folder. */
    public static final String PREF_MODEL_SET_DIR = "modelSetDir";
    /** The user preferences node the app uses. */
    public static final String PREFS_NODE = "app/vernissage";

    private final Executor background;
    private final Consumer<Runnable> uiThread;
    private final Preferences prefs;
    private final ReadOnlyObjectWrapper<Path> modelSetDir = new ReadOnlyObjectWrapper<>();
    private final EngineCache engines = new EngineCache();
    private final ReadOnlyObjectWrapper<PlacementSettings> placement = new ReadOnlyObjectWrapper<>(PlacementSettings.DEFAULT);
    private final ReadOnlyObjectWrapper<PlacementPreset> retryPlacement = new ReadOnlyObjectWrapper<>();
    /** {@link #placement} for code on the background executor (panoramas). */
    private volatile PlacementSettings placementForBackground = PlacementSettings.DEFAULT;
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
    private final DoubleProperty strength = new SimpleDoubleProperty(1.0);
    private final ObjectProperty<SamplerKind> sampler = new SimpleObjectProperty<>(SamplerKind.REFERENCE);
    private final IntegerProperty variantCount = new SimpleIntegerProperty(1);
    private final ObservableList<Variant> variants = FXCollections.observableArrayList();
    private final ObservableList<Variant> variantsView = FXCollections.unmodifiableObservableList(variants);
    private final ReadOnlyObjectWrapper<Variant> shownVariant = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper stepTotal = new ReadOnlyIntegerWrapper();

    private ModelSet modelSet;
    private BrushStroke stroke;
    private CancellationToken token;
    private long runId;
    private long openId;
    private PixelImage runImage;
    private Mask runMask;
    private Document runDocument;
    private int runIndex;
    private int runCount;
    private final List<Variant> runVariants = new ArrayList<>();

    /**
     * @param background  runs model-set checks, picture reading and generations (one at a time is enough)
     * @param uiThread    runs a task on the UI thread later, e.g. {@code Platform::runLater}
     * @param modelSetDir where the model set is, e.g. {@code ModelSetLocations.defaultSet()}; a folder
     *                    chosen later is not remembered
     */
    public EditorViewModel(Executor background, Consumer<Runnable> uiThread, Path modelSetDir) {
        this(background, uiThread, modelSetDir, null);
    }

    /**
     * @param prefs where a chosen model set folder is remembered (key {@value #PREF_MODEL_SET_DIR}), or null
     */
    public EditorViewModel(Executor background, Consumer<Runnable> uiThread, Path modelSetDir, Preferences prefs) {
        this.background = background;
        this.uiThread = uiThread;
        this.modelSetDir.set(modelSetDir);
        this.prefs = prefs;
        this.placement.set(PlacementSettings.load(prefs));
        this.placementForBackground = placement.get();
    }

    /**
     * A view-model whose model set folder comes from {@code prefs} (key {@value #PREF_MODEL_SET_DIR}),
     * falling back to {@link ModelSetLocations#defaultSet()}; a folder chosen later is remembered there.
     */
    public static EditorViewModel withPreferences(Executor background, Consumer<Runnable> uiThread, Preferences prefs) {
        return new EditorViewModel(background, uiThread, rememberedModelSet(prefs), prefs);
    }

    /** The app's preferences node, {@value #PREFS_NODE}. */
    public static Preferences userPreferences() {
        return Preferences.userRoot().node(PREFS_NODE);
    }

    static Path rememberedModelSet(Preferences prefs) {
        String dir = prefs == null ? null : prefs.get(PREF_MODEL_SET_DIR, null);
        if (dir != null && !dir.isBlank()) {
            try {
                return Path.of(dir);
            } catch (java.nio.file.InvalidPathException e) {
                // fall through to the default
            }
        }
        return ModelSetLocations.defaultSet();
    }

    // ---- Document ------------------------------------------------------------------------------

    /**
     * Starts opening a picture: it is read and decoded on the background executor, then shown; on
     * failure the message says why and the open document stays as it was. False when refused (a
     * generation is running); true when reading started (see {@link #openingProperty()}).
     */
    public boolean open(Path file) {
        if (running.get()) {
            message.set(Messages.get("message.busy"));
            return false;
        }
        long id = ++openId;
        opening.set(true);
        message.set(Messages.get("message.opening", file.getFileName()));
        background.execute(() -> {
            try {
                if (ProjectFile.isProject(file)) { // projects: see the "projects" block below
                    Project project = ProjectFile.read(file, ImageLimits.DEFAULT);
                    uiThread.accept(() -> openedProject(id, file, project));
                    return;
                }
                PixelImage image = ImageFiles.read(file, ImageLimits.DEFAULT);
                uiThread.accept(() -> opened(id, file, image));
            } catch (ImageReadException | ProjectReadException | RuntimeException | OutOfMemoryError e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                uiThread.accept(() -> openFailed(id, file, why));
            }
        });
        return true;
    }

    private void opened(long id, Path file, PixelImage image) {
        if (id != openId) {
            return;
        }
        opening.set(false);
        if (running.get()) {
            message.set(Messages.get("message.busy"));
            return;
        }
        setDocument(new Document(image, file));
        message.set(Messages.get("message.opened", file.getFileName(), image.width(), image.height()));
    }

    private void openFailed(long id, Path file, String why) {
        if (id != openId) {
            return;
        }
        opening.set(false);
        message.set(Messages.get("message.openFailed", file.getFileName(), why));
    }

    /** Shows {@code image} as a new, unsaved document (tests, screenshots); drops the variants. */
    public void setDocument(Document doc) {
        stroke = null;
        history.clear();
        variants.clear();
        shownVariant.set(null);
        document.set(doc);
        updateUndo();
        if (!running.get()) {
            preview.set(null);
        }
        fire(new DocumentChange(doc.bounds(), true, true));
        projectDocumentReplaced();
    }

    /**
     * Text-to-image: a blank mid-grey canvas of {@code width} x {@code height} (multiples of 8), fully
     * masked, so that Generate fills it from the prompt. False (and a message) when the size is refused.
     */
    public boolean newCanvas(int width, int height) {
        if (running.get()) {
            message.set(Messages.get("message.busy"));
            return false;
        }
        if (width < MIN_CANVAS_SIDE || height < MIN_CANVAS_SIDE || width % 8 != 0 || height % 8 != 0) {
            message.set(Messages.get("message.canvasSize", Integer.toString(width), Integer.toString(height),
                    Integer.toString(MIN_CANVAS_SIDE)));
            return false;
        }
        if ((long) width * height > MAX_CANVAS_PIXELS) {
            message.set(Messages.get("message.canvasTooLarge", Integer.toString(width), Integer.toString(height),
                    String.format(Locale.ROOT, "%.1f", MAX_CANVAS_PIXELS / 1e6)));
            return false;
        }
        Document doc = new Document(PixelImage.filled(width, height, CANVAS_GREY), null);
        java.util.Arrays.fill(doc.mask().values(), (byte) 255);
        openId++;
        opening.set(false);
        setDocument(doc);
        message.set(Messages.get("message.newCanvas", Integer.toString(width), Integer.toString(height)));
        return true;
    }

    /** Settings of the last accepted generation, written into exported PNGs; null before any. */
    private String lastAccepted;

    /** Writes the picture as PNG or JPEG (by extension) at JPEG quality 0.92; true when written. */
    public boolean export(Path file) {
        return export(file, 0.92f);
    }

    /**
     * Writes the picture as PNG or JPEG (by extension); a PNG carries the last accepted
     * generation's prompt and settings as text chunks. True when written.
     */
    public boolean export(Path file, float jpegQuality) {
        Document doc = document.get();
        if (doc == null) {
            return false;
        }
        java.util.Map<String, String> text = new java.util.LinkedHashMap<>();
        text.put("Software", "Vernissage");
        if (lastAccepted != null) {
            text.put("Description", prompt.get());
            text.put("vernissage:settings", lastAccepted);
        }
        try {
            ImageFiles.write(doc.image(), file, jpegQuality, text);
        } catch (IOException | IllegalArgumentException e) {
            message.set(Messages.get("message.exportFailed", file.getFileName(), e.getMessage()));
            return false;
        }
        doc.markSaved(file);
        message.set(Messages.get("message.exported", file.getFileName()));
        return true;
    }

    public boolean hasUnsavedWork() {
        Document doc = document.get();
        return doc != null && (projectFile.get() != null ? changeCount != savedChangeCount : doc.isDirty());
    }

    // ---- Mask painting -------------------------------------------------------------------------

    /** Starts a brush stroke at image coordinates; {@code erase} also when the eraser toggle is on. */
    public void beginStroke(double x, double y, boolean erase) {
        Document doc = document.get();
        if (doc == null || running.get() || maskBusy.get()) {
            return;
        }
        show(null);
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
        show(null);
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
        show(null);
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
        modelSetText.set(Messages.get("modelSet.checking", modelSetDir.get()));
        Path dir = modelSetDir.get();
        background.execute(() -> checkModelSet(dir));
    }

    /** Writes the small generated demo model set into the model set folder, then checks it. */
    public void installDemoModelSet() {
        if (running.get()) {
            return;
        }
        Path dir = modelSetDir.get();
        modelSetState.set(ModelSetState.CHECKING);
        modelSetText.set(Messages.get("modelSet.installing", dir));
        background.execute(() -> {
            try {
                SyntheticModelSet.write(dir, SyntheticModelSet.Options.demo());
            } catch (IOException | RuntimeException e) {
                uiThread.accept(() -> {
                    modelSetState.set(ModelSetState.MISSING);
                    modelSetText.set(Messages.get("modelSet.installFailed", dir, e.getMessage()));
                });
                return;
            }
            checkModelSet(dir);
        });
    }

    /**
     * Validates {@code dir} in the background; when it is a usable model set it becomes the one used
     * and is remembered in the preferences, otherwise the message gives the first problem and
     * nothing changes.
     */
    public void chooseModelSet(Path dir) {
        if (running.get()) {
            message.set(Messages.get("message.busy"));
            return;
        }
        message.set(Messages.get("modelSet.checking", dir));
        background.execute(() -> {
            try {
                ModelSet set = ModelSetValidator.open(dir);
                uiThread.accept(() -> {
                    if (running.get()) {
                        message.set(Messages.get("message.busy"));
                        return;
                    }
                    modelSetDir.set(dir);
                    modelSet = set;
                    modelSetState.set(ModelSetState.READY);
                    modelSetText.set(Messages.get("modelSet.ready", set.manifest().name(), set.dir()));
                    applyManifestSampler(set);
                    message.set(Messages.get("modelSet.chosen", dir) + remember(dir));
                });
            } catch (ModelSetException | RuntimeException e) {
                uiThread.accept(() -> message.set(Messages.get("modelSet.refused", dir, e.getMessage())));
            }
        });
    }

    /** Stores the folder in the preferences; returns "" or a sentence saying it could not be stored. */
    private String remember(Path dir) {
        if (prefs == null) {
            return "";
        }
        try {
            prefs.put(PREF_MODEL_SET_DIR, dir.toAbsolutePath().toString());
            prefs.flush();
            return "";
        } catch (BackingStoreException | IllegalStateException e) {
            return " " + Messages.get("modelSet.notRemembered", e.getMessage());
        }
    }

    private void applyManifestSampler(ModelSet set) {
        String name = set.manifest().sampler();
        if (name != null) {
            try {
                sampler.set(SamplerKind.parse(name));
            } catch (IllegalArgumentException e) {
                // the validator refuses unknown samplers; keep the choice
            }
        }
    }

    private void checkModelSet(Path modelSetDir) {
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
                if (!modelSetDir.equals(this.modelSetDir.get())) {
                    return;
                }
                modelSet = set;
                applyManifestSampler(set);
                modelSetState.set(ModelSetState.READY);
                modelSetText.set(Messages.get("modelSet.ready", set.manifest().name(), set.dir()));
                deviceText.set(deviceLine);
            });
        } catch (ModelSetException | RuntimeException e) {
            uiThread.accept(() -> {
                if (!modelSetDir.equals(this.modelSetDir.get())) {
                    return;
                }
                modelSet = null;
                modelSetState.set(ModelSetState.MISSING);
                modelSetText.set(Messages.get("modelSet.missing", modelSetDir));
                deviceText.set(deviceLine);
            });
        }
    }

    // ---- Generation ----------------------------------------------------------------------------

    /**
     * Starts a run of {@link #variantCountProperty()} results over the masked area, one after another
     * with seeds seed, seed+1, ...; progress and previews of the current one arrive on the UI thread,
     * and each finished result joins {@link #variants()}. Nothing is applied until a variant is accepted.
     */
    public void generate() {
        Document doc = document.get();
        if (running.get() || doc == null || stroke != null) {
            return;
        }
        if (opening.get()) {
            message.set(Messages.get("message.busy"));
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
        int count = Math.clamp(variantCount.get(), 1, MAX_VARIANTS);
        long first = randomSeed.get() ? new SecureRandom().nextLong(1L << 53) : seed.get();
        PixelImage image = doc.image().copy();
        Mask mask = new Mask(doc.width(), doc.height(), doc.mask().values().clone());
        List<InpaintRequest> requests = new ArrayList<>(count);
        try {
            float s = (float) Math.clamp(strength.get(), MIN_STRENGTH, 1.0);
            SamplerKind kind = sampler.get() == null ? SamplerKind.REFERENCE : sampler.get();
            for (int i = 0; i < count; i++) {
                requests.add(new InpaintRequest(image, mask, prompt.get(), negative.get(), steps.get(),
                        (float) guidance.get(), InpaintRequest.REFERENCE_ETA, first + i, kind, null,
                        InpaintRequest.DEFAULT_FEATHER, s));
            }
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        long id = ++runId;
        CancellationToken runToken = new CancellationToken();
        token = runToken;
        runImage = image;
        runMask = mask;
        runDocument = doc;
        runIndex = 0;
        runCount = count;
        runVariants.clear();
        shownVariant.set(null);
        usedSeed.set(count == 1 ? Long.toString(first) : Messages.get("label.seedRange", Long.toString(first),
                Long.toString(first + count - 1)));
        running.set(true);
        progress.set(-1);
        progressText.set(Messages.get("progress.starting"));
        preview.set(null);
        message.set("");
        ModelSet set = modelSet;
        runSettings = new GenerationRecord(prompt.get(), negative.get(), first, steps.get(), (float) guidance.get(),
                requests.getFirst().strength(), requests.getFirst().sampler().name().toLowerCase(Locale.ROOT),
                set.manifest().name(), null);
        PlacementSettings where = placement.get();
        retryPlacement.set(null);
        OutpaintController.WindowedRun windowed = outpaint().windowedRun(doc);
        runWindow = windowed == null ? null : windowed.window().region();
        background.execute(() -> {
            try {
                InpaintEngine engine = engines.engineFor(set, where);
                for (int i = 0; i < requests.size(); i++) {
                    runToken.throwIfCancelled();
                    int index = i;
                    uiThread.accept(() -> startVariant(id, index));
                    CoalescedPreviews listener = new CoalescedPreviews(uiThread, step -> showStep(id, index, step),
                            stage -> showStage(id, stage));
                    InpaintResult result = windowed == null ? engine.inpaint(requests.get(i), listener, runToken)
                            : windowed.inpaint(engine, requests.get(i), listener, runToken);
                    uiThread.accept(() -> variantFinished(id, result));
                }
                uiThread.accept(() -> allFinished(id));
            } catch (CancelledException e) {
                uiThread.accept(() -> ended(id, cancelledText()));
            } catch (OutOfDeviceMemoryException e) {
                engines.close();
                uiThread.accept(() -> {
                    ended(id, Messages.get("models.outOfMemory", e.getMessage()));
                    retryPlacement.set(e.lighter());
                });
            } catch (EngineException | RuntimeException e) {
                uiThread.accept(() -> ended(id, Messages.get("message.failed", e.getMessage())));
            }
        });
    }

    /** Stops the run (and the variants still queued); finished variants stay, the document is unchanged. */
    public void cancel() {
        if (running.get() && token != null) {
            token.cancel();
            progressText.set(Messages.get("progress.cancelling"));
        }
    }

    private void startVariant(long id, int index) {
        if (id == runId && running.get()) {
            runIndex = index;
        }
    }

    private String variantPrefix() {
        return runCount > 1 ? Messages.get("progress.variant", runIndex + 1, runCount) + " " : "";
    }

    private void showStage(long id, String stage) {
        if (id == runId && running.get() && !token.isCancelled()) {
            progressText.set(variantPrefix() + Messages.get("progress.stage", stage));
        }
    }

    private void showStep(long id, int index, StepProgress step) {
        if (id != runId || index != runIndex || !running.get() || token.isCancelled()) {
            return;
        }
        stepTotal.set(step.total());
        progress.set((index + step.step() / (double) step.total()) / runCount);
        progressText.set(variantPrefix() + Messages.get("progress.step", step.step(), step.total(),
                Math.max(0, step.remaining().toSeconds())));
        preview.set(runWindow == null ? PreviewBlend.blend(runImage, runMask, step.preview())
                : OutpaintController.blendInWindow(runImage, runMask, step.preview(), runWindow));
        previewsShown.set(previewsShown.get() + 1);
    }

    private void variantFinished(long id, InpaintResult result) {
        if (id != runId || document.get() != runDocument) {
            return;
        }
        Variant v = new Variant(result.seed(), result.image(), result.device(), result.timings().totalNanos() / 1e9,
                runSettings == null ? null : withSeed(runSettings, result.seed(), null));
        runVariants.add(v);
        variants.add(v);
        while (variants.size() > KEEP_VARIANTS) {
            variants.removeFirst();
        }
    }

    private void allFinished(long id) {
        if (id != runId) {
            return;
        }
        Variant last = runVariants.isEmpty() ? null : runVariants.getLast();
        String text = last == null ? "" : runVariants.size() == 1
                ? Messages.get("message.variantReady", Long.toString(last.seed()), last.device(),
                String.format(Locale.ROOT, "%.1f", last.seconds()))
                : Messages.get("message.variantsReady", runVariants.size());
        ended(id, text);
    }

    private String cancelledText() {
        return runVariants.isEmpty() ? Messages.get("message.cancelled")
                : Messages.get("message.cancelledKept", runVariants.size());
    }

    private void ended(long id, String text) {
        if (id != runId) {
            return;
        }
        running.set(false);
        progress.set(0);
        progressText.set("");
        runImage = null;
        runMask = null;
        runDocument = null;
        runWindow = null;
        message.set(text);
        Variant firstNew = runVariants.stream().filter(variants::contains).findFirst().orElse(null);
        runVariants.clear();
        show(firstNew);
    }

    // ---- Variants ------------------------------------------------------------------------------

    /** The finished results, oldest first; unmodifiable. */
    public ObservableList<Variant> variants() {
        return variantsView;
    }

    /**
     * Shows {@code variant} in place on the canvas (through {@link #previewProperty()}) without changing
     * the document; null shows the document again. Ignored while a run goes.
     */
    public void show(Variant variant) {
        if (running.get()) {
            return;
        }
        Document doc = document.get();
        if (variant != null && (doc == null || !variants.contains(variant)
                || variant.image().width() != doc.width() || variant.image().height() != doc.height())) {
            variant = null;
        }
        shownVariant.set(variant);
        preview.set(variant == null ? null : variant.image());
    }

    /** Applies the shown variant to the document as one undoable edit; true when something changed. */
    public boolean acceptShown() {
        Variant v = shownVariant.get();
        Document doc = document.get();
        if (v == null || doc == null || running.get() || stroke != null) {
            return false;
        }
        ImageRegionEdit edit = ImageRegionEdit.replaceWith(doc, v.image(), Messages.get("edit.generate"));
        show(null);
        message.set(Messages.get("message.accepted", Long.toString(v.seed())));
        lastAccepted = String.format(java.util.Locale.ROOT,
                "prompt=%s%nnegative=%s%nseed=%d%nsteps=%d%nguidance=%s%nstrength=%s%nsampler=%s",
                prompt.get(), negative.get(), v.seed(), steps.get(), guidance.get(), strength.get(), sampler.get());
        if (edit == null) {
            return false;
        }
        generations.add(withSeed(v.settingsOrSeed(), v.seed(), clock.instant().toString()));
        history.add(edit);
        updateUndo();
        fire(new DocumentChange(edit.area(), true, false));
        return true;
    }

    /** Drops every variant; the document stays as it is. */
    public void discardVariants() {
        if (running.get()) {
            return;
        }
        show(null);
        variants.clear();
    }

    /** Copies the variant's seed into the seed field and turns the random seed off. */
    public void useSeed(Variant variant) {
        if (variant != null) {
            randomSeed.set(false);
            seed.set(variant.seed());
        }
    }

    @Override
    public void close() {
        if (token != null) {
            token.cancel();
        }
        background.execute(engines::close);
    }

    // ---- Placement (models page) ---------------------------------------------------------------

    /** Where the models run from the next generation on (stored in the preferences when there are any). */
    public ReadOnlyObjectProperty<PlacementSettings> placementProperty() {
        return placement.getReadOnlyProperty();
    }

    /** Uses {@code settings} from the next generation on and stores it; the engine is re-created then. */
    public void applyPlacement(PlacementSettings settings) {
        placement.set(settings);
        placementForBackground = settings;
        retryPlacement.set(null);
        String stored = "";
        if (prefs != null) {
            try {
                settings.store(prefs);
            } catch (BackingStoreException | IllegalStateException e) {
                stored = " " + Messages.get("modelSet.notRemembered", e.getMessage());
            }
        }
        message.set(Messages.get("models.applied", Messages.get("models.placement." + settings.preset().key())) + stored);
    }

    EngineCache engineCache() {
        return engines;
    }

    /** The lighter placement offered after the device ran out of memory, or null. */
    public ReadOnlyObjectProperty<PlacementPreset> retryPlacementProperty() {
        return retryPlacement.getReadOnlyProperty();
    }

    /** Switches to the offered lighter placement and generates again; the document is untouched until a variant is accepted. */
    public void retryWithLighterPlacement() {
        PlacementPreset lighter = retryPlacement.get();
        if (lighter == null || running.get()) {
            return;
        }
        applyPlacement(new PlacementSettings(lighter, placement.get().mode()));
        generate();
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

    /**
     * What the canvas shows over the document: while a run goes the picture with the newest preview
     * inside the mask, otherwise the shown (not yet accepted) variant; null shows the document.
     */
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
        return modelSetDir.get();
    }

    public ReadOnlyObjectProperty<Path> modelSetDirProperty() {
        return modelSetDir.getReadOnlyProperty();
    }

    /** 0.05..1: 1 replaces the masked area, lower values touch up the current pixels. */
    public DoubleProperty strengthProperty() {
        return strength;
    }

    public ObjectProperty<SamplerKind> samplerProperty() {
        return sampler;
    }

    /** How many results one Generate makes, 1..{@value #MAX_VARIANTS}. */
    public IntegerProperty variantCountProperty() {
        return variantCount;
    }

    /** The variant shown on the canvas, not yet applied; null when the document itself is shown. */
    public ReadOnlyObjectProperty<Variant> shownVariantProperty() {
        return shownVariant.getReadOnlyProperty();
    }

    /** The step count of the newest progress event (the strength scales it). */
    public ReadOnlyIntegerProperty stepTotalProperty() {
        return stepTotal.getReadOnlyProperty();
    }

    /** A picture is being read in the background. */
    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
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
        if (doc == null || running.get() || stroke != null || maskBusy.get()) {
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

    private final javafx.beans.property.ReadOnlyBooleanWrapper maskBusy = new javafx.beans.property.ReadOnlyBooleanWrapper();

    /** True while a slow mask operation (grow, shrink, feather) runs in the background. */
    public javafx.beans.property.ReadOnlyBooleanProperty maskBusyProperty() {
        return maskBusy.getReadOnlyProperty();
    }

    /**
     * Like {@link #applyMaskEdit} for operations that can take a second on a large mask: {@code op}
     * runs on the background executor (the UI thread never waits); painting and other mask edits are
     * refused until it is done, then the edit is recorded on the UI thread.
     */
    public void applyMaskEditInBackground(java.util.function.Function<Document, ? extends Edit> op) {
        Document doc = document.get();
        if (doc == null || running.get() || stroke != null || maskBusy.get()) {
            return;
        }
        maskBusy.set(true);
        message.set(Messages.get("message.maskWorking"));
        background.execute(() -> {
            Edit edit = null;
            RuntimeException failure = null;
            try {
                edit = op.apply(doc);
            } catch (RuntimeException e) {
                failure = e;
            }
            Edit done = edit;
            RuntimeException failed = failure;
            uiThread.accept(() -> {
                maskBusy.set(false);
                if (failed != null) {
                    message.set(Messages.get("message.maskFailed", failed.getMessage()));
                    return;
                }
                message.set("");
                if (done != null && document.get() == doc) {
                    history.add(done);
                    updateUndo();
                    fire(new DocumentChange(done.area(), done.changesImage(), false));
                }
            });
        });
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
            Edit e = history.undo(document.get()).orElseThrow();
            area = area.union(e.area());
            image |= e.changesImage();
        }
        while (history.undoCount() < target) {
            Edit e = history.redo(document.get()).orElseThrow();
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

    // ---- projects ----
    // Added for projects (save/open, autosave, recovery; see ProjectController). Besides this block the
    // changes in this class are: open() reads a project when ProjectFile.isProject says so, setDocument()
    // calls projectDocumentReplaced(), hasUnsavedWork() counts changes since the last project save,
    // generate()/variantFinished() keep each variant's settings and acceptShown() records the generation.
    // Project format 2 (canvas state): projectSnapshot() takes OutpaintController.canvasState(),
    // restoreProject() puts it back, and OutpaintHost.canvasChanged() counts its changes as changes.

    private final ObservableList<GenerationRecord> generations = FXCollections.observableArrayList();
    private final ObservableList<GenerationRecord> generationsView = FXCollections.unmodifiableObservableList(generations);
    private final ReadOnlyObjectWrapper<Path> projectFile = new ReadOnlyObjectWrapper<>();
    /** Bumps with every change of what a project holds: edits, undo/redo, variants, accepted generations. */
    private long changeCount;
    /** {@link #changeCount} when the project was last saved or opened. */
    private long savedChangeCount;
    private GenerationRecord runSettings;
    private java.time.Clock clock = java.time.Clock.systemUTC();

    {
        historyRevision.addListener((obs, old, now) -> changeCount++);
        variants.addListener((javafx.collections.ListChangeListener<Variant>) c -> changeCount++);
        generations.addListener((javafx.collections.ListChangeListener<GenerationRecord>) c -> changeCount++);
    }

    private static GenerationRecord withSeed(GenerationRecord r, long seed, String acceptedAt) {
        return new GenerationRecord(r.prompt(), r.negative(), seed, r.steps(), r.guidance(), r.strength(), r.sampler(),
                r.modelSet(), acceptedAt == null ? r.acceptedAt() : acceptedAt);
    }

    /** The clock that stamps accepted generations (tests). */
    void setClock(java.time.Clock clock) {
        this.clock = clock;
    }

    private final ReadOnlyIntegerWrapper documentsOpened = new ReadOnlyIntegerWrapper();

    /**
     * Changes each time another piece of work replaces the open one (open, new canvas, paste, a project);
     * not when an extension swaps the document within the same work.
     */
    public ReadOnlyIntegerProperty documentsOpenedProperty() {
        return documentsOpened.getReadOnlyProperty();
    }

    private void projectDocumentReplaced() {
        documentsOpened.set(documentsOpened.get() + 1);
        generations.clear();
        projectFile.set(null);
        savedChangeCount = changeCount;
    }

    private void openedProject(long id, Path file, Project project) {
        if (id != openId) {
            return;
        }
        opening.set(false);
        if (running.get()) {
            message.set(Messages.get("message.busy"));
            return;
        }
        restoreProject(project, file, file, false);
        message.set(Messages.get("message.projectOpened", file.getFileName(), project.image().width(),
                project.image().height(), project.variants().size()));
    }

    /**
     * Shows {@code project} as the document: picture, mask, kept variants (the newest
     * {@value #KEEP_VARIANTS}) and generation records. {@code projectPath} becomes the file Save writes
     * (null: none); {@code unsaved} marks it as changed (a restored recovery copy). False during a run.
     */
    public boolean restoreProject(Project project, Path documentFile, Path projectPath, boolean unsaved) {
        if (running.get()) {
            message.set(Messages.get("message.busy"));
            return false;
        }
        openId++;
        opening.set(false);
        Document doc = new Document(project.image(), documentFile);
        byte[] mask = project.mask().values();
        System.arraycopy(mask, 0, doc.mask().values(), 0, mask.length);
        setDocument(doc);
        List<KeptVariant> kept = project.variants();
        for (KeptVariant k : kept.subList(Math.max(0, kept.size() - KEEP_VARIANTS), kept.size())) {
            variants.add(new Variant(k.settings().seed(), k.image(), "", 0, k.settings()));
        }
        generations.setAll(project.generations());
        project.canvas().ifPresent(c -> outpaint().restoreCanvas(c)); // format 1 has none: settings stay as they are
        projectFile.set(projectPath);
        if (unsaved) {
            doc.markDirty();
            changeCount++;
        } else {
            savedChangeCount = changeCount;
        }
        return true;
    }

    /**
     * The open work as a project, copied so that it can be written on another thread while editing
     * goes on; null without a document.
     */
    public Project projectSnapshot() {
        Document doc = document.get();
        if (doc == null) {
            return null;
        }
        List<KeptVariant> kept = new ArrayList<>();
        for (Variant v : variants) {
            if (v.image().width() == doc.width() && v.image().height() == doc.height()) {
                kept.add(new KeptVariant(v.image(), v.settingsOrSeed()));
            }
        }
        return new Project(doc.image().copy(), new Mask(doc.width(), doc.height(), doc.mask().values().clone()),
                List.copyOf(generations), kept, Optional.of(outpaint().canvasState()));
    }

    /** The change count a snapshot taken now belongs to (see {@link #projectSaved}). */
    public long changeCount() {
        return changeCount;
    }

    /**
     * After a project was written to {@code file} from a snapshot of {@code doc} taken at {@code revision}:
     * it becomes the project file and the work counts as saved unless it changed since the snapshot.
     */
    public void projectSaved(Document doc, Path file, long revision) {
        if (document.get() != doc) {
            return;
        }
        projectFile.set(file);
        savedChangeCount = revision;
        doc.markSaved(file);
        if (changeCount != revision) {
            doc.markDirty();
        }
        message.set(Messages.get("message.projectSaved", file.getFileName()));
    }

    /** Shows a message in the status line (project saving reports through it). */
    public void showMessage(String text) {
        message.set(text);
    }

    /** The project file Save writes to; null when the work was never saved as (or opened from) a project. */
    public ReadOnlyObjectProperty<Path> projectFileProperty() {
        return projectFile.getReadOnlyProperty();
    }

    /** The accepted generations of the open work, oldest first; unmodifiable. */
    public ObservableList<GenerationRecord> generations() {
        return generationsView;
    }

    // --- outpaint ---
    // Added for outpainting in the editor (OutpaintController, ExtendCanvasDialog). Besides this block
    // the changes in this class are: generate() runs through OutpaintController.windowedRun after an
    // extension (and showStep blends its previews into the window), and jumpToHistory undoes on the
    // current document each step (an extension swaps documents).

    private OutpaintController outpaint;
    private app.vernissage.core.canvas.Regions.Rect runWindow;

    /** Canvas extension, context window and panorama for this editor. */
    public OutpaintController outpaint() {
        if (outpaint == null) {
            outpaint = new OutpaintController(this, new OutpaintHost());
        }
        return outpaint;
    }

    /** What OutpaintController may do to the editor's state; only it uses these. */
    final class OutpaintHost {
        Executor background() {
            return background;
        }

        Consumer<Runnable> uiThread() {
            return uiThread;
        }

        ModelSet modelSet() {
            return modelSet;
        }

        InpaintEngine engine() throws EngineException {
            return engines.engineFor(modelSet, placementForBackground);
        }

        boolean busy() {
            return running.get() || stroke != null || maskBusy.get() || opening.get();
        }

        /** Shows {@code doc} instead of the open document, keeping the history (an extension and its undo). */
        void swapDocument(Document doc) {
            show(null);
            document.set(doc);
            if (!running.get()) {
                preview.set(null);
            }
            fire(new DocumentChange(doc.bounds(), true, true));
        }

        void record(Edit edit) {
            history.add(edit);
            updateUndo();
        }

        void message(String text) {
            message.set(text);
        }

        /** The outpainting state a project keeps changed (window placed by hand, Extend settings). */
        void canvasChanged() {
            changeCount++;
        }

        /** Starts a run that OutpaintController drives; Cancel cancels {@code t}. Returns its id. */
        long beginRun(CancellationToken t) {
            long id = ++runId;
            token = t;
            runVariants.clear();
            shownVariant.set(null);
            running.set(true);
            progress.set(-1);
            progressText.set(Messages.get("progress.starting"));
            preview.set(null);
            message.set("");
            return id;
        }

        boolean current(long id) {
            return id == runId && running.get();
        }

        void progress(long id, double fraction, String text, PixelImage previewImage) {
            if (!current(id) || token.isCancelled()) {
                return;
            }
            progress.set(fraction);
            progressText.set(text);
            if (previewImage != null) {
                preview.set(previewImage);
                previewsShown.set(previewsShown.get() + 1);
            }
        }

        void endRun(long id, String text) {
            ended(id, text);
            preview.set(null);
        }
    }

    // --- quick fill and zoom-out video ---
    // Added for Mask > Quick fill (QuickFillController) and "Zoom-out video..." (ZoomOutController). Both
    // drive their runs through an OutpaintHost like OutpaintController; nothing else in this class changed.

    private QuickFillController quickFill;
    private ZoomOutController zoomOut;

    /** The no-model quick fill of the mask (OpenCV Telea / Navier-Stokes). */
    public QuickFillController quickFill() {
        if (quickFill == null) {
            quickFill = new QuickFillController(this, new OutpaintHost(), prefs);
        }
        return quickFill;
    }

    /** The zoom-out video export (keyframes, PNG frames, GIF) from the open picture. */
    public ZoomOutController zoomOut() {
        if (zoomOut == null) {
            zoomOut = new ZoomOutController(this, new OutpaintHost(), prefs);
        }
        return zoomOut;
    }

    /**
     * Applies {@code edit} (its redo puts its pixels in) to {@code doc} and records it as one undoable
     * step; false, with nothing changed, when {@code doc} is no longer the open document or a run or
     * stroke is going on.
     */
    boolean applyImageEdit(Document doc, Edit edit) {
        if (document.get() != doc || running.get() || stroke != null) {
            return false;
        }
        show(null);
        edit.redo(doc);
        history.add(edit);
        updateUndo();
        fire(new DocumentChange(edit.area(), edit.changesImage(), false));
        return true;
    }
}
