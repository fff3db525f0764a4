package app.vernissage.cli;

import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.CancelledException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command-line front end. Every failure is one line on stderr and a non-zero exit code:
 * 1 for a run that failed, 2 for wrong usage, 130 for a cancelled run; a bug's stack trace goes to
 * a file, never to the terminal.
 */
@Command(name = "vernissage", mixinStandardHelpOptions = true, versionProvider = VernissageCli.Version.class,
        description = "Kandinsky 3 inpainting on your own machine.",
        subcommands = {InpaintCommand.class, OutpaintCommand.class, FillCommand.class, ZoomoutCommand.class, SelfTestCommand.class,
                ModelsCommand.class, CommandLine.HelpCommand.class})
public final class VernissageCli {
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int CANCELLED = 130;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final CancellationToken token;

    public VernissageCli(PrintStream out, PrintStream err, boolean terminal, CancellationToken token) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.token = token;
    }

    /** Runs the command line and returns the exit code. */
    public int run(String... args) {
        CommandLine cli = new CommandLine(this, new Factory());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, a) -> {
            // One line, like every other failure: the problem, then where the usage is.
            String message = String.valueOf(ex.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
            err.println("vernissage: " + message + " (see `"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help`)");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex));
        return cli.execute(args);
    }

    private int handle(Exception ex) {
        // After Ctrl+C anything may fail on the way out (e.g. a library refusing a shutdown hook
        // while the JVM shuts down): the run was cancelled, and that is what to say.
        if (ex instanceof CancelledException || token.isCancelled()) {
            err.println("vernissage: cancelled; nothing was written");
            return CANCELLED;
        }
        if (ex instanceof UserError) {
            err.println("vernissage: " + ex.getMessage());
            return FAILED;
        }
        Path report = writeCrashReport(ex);
        err.println("vernissage: internal error: " + ex + (report == null ? "" : " (details in " + report + ")"));
        return FAILED;
    }

    private static Path writeCrashReport(Exception ex) {
        try {
            Path file = Files.createTempFile("vernissage-error-", ".txt");
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            Files.writeString(file, trace.toString());
            return file;
        } catch (IOException e) {
            return null;
        }
    }

    /** Builds the commands with this run's streams and cancellation token. */
    private final class Factory implements CommandLine.IFactory {
        @Override
        @SuppressWarnings("unchecked")
        public <K> K create(Class<K> type) throws Exception {
            if (type == InpaintCommand.class) {
                return (K) new InpaintCommand(err, terminal, token);
            }
            if (type == OutpaintCommand.class) {
                return (K) new OutpaintCommand(err, terminal, token);
            }
            if (type == FillCommand.class) {
                return (K) new FillCommand(err);
            }
            if (type == ZoomoutCommand.class) {
                return (K) new ZoomoutCommand(err, terminal, token);
            }
            if (type == ModelsCommand.Check.class) {
                return (K) new ModelsCommand.Check(out);
            }
            if (type == SelfTestCommand.class) {
                return (K) new SelfTestCommand(out, token);
            }
            if (type == ModelsCommand.Demo.class) {
                return (K) new ModelsCommand.Demo(out);
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = VernissageCli.class.getPackage().getImplementationVersion();
            return new String[]{"vernissage " + (v == null ? "development build" : v)};
        }
    }
}
