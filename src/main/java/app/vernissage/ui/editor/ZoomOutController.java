package app.vernissage.ui.editor;

import app.vernissage.core.canvas.PreFill;
import app.vernissage.core.document.Document;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.window.ContextWindow;
import app.vernissage.core.zoom.ZoomExport;
import app.vernissage.engine.outpaint.GenerateSettings;
import app.vernissage.engine.outpaint.PromptSchedule;
import app.vernissage.engine.outpaint.StepListener;
import app.vernissage.engine.outpaint.WindowedInpainter;
import app.vernissage.engine.outpaint.ZoomOut;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.pipeline.InpaintRequest;
import app.vernissage.engine.pipeline.ProgressListener;
import app.vernissage.engine.pipeline.SamplerKind;
import app.vernissage.engine.pipeline.StepProgress;
import app.vernissage.engine.pipeline.Timings;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.EngineException;
import app.vernissage.ui.Messages;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;

/**
 * "Zoom-out video...": an export of the open picture as an endless zoom, the editor's side of
 * {@code vernissage zoomout}. Keyframe k shrinks keyframe k-1 by the zoom into the middle of a frame of
 * the same size and generates the ring around it with the current model set ({@link ZoomOut}, step k
 * uses seed + k - 1 and its prompt from the schedule); the keyframes are then written with the CLI's
 * own {@link ZoomExport}: {@code keyframe-NN.png}, {@code frame-NNNN.png} and {@code zoom.gif}.
 *
 * <p>The document is not changed; each finished keyframe is shown on the canvas while the run goes.
 * Cancel during the generation keeps the finished keyframes and writes them and an animation of them
 * (frames in proportion, as the CLI does); cancelled before the first keyframe, nothing is written.
 * Cancel while the files are written stops after the current frame: the keyframes and the frames so
 * far stay and the GIF is closed with those frames.
 *
 * <p>Every method belongs to the UI thread; the engine and the writing run on the background executor.
 */
public final class ZoomOutController {
    public static final int DEFAULT_STEPS = 3;
    public static final double DEFAULT_ZOOM = 2.0;
    public static final int DEFAULT_OVERLAP = 32;
    public static final int DEFAULT_FRAMES = 48;
    public static final int DEFAULT_FPS = 12;
    public static final double MIN_ZOOM = 1.05;
    public static final double MAX_ZOOM = 8;
    public static final int MAX_OVERLAP = 4096;
    static final String PREF_FOLDER = "zoomOutFolder";

    /**
     * What the dialog asks for.
     *
     * @param steps          keyframe steps to generate
     * @param zoom           zoom-out per step
     * @param overlap        blend band into the shrunk picture, pixels
     * @param prompts        one prompt per line
     * @param stepsPerPrompt keyframe steps each prompt is used for (the last one repeats)
     * @param frames         frames of the animation
     * @param fps            frames per second of the GIF
     * @param folder         where the files go (created when missing)
     * @param pngFrames      write frame-NNNN.png
     * @param gif            write zoom.gif
     */
    public record Request(int steps, double zoom, int overlap, String prompts, int stepsPerPrompt, int frames, int fps,
                          Path folder, boolean pngFrames, boolean gif) {
    }

    private final EditorViewModel model;
    private final EditorViewModel.OutpaintHost host;
    private final Preferences prefs;
    private final ReadOnlyIntegerWrapper keyframesDone = new ReadOnlyIntegerWrapper();
    private Request last;

    ZoomOutController(EditorViewModel model, EditorViewModel.OutpaintHost host, Preferences prefs) {
        this.model = model;
        this.host = host;
        this.prefs = prefs;
    }

    /** Keyframes finished by the current (or last) run. */
    public ReadOnlyIntegerProperty keyframesDoneProperty() {
        return keyframesDone.getReadOnlyProperty();
    }

    /** What the dialog starts with: the last request of this session, else defaults for the open picture. */
    public Request defaults() {
        if (last != null) {
            return last;
        }
        String prompt = model.promptProperty().get() == null ? "" : model.promptProperty().get().strip();
        return new Request(DEFAULT_STEPS, DEFAULT_ZOOM, DEFAULT_OVERLAP, prompt, 1, DEFAULT_FRAMES, DEFAULT_FPS,
                defaultFolder(), true, true);
    }

    private Path defaultFolder() {
        String remembered = prefs == null ? null : prefs.get(PREF_FOLDER, null);
        if (remembered != null && !remembered.isBlank()) {
            try {
                return Path.of(remembered);
            } catch (InvalidPathException e) {
                // fall through
            }
        }
        Document doc = model.document();
        Path file = doc == null ? null : doc.file().orElse(null);
        if (file != null && file.toAbsolutePath().getParent() != null) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return file.toAbsolutePath().getParent().resolve((dot > 0 ? name.substring(0, dot) : name) + "-zoom-out");
        }
        return Path.of(System.getProperty("user.home"), "vernissage-zoom-out");
    }

    /** The first problem with {@code r} as a sentence for the user, or null; looks at nothing on disk. */
    public String problem(Request r) {
        if (r.steps() < 1 || r.steps() > ZoomOut.Plan.MAX_STEPS) {
            return Messages.get("zoomOut.badSteps", Integer.toString(ZoomOut.Plan.MAX_STEPS), Integer.toString(r.steps()));
        }
        if (!(r.zoom() >= MIN_ZOOM && r.zoom() <= MAX_ZOOM)) {
            return Messages.get("zoomOut.badZoom", number(MIN_ZOOM), number(MAX_ZOOM), number(r.zoom()));
        }
        if (r.overlap() < 0 || r.overlap() > MAX_OVERLAP) {
            return Messages.get("zoomOut.badOverlap", Integer.toString(MAX_OVERLAP), Integer.toString(r.overlap()));
        }
        if (PromptSchedule.lines(r.prompts()).isEmpty()) {
            return Messages.get("zoomOut.noPrompt");
        }
        if (r.stepsPerPrompt() < 1 || r.stepsPerPrompt() > PromptSchedule.MAX_STEPS_EACH) {
            return Messages.get("zoomOut.badPromptSteps", Integer.toString(PromptSchedule.MAX_STEPS_EACH),
                    Integer.toString(r.stepsPerPrompt()));
        }
        if (r.frames() < ZoomExport.MIN_FRAMES || r.frames() > ZoomExport.MAX_FRAMES) {
            return Messages.get("zoomOut.badFrames", Integer.toString(ZoomExport.MIN_FRAMES),
                    Integer.toString(ZoomExport.MAX_FRAMES), Integer.toString(r.frames()));
        }
        if (r.fps() < ZoomExport.MIN_FPS || r.fps() > ZoomExport.MAX_FPS) {
            return Messages.get("zoomOut.badFps", Integer.toString(ZoomExport.MIN_FPS), Integer.toString(ZoomExport.MAX_FPS),
                    Integer.toString(r.fps()));
        }
        if (!r.pngFrames() && !r.gif()) {
            return Messages.get("zoomOut.noOutput");
        }
        if (r.folder() == null || r.folder().toString().isBlank()) {
            return Messages.get("zoomOut.noFolder");
        }
        return null;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /**
     * Checks {@code r}, makes sure its folder can be written and starts the zoom-out. Returns null when
     * it started, else the problem, which is also shown in the status line; nothing ran then.
     */
    public String start(Request r) {
        Document doc = model.document();
        if (doc == null) {
            return refuse(Messages.get("zoomOut.noPicture"));
        }
        if (host.busy() || model.outpaint().extendingProperty().get()) {
            return refuse(Messages.get("message.busy"));
        }
        if (host.modelSet() == null) {
            return refuse(Messages.get("message.noModelSet"));
        }
        String problem = problem(r);
        if (problem != null) {
            return refuse(problem);
        }
        last = r;
        ZoomOut.Plan plan;
        GenerateSettings settings;
        long seed = model.randomSeedProperty().get() ? new SecureRandom().nextLong(1L << 53) : model.seedProperty().get();
        try {
            plan = new ZoomOut.Plan(r.steps(), r.zoom(), r.overlap(),
                    PromptSchedule.expand(PromptSchedule.lines(r.prompts()), r.stepsPerPrompt()));
            SamplerKind kind = model.samplerProperty().get() == null ? SamplerKind.REFERENCE : model.samplerProperty().get();
            OutpaintController.Fill fill = model.outpaint().fillProperty().get();
            settings = new GenerateSettings(plan.promptFor(1), model.negativeProperty().get(), model.stepsProperty().get(),
                    (float) model.guidanceProperty().get(), InpaintRequest.REFERENCE_ETA, seed, kind,
                    (float) Math.clamp(model.strengthProperty().get(), EditorViewModel.MIN_STRENGTH, 1.0), 0,
                    Math.clamp(model.outpaint().paddingProperty().get(), 0, 8192), false,
                    fill == null ? PreFill.NONE : fill.preFill(), ContextWindow.DEFAULT_MAX_WORK_PIXELS);
        } catch (IllegalArgumentException e) {
            return refuse(Messages.get("zoomOut.refused", e.getMessage()));
        }
        try {
            ZoomExport.prepareFolder(r.folder());
        } catch (IOException e) {
            return refuse(Messages.get("zoomOut.badFolder", e.getMessage()));
        }
        rememberFolder(r.folder());
        keyframesDone.set(0);
        CancellationToken token = new CancellationToken();
        long id = host.beginRun(token);
        host.progress(id, -1, Messages.get("zoomOut.keyframe", 1, plan.steps()), null);
        PixelImage start = doc.image();
        host.background().execute(() -> generate(id, token, start, plan, settings, r));
        return null;
    }

    private String refuse(String text) {
        host.message(text);
        return text;
    }

    private void rememberFolder(Path folder) {
        if (prefs != null) {
            try {
                prefs.put(PREF_FOLDER, folder.toAbsolutePath().toString());
            } catch (IllegalStateException e) {
                // a removed preferences node: not remembered
            }
        }
    }

    /** On the background executor: the keyframes, then the files. */
    private void generate(long id, CancellationToken token, PixelImage start, ZoomOut.Plan plan, GenerateSettings settings,
                          Request r) {
        int total = plan.steps();
        int[] current = {1};
        // The step being generated: its frame, mask and window, so sampler previews can be shown in it.
        AtomicReference<Frame> frame = new AtomicReference<>();
        StepListener steps = new StepListener() {
            @Override
            public void onFrame(int step, int all, PixelImage picture, Mask mask, ContextWindow window) {
                frame.set(new Frame(picture, mask, window));
            }

            @Override
            public void onStepStarted(int step, int all, ContextWindow window) {
                current[0] = step;
                host.uiThread().accept(() -> host.progress(id, (step - 1) / (double) all,
                        Messages.get("zoomOut.keyframe", step, all), null));
            }

            @Override
            public void onStepFinished(int step, int all, PixelImage picture, Timings timings) {
                host.uiThread().accept(() -> {
                    if (host.current(id)) {
                        keyframesDone.set(step);
                        // The finished keyframe is shown on the canvas; the document stays as it is.
                        host.progress(id, step / (double) all, Messages.get("zoomOut.keyframe", Math.min(step + 1, all), all),
                                picture);
                    }
                });
            }
        };
        ProgressListener inner = new CoalescedPreviews(host.uiThread(),
                st -> samplerStep(id, current[0], total, st, frame.get()), stage -> { });
        ZoomOut.Outcome outcome;
        try {
            InpaintEngine engine = host.engine();
            outcome = new ZoomOut(new WindowedInpainter(engine)).run(start, plan, settings, steps, inner, token);
        } catch (EngineException | RuntimeException | OutOfMemoryError e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            host.uiThread().accept(() -> host.endRun(id, Messages.get("zoomOut.failed", why)));
            return;
        }
        ZoomOut.Outcome done = outcome;
        host.uiThread().accept(() -> generated(id, done, plan, settings.seed(), r));
    }

    /** A step's picture before the model fills its ring (see {@link StepListener#onFrame}). */
    private record Frame(PixelImage picture, Mask mask, ContextWindow window) {
    }

    /** On the UI thread: progress, and the sampler's preview blended into the frame being generated. */
    private void samplerStep(long id, int step, int total, StepProgress st, Frame frame) {
        if (host.current(id)) {
            PixelImage preview = frame == null ? null
                    : OutpaintController.blendInWindow(frame.picture(), frame.mask(), st.preview(), frame.window().region());
            host.progress(id, (step - 1 + st.step() / (double) st.total()) / total,
                    Messages.get("zoomOut.keyframe", step, total) + " "
                            + Messages.get("progress.step", st.step(), st.total(), Math.max(0, st.remaining().toSeconds())),
                    preview);
        }
    }

    /** On the UI thread: the keyframes are there; the files are written as a second run (its own Cancel). */
    private void generated(long id, ZoomOut.Outcome outcome, ZoomOut.Plan plan, long seed, Request r) {
        if (!host.current(id)) {
            return;
        }
        List<PixelImage> keys = outcome.keyframes();
        int finished = keys.size() - 1;
        if (finished == 0) {
            host.endRun(id, Messages.get("zoomOut.cancelledNothing"));
            return;
        }
        int frames = ZoomExport.framesFor(r.frames(), finished, plan.steps());
        CancellationToken stop = new CancellationToken();
        long writeId = host.beginRun(stop);
        host.progress(writeId, 0, Messages.get("zoomOut.writing", 0, frames), null);
        host.background().execute(() -> {
            String text;
            long[] lastShown = {0};
            ZoomExport.Progress progress = (done, all) -> {
                // Small frames are written fast: at most about 20 progress updates a second.
                long now = System.nanoTime();
                if (done == all || now - lastShown[0] > 50_000_000L) {
                    lastShown[0] = now;
                    host.uiThread().accept(() -> host.progress(writeId, done / (double) all,
                            Messages.get("zoomOut.writing", done, all), null));
                }
            };
            try {
                ZoomExport.Written w = ZoomExport.write(keys, plan.zoom(), frames, r.fps(), r.folder(),
                        new ZoomExport.Outputs(r.pngFrames(), r.gif()), progress, stop::isCancelled);
                String folder = r.folder().toString();
                if (w.stopped()) {
                    text = Messages.get("zoomOut.writeStopped", w.keyframes(), w.frames(), frames, folder);
                } else if (outcome.cancelled()) {
                    text = Messages.get("zoomOut.cancelledKept", finished, plan.steps(), w.frames(), folder);
                } else {
                    text = Messages.get("zoomOut.done", folder, w.keyframes(), w.frames(), Long.toString(seed));
                }
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                text = Messages.get("zoomOut.writeFailed", r.folder().toString(), e.getMessage() == null ? e.toString()
                        : e.getMessage());
            }
            String message = text;
            host.uiThread().accept(() -> host.endRun(writeId, message));
        });
    }
}
