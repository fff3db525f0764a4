package app.vernissage.cli;

import app.vernissage.core.canvas.EdgeBlurFill;
import app.vernissage.core.canvas.PreFill;
import app.vernissage.core.image.ImageLimits;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.fill.ClassicalFill;
import app.vernissage.fill.QuickFill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code vernissage fill}: quick fill of the masked part from its surroundings, no model. */
@Command(name = "fill", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Quick fill without a model: the white part of MASK is filled from its surroundings by classical "
                + "inpainting (Telea's fast marching or Navier-Stokes, through OpenCV) or by the edge blur; every "
                + "pixel where the mask is black stays exactly as it was.")
final class FillCommand implements Callable<Integer> {
    @Option(names = "--image", required = true, paramLabel = "IN", description = "Picture to edit.")
    Path image;

    @Option(names = "--mask", required = true, paramLabel = "MASK", description = "Same size as IN; white = fill.")
    Path mask;

    @Option(names = "--method", defaultValue = "telea", paramLabel = "telea|ns|blur",
            description = "telea (default), ns (Navier-Stokes) or blur (edge colours with a multi-scale blur, pure Java).")
    String method;

    @Option(names = "--radius", defaultValue = "5", paramLabel = "PX", description = "Neighbourhood of telea / ns (default ${DEFAULT-VALUE}).")
    double radius;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    private final PrintStream err;

    FillCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() throws UserError {
        long started = System.nanoTime();
        PreFill fill;
        try {
            fill = switch (method.strip().toLowerCase(Locale.ROOT)) {
                case "blur", "edge" -> EdgeBlurFill.INSTANCE;
                default -> new ClassicalFill(ClassicalFill.Method.parse(method), radius);
            };
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String problem = output.problem();
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
        output.check();
        PixelImage picture = CliFiles.read(image, ImageLimits.DEFAULT.maxPixels());
        Mask repaint = CliFiles.readMask(mask, picture);
        if (repaint.isEmpty()) {
            throw new UserError(mask.getFileName() + " is all black: there is nothing to fill (white = fill)");
        }
        PixelImage result;
        try {
            result = QuickFill.apply(picture, repaint, fill);
        } catch (IllegalStateException e) {
            throw new UserError(e.getMessage(), e);
        }
        output.write(result);
        err.println("wrote " + output.out + " (" + result.width() + "x" + result.height() + ")");
        err.println(String.format(Locale.ROOT, "method %s, timings: total %.2f s", method.toLowerCase(Locale.ROOT),
                (System.nanoTime() - started) / 1e9));
        return 0;
    }
}
