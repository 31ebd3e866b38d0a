package org.dmflab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a real process: Ctrl-C (SIGINT) stops a run with one line and exit 130, a killed run's staging
 * directory is removed by the next run, and a long budget is announced with its estimate.
 */
class ChildProcessTest {

    @TempDir
    Path dir;

    private Path target;

    @BeforeEach
    void target() throws IOException {
        target = Files.writeString(dir.resolve("m.csv"), "c1,c2\n2,0\n0,1\n");
    }

    /** A child JVM training 10^11 iterations (hours) into {@code out}, with its stderr collected line by line. */
    private Child start(Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                DmfLab.class.getName(), "train", "--target", target.toString(), "--iterations", "100000000000",
                "--out", out.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new Child(process);
    }

    private record Child(Process process, List<String> err) {
        Child(Process process) {
            this(process, new CopyOnWriteArrayList<>());
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        err.add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        void awaitLine(String fragment) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (err.stream().noneMatch(line -> line.contains(fragment))) {
                assertThat(System.nanoTime()).as("no line with '%s' in %s", fragment, err).isLessThan(deadline);
                assertThat(process.isAlive()).as("ended early: %s", err).isTrue();
                Thread.sleep(50);
            }
        }
    }

    private List<String> staging() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(path -> path.getFileName().toString()).filter(name -> name.contains(".partial-")).toList();
        }
    }

    @Test
    void ctrlCPrintsOneLineWithTheIterationAndExits130LeavingNothing() throws Exception {
        Path out = dir.resolve("run");
        Child child = start(out);
        child.awaitLine("take about");
        child.awaitLine("elapsed");
        assertThat(staging()).hasSize(1);
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.process().pid())).start();
        assertThat(kill.waitFor()).isZero();
        assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.process().exitValue()).isEqualTo(ExitCode.INTERRUPTED);
        Thread.sleep(200);
        List<String> interrupted = child.err().stream().filter(line -> line.contains("interrupted")).toList();
        assertThat(interrupted).hasSize(1);
        assertThat(interrupted.get(0)).matches("dmflab train: interrupted at iteration \\d+ of 100000000000; no "
                + "output was written");
        assertThat(child.err()).anyMatch(line -> line.matches("dmflab train: iterations: 100000000000 iterations at "
                + "the .* iterations/s measured so far take about .*; lower iterations \\(or set tolerance\\) to "
                + "finish sooner"));
        assertThat(child.err()).anyMatch(line -> line.matches("dmflab train: iteration \\d+ of 100000000000, loss "
                + ".* \\(\\d+ %, .* elapsed.*\\)"));
        assertThat(out).doesNotExist();
        assertThat(staging()).isEmpty();
    }

    @Test
    void theStagingOfAKilledRunIsRemovedByTheNextRun() throws Exception {
        Child child = start(dir.resolve("run"));
        child.awaitLine("elapsed");
        List<String> left = staging();
        assertThat(left).hasSize(1);
        assertThat(left.get(0)).startsWith(".run.partial-" + child.process().pid() + "-");
        child.process().destroyForcibly();
        assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(staging()).containsExactlyElementsOf(left);

        CliRun next = CliRun.of("generate", "--spectrum", "2,1", "--seed", "1", "--out", dir.resolve("gt").toString());
        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(staging()).isEmpty();
    }
}
