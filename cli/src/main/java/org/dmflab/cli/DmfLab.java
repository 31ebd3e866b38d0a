package org.dmflab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.MemoryBudget;
import org.dmflab.core.RunCanceledException;
import org.dmflab.core.RunFailedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dmflab} command line: the headless twin of the KNIME nodes over the same engine (docs/design.md §4). Every
 * failure ends with one line on stderr and a documented exit code ({@link ExitCode}).
 */
@Command(name = "dmflab", mixinStandardHelpOptions = true, version = DmfLab.VERSION,
        description = "Gradient descent for deep matrix factorization: generate targets, train, track and predict.",
        subcommands = {GenerateCommand.class, TrainCommand.class, TrackCommand.class, PredictCommand.class,
                BaselineCommand.class, ExperimentCommand.class, ReportCommand.class, SweepCommand.class,
                CollectCommand.class, CommandLine.HelpCommand.class})
public final class DmfLab implements Callable<Integer> {
    /** What {@code -V} / {@code --version} prints, on every command. */
    static final String VERSION = "dmflab 0.1.0";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        Interruption.install(err);
        int code = execute(new PrintWriter(System.out, true), err, args);
        boolean interrupted = Interruption.requested();
        Interruption.finished(code);
        if (!interrupted) {
            // during a shutdown (Ctrl-C, SIGTERM) System.exit would block; the hook then ends the JVM with this code
            System.exit(code);
        }
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        // charts are drawn off screen: no display is needed, and none is opened, unless the caller chose otherwise
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        CommandLine commandLine = new CommandLine(new DmfLab());
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            sub.getCommandSpec().version(VERSION);
            if (sub.getCommand() instanceof SettingsOptions.Declared declared) {
                SettingsOptions.addTo(sub.getCommandSpec(), declared.settings());
            }
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            err.println(prefix(exception.getCommandLine()) + exception.getMessage()
                    + " (see --help)");
            return ExitCode.BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (!Interruption.requested() || Interruption.claimLine()) {
                err.println(prefix(cmd) + describe(exception));
            }
            return exitCode(exception);
        });
        commandLine.registerConverter(Path.class, DmfLab::path);
        int code;
        try {
            code = commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // the estimates before each stage should prevent this; if one falls short, still one line and the fix
            long heap = Runtime.getRuntime().maxMemory();
            err.println("dmflab: out of memory: this run needs more than the " + MemoryBudget.human(heap) + " this "
                    + "Java process may use; give it more, e.g. java " + MemoryBudget.maxHeapFor(heap)
                    + " -jar dmflab.jar …, or choose a smaller problem; no output was written");
            code = ExitCode.BAD_INPUT;
        }
        err.flush();
        out.flush();
        return code;
    }

    /**
     * A path option: a name this system cannot spell as a file name (non-ASCII under {@code LANG=C}, whose characters
     * Java receives already replaced) is refused with the fix instead of Java's own text.
     */
    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' cannot be a file name in this system's "
                    + "encoding for file names (" + System.getProperty("sun.jnu.encoding") + ", from LANG/LC_ALL); run "
                    + "with a UTF-8 locale, e.g. LC_ALL=C.UTF-8, or rename the file with ASCII characters");
        }
    }

    private static String prefix(CommandLine commandLine) {
        return commandLine.getCommandSpec().qualifiedName() + ": ";
    }

    private static String describe(Exception exception) {
        if (exception instanceof InvalidInputException || exception instanceof RunFailedException) {
            return exception.getMessage();
        }
        if (exception instanceof IOException) {
            return "cannot write or read a file: " + exception.getMessage();
        }
        if (exception instanceof RunCanceledException canceled && !canceled.where().isEmpty()) {
            return "interrupted " + canceled.where() + "; no output was written";
        }
        if (exception instanceof InterruptedException || exception instanceof CancellationException
                || exception instanceof RunCanceledException) {
            return "interrupted; no output was written";
        }
        if (exception instanceof UncheckedIOException unchecked) {
            return "cannot write or read a file: " + unchecked.getCause().getMessage();
        }
        return "internal error: " + exception;
    }

    private static int exitCode(Exception exception) {
        if (exception instanceof InvalidInputException) {
            return ExitCode.BAD_INPUT;
        }
        if (exception instanceof InterruptedException || exception instanceof CancellationException
                || exception instanceof RunCanceledException) {
            return ExitCode.INTERRUPTED;
        }
        return ExitCode.FAILED;
    }

    /** {@code dmflab} alone: the usage on stderr, exit 2 (a command is missing). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_INPUT;
    }
}
