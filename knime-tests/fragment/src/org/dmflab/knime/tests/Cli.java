package org.dmflab.knime.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code dmflab} command line (cli/target/dmflab.jar) run in its own JVM: the nodes' headless twin. */
final class Cli {
    static final Path JAR = Path.of(Knime.property("dmflab.cli.jar"));

    private Cli() {
    }

    /** The exit code and standard error of one run. */
    record Result(int exitCode, String stderr) {
    }

    static Result run(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.awt.headless=true", "-Duser.language=en", "-Duser.country=US", "-jar",
                JAR.toString()));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), stderr.strip());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** Runs the commands in order; each must succeed. */
    static void runAll(List<List<String>> commands) {
        for (List<String> arguments : commands) {
            Result result = run(arguments);
            if (result.exitCode() != 0) {
                throw new AssertionError("dmflab " + String.join(" ", arguments) + " exited with " + result.exitCode()
                        + ": " + result.stderr());
            }
        }
    }
}
