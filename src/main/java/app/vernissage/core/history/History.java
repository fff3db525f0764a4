package app.vernissage.core.history;

import app.vernissage.core.document.Document;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Undo and redo of a document's edits. Memory is bounded: the undo and redo stacks together keep at
 * most {@link #maxBytes()} bytes of edit data (256 MiB by default) and at most {@link #maxEdits()}
 * edits; beyond that the oldest undo steps are forgotten. The newest edit is always kept, even alone
 * over the bound.
 */
public final class History {
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    public static final int DEFAULT_MAX_EDITS = 500;

    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final long maxBytes;
    private final int maxEdits;
    private long bytes;

    public History() {
        this(DEFAULT_MAX_BYTES, DEFAULT_MAX_EDITS);
    }

    public History(long maxBytes, int maxEdits) {
        if (maxBytes < 1 || maxEdits < 1) {
            throw new IllegalArgumentException("History bounds must be positive.");
        }
        this.maxBytes = maxBytes;
        this.maxEdits = maxEdits;
    }

    /** Records an edit that was just applied; it clears the redo steps. A null edit (no change) is ignored. */
    public void add(Edit edit) {
        if (edit == null) {
            return;
        }
        for (Edit e : redo) {
            bytes -= e.byteSize();
        }
        redo.clear();
        undo.push(edit);
        bytes += edit.byteSize();
        while (undo.size() > 1 && (bytes > maxBytes || undo.size() > maxEdits)) {
            bytes -= undo.removeLast().byteSize();
        }
    }

    /** Undoes the newest edit and returns it, or empty when there is none. */
    public Optional<Edit> undo(Document document) {
        Edit edit = undo.poll();
        if (edit == null) {
            return Optional.empty();
        }
        edit.undo(document);
        redo.push(edit);
        return Optional.of(edit);
    }

    /** Redoes the newest undone edit and returns it, or empty when there is none. */
    public Optional<Edit> redo(Document document) {
        Edit edit = redo.poll();
        if (edit == null) {
            return Optional.empty();
        }
        edit.redo(document);
        undo.push(edit);
        return Optional.of(edit);
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public int undoCount() {
        return undo.size();
    }

    /** Bytes of edit data held now. */
    public long bytes() {
        return bytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int maxEdits() {
        return maxEdits;
    }

    /**
     * The names of all edits held, oldest first: the first {@link #undoCount()} are applied (undo
     * steps), the rest are undone (redo steps, nearest first).
     */
    public List<String> names() {
        List<String> out = new java.util.ArrayList<>(undo.size() + redo.size());
        undo.descendingIterator().forEachRemaining(e -> out.add(e.name()));
        redo.forEach(e -> out.add(e.name()));
        return out;
    }

    public int redoCount() {
        return redo.size();
    }

    public void clear() {
        undo.clear();
        redo.clear();
        bytes = 0;
    }
}
