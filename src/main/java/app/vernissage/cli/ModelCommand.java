package app.vernissage.cli;

import app.vernissage.engine.modelset.ModelSet;
import app.vernissage.engine.pipeline.SamplerKind;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.ExecutionDevice;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * What the commands that run the inpainting model (inpaint, outpaint, zoomout) share: stderr, whether
 * it is a terminal, the cancellation token, and the start of a run. It declares no options: picocli
 * lists a superclass's options first, so each command keeps its own options and mixins in the order
 * its help shows them.
 */
abstract class ModelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    final PrintStream err;
    final boolean terminal;
    final CancellationToken token;

    ModelCommand(PrintStream err, boolean terminal, CancellationToken token) {
        this.err = err;
        this.terminal = terminal;
        this.token = token;
    }

    /** The progress display of a run on stderr. */
    ProgressBar progressBar() {
        return new ProgressBar(err, terminal);
    }

    /** Says which model set and device a run uses, before the models are loaded. */
    void announce(ModelSet set, ExecutionDevice device) {
        err.println("Model set: " + set.manifest().name() + " (" + set.dir() + "); " + device.explanation());
    }

    /** --sampler's value, or else the model set's sampler, or else the reference sampler. */
    static SamplerKind samplerKind(String sampler, ModelSet set) throws UserError {
        String name = sampler != null ? sampler : set.manifest().sampler() != null ? set.manifest().sampler() : "reference";
        try {
            return SamplerKind.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
