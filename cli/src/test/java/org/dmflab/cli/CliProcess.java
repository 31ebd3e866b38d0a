package org.dmflab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code dmflab} as a real child JVM (its own working directory, environment and heap) and captures its output. */
record CliProcess(int exitCode, String out, String err) {

    /** A run in {@code workingDirectory} with {@code -Xmx256m}. */
    static CliProcess run(Path workingDirectory, String... args) throws IOException, InterruptedException {
        return run(workingDirectory, Map.of(), List.of("-Xmx256m"), args);
    }

    /** A run with extra environment variables and JVM options. */
    static CliProcess run(Path workingDirectory, Map<String, String> environment, List<String> jvmOptions,
                          String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DmfLab.class.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("dmflab-out", ".txt");
        Path err = Files.createTempFile("dmflab-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("dmflab " + String.join(" ", args) + " did not end within 120 s");
            }
            return new CliProcess(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
