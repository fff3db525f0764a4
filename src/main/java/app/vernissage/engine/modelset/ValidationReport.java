package app.vernissage.engine.modelset;

import java.nio.file.Path;
import java.util.List;

/** The outcome of checking a model-set folder: one {@link ComponentCheck} per file. */
public record ValidationReport(Path dir, String name, List<ComponentCheck> checks) {
    public ValidationReport {
        checks = List.copyOf(checks);
    }

    public boolean usable() {
        return checks.stream().allMatch(ComponentCheck::ok);
    }

    public List<ComponentCheck> problems() {
        return checks.stream().filter(c -> !c.ok()).toList();
    }

    /** A multi-line report for the terminal. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("Model set ").append(dir).append(name == null ? "" : " (" + name + ")").append('\n');
        for (ComponentCheck c : checks) {
            out.append(c.ok() ? "  ok    " : "  FAIL  ").append(c.file());
            if (!c.detail().isEmpty()) {
                out.append(c.ok() ? "  " : ": ").append(c.detail());
            }
            out.append('\n');
        }
        int n = problems().size();
        out.append(n == 0 ? "Usable." : "Not usable: " + n + (n == 1 ? " problem." : " problems.")).append('\n');
        return out.toString();
    }
}
