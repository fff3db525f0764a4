package app.vernissage.ui.editor;

import app.vernissage.core.document.Document;
import app.vernissage.core.image.ImageLimits;
import app.vernissage.core.project.Project;
import app.vernissage.core.project.ProjectFile;
import app.vernissage.core.project.ProjectReadException;
import app.vernissage.core.project.RecoveryStore;
import app.vernissage.ui.Messages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.prefs.Preferences;

/**
 * Saving the open work as a project, autosaving it to a recovery copy, and offering recovery copies
 * on start. Everything here runs on the UI thread except the disk work, which goes to {@code io} (one
 * thread, so that writes and deletions keep their order); the UI thread never waits for it.
 */
public final class ProjectController {
    /** Preferences key of the autosave interval in minutes (0 = off). */
    public static final String PREF_AUTOSAVE_MINUTES = "autosaveMinutes";
    public static final int DEFAULT_AUTOSAVE_MINUTES = 2;
    public static final int MAX_AUTOSAVE_MINUTES = 120;

    private final EditorViewModel model;
    private final Executor io;
    private final Consumer<Runnable> uiThread;
    private final RecoveryStore recovery;
    private final Clock clock;
    private final Preferences prefs;
    private int autosaveMinutes;
    private String recoveryId = RecoveryStore.newId();
    /** Whether a recovery copy may exist for {@link #recoveryId}. */
    private boolean recoveryWritten;
    private long autosavedChange = -1;
    private Instant lastAutosave;
    private boolean adoptingRecovery;
    private int savesRunning;
    private ScheduledExecutorService ticker;
    private ProjectWriter writer = ProjectFile::write;

    /** Writes a project file (tests put a failing one in). */
    @FunctionalInterface
    interface ProjectWriter {
        void write(Project project, Path file) throws IOException;
    }

    /** Replaces what writes project files (tests). */
    void setWriter(ProjectWriter writer) {
        this.writer = writer;
    }

    /**
     * @param io       runs the disk work (one thread)
     * @param uiThread runs a task on the UI thread later, e.g. {@code Platform::runLater}
     * @param recovery where recovery copies go
     * @param clock    when autosaves are due, and the time recorded with them
     * @param prefs    where the autosave interval is kept, or null (then it is the default)
     */
    public ProjectController(EditorViewModel model, Executor io, Consumer<Runnable> uiThread, RecoveryStore recovery,
                             Clock clock, Preferences prefs) {
        this.model = model;
        this.io = io;
        this.uiThread = uiThread;
        this.recovery = recovery;
        this.clock = clock;
        this.prefs = prefs;
        this.autosaveMinutes = Math.clamp(prefs == null ? DEFAULT_AUTOSAVE_MINUTES
                : prefs.getInt(PREF_AUTOSAVE_MINUTES, DEFAULT_AUTOSAVE_MINUTES), 0, MAX_AUTOSAVE_MINUTES);
        this.lastAutosave = clock.instant();
        model.documentsOpenedProperty().addListener((obs, old, n) -> documentReplaced());
    }

    /**
     * Lets the disk work already handed over finish (a recovery copy's deletion on close), waiting at most
     * {@code limit}; for the launcher thread after the window closed, never for the UI thread.
     */
    public void awaitDiskWork(Duration limit) throws InterruptedException {
        if (io instanceof java.util.concurrent.ExecutorService service) {
            service.shutdown();
            service.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The app's controller: recovery copies in {@link RecoveryStore#defaultDir()}, a "vernissage-save" thread. */
    public static ProjectController forApp(EditorViewModel model, Consumer<Runnable> uiThread, Preferences prefs) {
        Executor io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vernissage-save");
            t.setDaemon(true);
            return t;
        });
        return new ProjectController(model, io, uiThread, new RecoveryStore(RecoveryStore.defaultDir()),
                Clock.systemUTC(), prefs);
    }

    // ---- Save ----------------------------------------------------------------------------------

    /** Ctrl+S: writes the project file when there is one; false when there is none (ask with Save as). */
    public boolean save() {
        Path file = model.projectFileProperty().get();
        return file != null && saveAs(file);
    }

    /**
     * Writes the open work to {@code file} (".vernissage" is added when missing) in the background;
     * the old file stays until the new one is complete, and a failure is reported in the status line.
     * False when there is nothing to save.
     */
    public boolean saveAs(Path file) {
        Document doc = model.document();
        Project project = model.projectSnapshot();
        if (doc == null || project == null) {
            return false;
        }
        Path target = withExtension(file);
        long revision = model.changeCount();
        String id = recoveryId;
        ProjectWriter write = writer;
        savesRunning++;
        model.showMessage(Messages.get("message.projectSaving", target.getFileName()));
        io.execute(() -> {
            try {
                if (Files.isDirectory(target)) {
                    throw new IOException(Messages.get("message.projectIsFolder"));
                }
                write.write(project, target);
            } catch (IOException | RuntimeException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                uiThread.accept(() -> {
                    savesRunning--;
                    model.showMessage(Messages.get("message.projectSaveFailed", target.getFileName(), why));
                });
                return;
            }
            uiThread.accept(() -> {
                savesRunning--;
                model.projectSaved(doc, target, revision);
                if (model.document() == doc && recoveryId.equals(id) && !model.hasUnsavedWork()) {
                    deleteRecovery(); // a clean save
                }
            });
        });
        return true;
    }

    /** {@code file} with ".vernissage" at the end. */
    public static Path withExtension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(ProjectFile.EXTENSION) ? file
                : file.resolveSibling(name + ProjectFile.EXTENSION);
    }

    /** Whether a project is being written. */
    public boolean isSaving() {
        return savesRunning > 0;
    }

    // ---- Autosave ------------------------------------------------------------------------------

    /** Minutes between autosaves, 0 = off. */
    public int autosaveMinutes() {
        return autosaveMinutes;
    }

    /** Sets (and remembers) the autosave interval; clamped to 0..{@value #MAX_AUTOSAVE_MINUTES}. */
    public void setAutosaveMinutes(int minutes) {
        autosaveMinutes = Math.clamp(minutes, 0, MAX_AUTOSAVE_MINUTES);
        if (prefs != null) {
            prefs.putInt(PREF_AUTOSAVE_MINUTES, autosaveMinutes);
        }
    }

    /**
     * Called now and then on the UI thread: when autosave is on, the interval has passed since the last
     * autosave and there is unsaved work that changed since, writes a recovery copy in the background.
     * True when a copy is being written.
     */
    public boolean autosaveIfDue() {
        Instant now = clock.instant();
        if (autosaveMinutes == 0 || Duration.between(lastAutosave, now).compareTo(Duration.ofMinutes(autosaveMinutes)) < 0) {
            return false;
        }
        lastAutosave = now;
        if (!model.hasUnsavedWork() || model.changeCount() == autosavedChange) {
            return false;
        }
        Project project = model.projectSnapshot();
        if (project == null) {
            return false;
        }
        autosavedChange = model.changeCount();
        Document doc = model.document();
        Path original = model.projectFileProperty().get() != null ? model.projectFileProperty().get()
                : doc.file().orElse(null);
        String id = recoveryId;
        recoveryWritten = true;
        io.execute(() -> {
            try {
                recovery.write(id, project, original, now);
            } catch (IOException | RuntimeException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                uiThread.accept(() -> model.showMessage(Messages.get("message.autosaveFailed", why)));
            }
        });
        return true;
    }

    /** Checks {@link #autosaveIfDue()} every {@code period} on a daemon timer (the check runs on the UI thread). */
    public void startAutosave(Duration period) {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vernissage-autosave-timer");
            t.setDaemon(true);
            return t;
        });
        long ms = period.toMillis();
        ticker.scheduleAtFixedRate(() -> uiThread.accept(this::autosaveIfDue), ms, ms, TimeUnit.MILLISECONDS);
    }

    /** The work is closed cleanly (nothing unsaved, or the user agreed to lose it): its recovery copy goes. */
    public void closeCleanly() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        deleteRecovery();
    }

    private void documentReplaced() {
        // Another document replaces the work only after the user agreed to lose unsaved changes.
        if (adoptingRecovery) {
            return;
        }
        deleteRecovery();
        recoveryId = RecoveryStore.newId();
        autosavedChange = -1;
    }

    private void deleteRecovery() {
        if (!recoveryWritten) {
            return;
        }
        recoveryWritten = false;
        String id = recoveryId;
        io.execute(() -> {
            try {
                recovery.delete(id);
            } catch (IOException | RuntimeException e) {
                // a stale copy is offered on the next start; nothing else to do
            }
        });
    }

    /** The recovery copy of the open work, if one was written (tests). */
    String recoveryId() {
        return recoveryId;
    }

    // ---- Recovery ------------------------------------------------------------------------------

    /** Lists the recovery copies in the background and hands them to {@code then} on the UI thread. */
    public void findRecoveries(Consumer<List<RecoveryStore.Entry>> then) {
        String own = recoveryId;
        io.execute(() -> {
            List<RecoveryStore.Entry> entries;
            try {
                entries = recovery.list().stream().filter(e -> !e.id().equals(own)).toList();
            } catch (IOException | RuntimeException e) {
                entries = List.of();
            }
            List<RecoveryStore.Entry> found = entries;
            uiThread.accept(() -> then.accept(found));
        });
    }

    /**
     * Reads a recovery copy in the background and shows it as unsaved work (Save writes to its original
     * project, if it had one); from then on autosave replaces that copy, and a clean save or close removes it.
     */
    public void restore(RecoveryStore.Entry entry) {
        model.showMessage(Messages.get("message.opening", entry.originalName().isEmpty()
                ? entry.project().getFileName() : entry.originalName()));
        io.execute(() -> {
            try {
                Project project = recovery.read(entry, ImageLimits.DEFAULT);
                uiThread.accept(() -> restored(entry, project));
            } catch (ProjectReadException | RuntimeException | OutOfMemoryError e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                uiThread.accept(() -> model.showMessage(Messages.get("message.restoreFailed", why)));
            }
        });
    }

    private void restored(RecoveryStore.Entry entry, Project project) {
        Path original = entry.original().orElse(null);
        boolean wasProject = original != null && original.getFileName() != null
                && original.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(ProjectFile.EXTENSION);
        deleteRecovery();
        adoptingRecovery = true;
        boolean done;
        try {
            done = model.restoreProject(project, original, wasProject ? original : null, true);
        } finally {
            adoptingRecovery = false;
        }
        if (done) {
            recoveryId = entry.id();
            recoveryWritten = true;
            autosavedChange = model.changeCount();
            model.showMessage(Messages.get("message.restored", entry.originalName().isEmpty()
                    ? Messages.get("recovery.untitled") : entry.originalName()));
        }
    }

    /** Deletes the given recovery copies in the background. */
    public void discard(List<RecoveryStore.Entry> entries) {
        List<String> ids = entries.stream().map(RecoveryStore.Entry::id).toList();
        io.execute(() -> {
            for (String id : ids) {
                try {
                    recovery.delete(id);
                } catch (IOException | RuntimeException e) {
                    // offered again next time
                }
            }
        });
    }
}
