package org.dmflab.knime.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code dmflab} command line (cli/target/dmflab.jar) run in its own JVM: the nodes' headless twin. */
final class Cli {
    static final Path JAR = Path.of(Knime.property("dmflab.cli.jar"));

    private Cli() {
    }

    /** The exit code, standard output and standard error of one run. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    static Result run(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.awt.headless=true", "-Duser.language=en", "-Duser.country=US", "-jar",
                JAR.toString()));
        command.addAll(arguments);
        try {
            Path stdout = Files.createTempFile(Knime.WORK, "cli-out", ".txt");
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).start();
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            int exitCode = process.waitFor();
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            Files.delete(stdout);
            return new Result(exitCode, out.strip(), stderr.strip());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** Runs the commands in order; each must succeed. Returns the last one's standard output. */
    static String runAll(List<List<String>> commands) {
        String stdout = "";
        for (List<String> arguments : commands) {
            Result result = run(arguments);
            if (result.exitCode() != 0) {
                throw new AssertionError("dmflab " + String.join(" ", arguments) + " exited with " + result.exitCode()
                        + ": " + result.stderr());
            }
            stdout = result.stdout();
        }
        return stdout;
    }
}
