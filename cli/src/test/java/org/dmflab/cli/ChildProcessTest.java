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
 * The command line as a real process: Ctrl-C (SIGINT) or SIGTERM stops a run with one line and exit 130, keeping the
 * trace and product up to the last completed iteration (the same bytes as a run with that budget), marked as
 * interrupted; a killed run's staging directory is removed by the next run; a long budget is announced.
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
    private Child start(Path out, String... settings) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), DmfLab.class.getName(), "train", "--target", target.toString(),
                "--iterations", "100000000000", "--out", out.toString()));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
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
    void ctrlCKeepsTheRunUpToItsLastIterationMarkedInterruptedAndExits130() throws Exception {
        Path out = dir.resolve("run");
        Child child = start(out, "--record", "every:10000000");
        child.awaitLine("take about");
        child.awaitLine("elapsed");
        assertThat(staging()).hasSize(1);
        long k = interrupt(child, "-INT", out, 10000000);
        assertThat(child.err()).anyMatch(line -> line.matches("dmflab train: iterations: 100000000000 iterations at "
                + "the .* iterations/s measured so far take about .*; lower iterations \\(or set tolerance\\) to "
                + "finish sooner"));
        assertThat(child.err()).anyMatch(line -> line.matches("dmflab train: iteration \\d+ of 100000000000, loss "
                + ".* \\(\\d+ %, .* elapsed.*\\)"));
        assertThat(staging()).isEmpty();
        assertEqualsARunWithBudget(out, k, "--record", "every:10000000");
    }

    /** SIGTERM (a cluster's scheduler at the time limit) on the matrix solver: the same, its factors a whole iterate. */
    @Test
    void sigtermOnTheMatrixSolverKeepsTheRunUpToItsLastIteration() throws Exception {
        Path out = dir.resolve("run");
        Child child = start(out, "--solver", "matrix", "--depth", "3", "--record", "every:1000000");
        child.awaitLine("elapsed");
        long k = interrupt(child, "-TERM", out, 1000000);
        assertEqualsARunWithBudget(out, k, "--solver", "matrix", "--depth", "3", "--record", "every:1000000");
    }

    /**
     * Sends {@code signal}, expects exit 130, one line naming the iteration k, and an output marked as interrupted at
     * k in its manifest and summary.json; returns k.
     */
    private long interrupt(Child child, String signal, Path out, long every) throws Exception {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(child.process().pid())).start();
        assertThat(kill.waitFor()).isZero();
        assertThat(child.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        assertThat(child.process().exitValue()).as("%s", child.err()).isEqualTo(ExitCode.INTERRUPTED);
        List<String> interrupted = child.err().stream().filter(line -> line.contains("interrupted")).toList();
        assertThat(interrupted).hasSize(1);
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("dmflab train: interrupted at iteration (\\d+) "
                + "of 100000000000; wrote .*trace.csv \\((\\d+) rows\\) and .*product.csv up to there, marked as "
                + "interrupted").matcher(interrupted.get(0));
        assertThat(line.matches()).as(interrupted.get(0)).isTrue();
        long k = Long.parseLong(line.group(1));
        assertThat(k).isPositive();
        // iteration 0, the multiples of `every` up to k, and k itself when it is not one
        long rows = k / every + 1 + (k % every == 0 ? 0 : 1);
        assertThat(Long.parseLong(line.group(2))).isEqualTo(rows);
        assertThat(Files.readAllLines(out.resolve(".dmflab-output"))).contains("interrupted: at iteration " + k
                + " of 100000000000");
        var summary = Summaries.read(out);
        assertThat(summary.get("interrupted").asBoolean()).isTrue();
        assertThat(summary.get("stop_reason").asText()).isEqualTo("interrupted");
        assertThat(summary.get("iterations").asLong()).isEqualTo(k);
        assertThat(summary.get("budget").asLong()).isEqualTo(100000000000L);
        assertThat(summary.get("rows").asLong()).isEqualTo(rows);
        return k;
    }

    /**
     * The interrupted output's trace.csv and product.csv have the bytes of a finished run of the same settings with
     * budget k, and its trace without the last row is the start of a longer run's trace.
     */
    private void assertEqualsARunWithBudget(Path interrupted, long k, String... settings) throws IOException {
        Path finished = dir.resolve("budget-k");
        Path longer = dir.resolve("budget-2k");
        for (Path out : List.of(finished, longer)) {
            List<String> args = new java.util.ArrayList<>(List.of("train", "--target", target.toString(),
                    "--iterations", Long.toString(out == finished ? k : 2 * k), "--out", out.toString()));
            args.addAll(List.of(settings));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        assertThat(Files.readAllBytes(interrupted.resolve("trace.csv")))
                .isEqualTo(Files.readAllBytes(finished.resolve("trace.csv")));
        assertThat(Files.readAllBytes(interrupted.resolve("product.csv")))
                .isEqualTo(Files.readAllBytes(finished.resolve("product.csv")));
        List<String> kept = Files.readAllLines(interrupted.resolve("trace.csv"));
        List<String> full = Files.readAllLines(longer.resolve("trace.csv"));
        assertThat(full.subList(0, kept.size() - 1)).isEqualTo(kept.subList(0, kept.size() - 1));
        assertThat(Summaries.read(finished).get("interrupted").asBoolean()).isFalse();
        assertThat(Summaries.read(finished).get("stop_reason").asText()).isEqualTo("iterations");
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
