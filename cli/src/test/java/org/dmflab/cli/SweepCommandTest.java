package org.dmflab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dmflab.cli.io.OutputManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dmflab sweep} and {@code dmflab collect}: a point holds the bytes of {@code dmflab experiment} with its
 * settings; the worker count changes no byte; a sweep killed for real (SIGKILL of its JVM) and started again ends with
 * the folder of an uninterrupted sweep; two shards collected equal one sweep; a changed grid is refused, an extended
 * one runs only the new points; completion runs stop at train MSE ≤ --stop-mse.
 */
class SweepCommandTest {
    /** A small completion sweep: rank-2 20×20 targets, 2 × 2 grid × 2 seeds = 8 points. */
    private static final List<String> SETTINGS = List.of("--set", "generate.spectrum=gaussian-factors:2", "--set",
            "generate.n=20", "--set", "train.init=gaussian", "--set", "train.sigma=0.001", "--set", "train.seed=2",
            "--set", "train.loss=completion", "--set", "train.solver=matrix", "--set", "train.iterations=3000", "--set",
            "train.step=0.02", "--set", "train.record=log:40", "--stop-mse", "1e-6");
    private static final List<String> GRID = List.of("--vary", "generate.observations=120,240", "--vary",
            "train.depth=2,3", "--seeds", "1..2");

    @TempDir
    Path dir;

    private static String[] sweep(Path out, List<String> grid, String... more) {
        List<String> args = new ArrayList<>(List.of("sweep"));
        args.addAll(SETTINGS);
        args.addAll(grid);
        args.addAll(List.of(more));
        args.addAll(List.of("--out", out.toString()));
        return args.toArray(String[]::new);
    }

    /** Every file below {@code root} by relative path, with its bytes. */
    static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** Every file of {@code actual} and {@code expected}, by relative path, has the same bytes. */
    static void assertSameFiles(Path actual, Path expected) throws IOException {
        Map<String, byte[]> want = files(expected);
        Map<String, byte[]> got = files(actual);
        assertThat(got.keySet()).isEqualTo(want.keySet());
        for (String name : want.keySet()) {
            assertThat(got.get(name)).as(name).isEqualTo(want.get(name));
        }
    }

    @Test
    void aPointHoldsTheBytesOfTheExperimentCommandAndWorkersChangeNoByte() throws IOException {
        Path one = dir.resolve("one");
        Path three = dir.resolve("three");
        CliRun first = CliRun.of(sweep(one, GRID, "--workers", "1"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        CliRun second = CliRun.of(sweep(three, GRID, "--workers", "3"));
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertSameFiles(three, one);
        List<String> table = Files.readAllLines(one.resolve("sweep.csv"));
        assertThat(table).hasSize(1 + 8);
        assertThat(table.get(0)).isEqualTo("point,generate.observations,train.depth,seed,run,stop_reason,iterations,"
                + "final_loss,final_error_fro,final_relative_error,final_effective_rank");
        assertThat(table.get(1)).startsWith("observations-120_depth-2_seed-1,120,2,1,run,");
        // the point with M = 240, N = 3, seed 2 is dmflab experiment with the same settings (tolerance 1e-6·240/2)
        Path single = dir.resolve("single");
        List<String> args = new ArrayList<>(List.of("experiment", "--preset", "custom"));
        for (int i = 0; i < SETTINGS.size() - 2; i++) {
            args.add(SETTINGS.get(i));
        }
        args.addAll(List.of("--set", "generate.observations=240", "--set", "train.depth=3", "--set",
                "generate.seed=2", "--set", "train.tolerance=0.00012", "--out", single.toString()));
        CliRun experiment = CliRun.of(args.toArray(String[]::new));
        assertThat(experiment.exitCode()).as(experiment.err()).isZero();
        Map<String, byte[]> point = files(one.resolve("points/observations-240_depth-3_seed-2"));
        Map<String, byte[]> alone = files(single);
        assertThat(point.keySet()).containsAll(alone.keySet()).contains("sweep-rows.csv");
        int compared = 0;
        for (String name : alone.keySet()) {
            if (!name.equals(OutputManifest.NAME)) {
                assertThat(point.get(name)).as(name).isEqualTo(alone.get(name));
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(13);
    }

    @Test
    void completionRunsStopAtTheTrainMseOfStopMse() throws IOException {
        Path out = dir.resolve("mse");
        assertThat(CliRun.of(sweep(out, GRID)).exitCode()).isZero();
        List<String> table = Files.readAllLines(out.resolve("sweep.csv"));
        int stopped = 0;
        for (String row : table.subList(1, table.size())) {
            String[] cells = row.split(",");
            int observed = Integer.parseInt(cells[1]);
            double loss = Double.parseDouble(cells[7]);
            // the completion loss is ½ Σ over the M observed entries: train MSE = 2·loss/M
            double mse = 2 * loss / observed;
            if (cells[5].equals("tolerance")) {
                assertThat(mse).as(row).isLessThanOrEqualTo(1e-6);
                stopped++;
            } else {
                assertThat(cells[5]).isEqualTo("iterations");
                assertThat(cells[6]).isEqualTo("3000");
                assertThat(mse).as(row).isGreaterThan(1e-6);
            }
        }
        assertThat(stopped).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aSweepKilledForRealFinishesOnlyTheMissingPointsAndEndsLikeAnUninterruptedOne() throws Exception {
        Path whole = dir.resolve("whole");
        assertThat(CliRun.of(sweep(whole, GRID, "--workers", "2")).exitCode()).isZero();
        Path killed = dir.resolve("killed");
        // killed three times: while the first point trains (nothing complete yet), once 2 and once 5 points are
        // complete (the next one training or being written), each SIGKILL a few milliseconds after the moment seen
        int[] completeWhenKilled = {0, 2, 5};
        int kills = 0;
        int before = 0;
        for (int complete : completeWhenKilled) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), DmfLab.class.getName()));
            command.addAll(List.of(sweep(killed, GRID, "--workers", "1")));
            Process child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while ((completePoints(killed) < complete || complete == 0 && !Files.isDirectory(killed.resolve(
                    "points"))) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(10L * kills);
            assertThat(child.isAlive()).as("the sweep still runs when killed").isTrue();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleaning
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            kills++;
            int now = completePoints(killed);
            assertThat(now).as("kill " + kills).isBetween(Math.max(before, complete), 7);
            before = now;
            assertThat(killed.resolve("sweep.csv")).doesNotExist();
        }
        assertThat(kills).isEqualTo(3);
        CliRun resumed = CliRun.of(sweep(killed, GRID, "--workers", "2"));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("8 points, " + before + " already done, " + (8 - before) + " to run");
        assertSameFiles(killed, whole); // no staging left behind either
        CliRun again = CliRun.of(sweep(killed, GRID));
        assertThat(again.err()).contains("8 already done, 0 to run");
        assertSameFiles(killed, whole);
    }

    private static int completePoints(Path sweep) throws IOException {
        Path points = sweep.resolve("points");
        if (!Files.isDirectory(points)) {
            return 0;
        }
        try (Stream<Path> list = Files.list(points)) {
            return (int) list.filter(point -> Files.isRegularFile(point.resolve(OutputManifest.NAME))
                    && Files.isRegularFile(point.resolve("sweep-rows.csv"))).count();
        }
    }

    @Test
    void twoShardsCollectedEqualOneSweep() throws IOException {
        Path whole = dir.resolve("whole");
        assertThat(CliRun.of(sweep(whole, GRID)).exitCode()).isZero();
        // on one shared folder
        Path shared = dir.resolve("shared");
        CliRun first = CliRun.of(sweep(shared, GRID, "--shard", "1/2"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("shard 1/2: 4 points");
        assertThat(shared.resolve("sweep.csv")).doesNotExist();
        CliRun early = CliRun.of("collect", shared.toString());
        assertThat(early.exitCode()).isEqualTo(2);
        assertThat(early.err()).contains("lacks 4 of 8 points");
        assertThat(CliRun.of(sweep(shared, GRID, "--shard", "2/2")).exitCode()).isZero();
        CliRun collected = CliRun.of("collect", shared.toString());
        assertThat(collected.exitCode()).as(collected.err()).isZero();
        assertSameFiles(shared, whole);
        // on two machines: two folders, collected into the first
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertThat(CliRun.of(sweep(a, GRID, "--shard", "1/2")).exitCode()).isZero();
        assertThat(CliRun.of(sweep(b, GRID, "--shard", "2/2")).exitCode()).isZero();
        CliRun merged = CliRun.of("collect", a.toString(), b.toString());
        assertThat(merged.exitCode()).as(merged.err()).isZero();
        assertThat(merged.err()).contains("collect: 4 points from");
        assertSameFiles(a, whole);
    }

    @Test
    void twoShardProcessesStartedAtOnceOnOneFolderBothFinish() throws Exception {
        Path whole = dir.resolve("whole");
        assertThat(CliRun.of(sweep(whole, GRID)).exitCode()).isZero();
        Path shared = dir.resolve("together");
        List<Process> shards = new ArrayList<>();
        for (String shard : List.of("1/2", "2/2")) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), DmfLab.class.getName()));
            command.addAll(List.of(sweep(shared, GRID, "--shard", shard, "--workers", "1")));
            shards.add(new ProcessBuilder(command).redirectErrorStream(true).start());
        }
        for (Process shard : shards) {
            String said = new String(shard.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(shard.waitFor()).as(said).isZero();
        }
        CliRun collected = CliRun.of("collect", shared.toString());
        assertThat(collected.exitCode()).as(collected.err()).isZero();
        assertSameFiles(shared, whole);
    }

    @Test
    void aChangedGridIsRefusedAndAnExtendedOneRunsOnlyTheNewPoints() throws IOException {
        Path out = dir.resolve("grown");
        List<String> smaller = List.of("--vary", "generate.observations=120", "--vary", "train.depth=2,3", "--seeds",
                "1..2");
        assertThat(CliRun.of(sweep(out, smaller)).exitCode()).isZero();
        CliRun refused = CliRun.of(sweep(out, GRID));
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().lines().toList()).hasSize(1);
        assertThat(refused.err()).contains("holds a sweep with another plan").contains("--extend");
        CliRun changed = CliRun.of(sweep(out, List.of("--vary", "generate.observations=120", "--vary",
                "train.depth=2,4", "--seeds", "1..2"), "--extend"));
        assertThat(changed.exitCode()).isEqualTo(2);
        assertThat(changed.err()).contains("changes more than adding values");
        CliRun extended = CliRun.of(sweep(out, GRID, "--extend"));
        assertThat(extended.exitCode()).as(extended.err()).isZero();
        assertThat(extended.err()).contains("8 points, 4 already done, 4 to run");
        Path whole = dir.resolve("whole");
        assertThat(CliRun.of(sweep(whole, GRID)).exitCode()).isZero();
        assertSameFiles(out, whole);
    }

    @Test
    void badSweepsAreExitTwoWithOneLineBeforeAnythingIsWritten() {
        String[][] cases = {
                {"--shard", "3/2", "shard: '3/2' is not I/K"},
                {"--vary", "train.depth", "vary: 'train.depth' has no '='"},
                {"--vary", "train.depth=2,x", "set: train.depth=x: "},
                {"--vary", "train.depth/train.step=2/0.01,3", "each value must give 2 values joined by '/'"},
                {"--seeds", "3..1", "seeds: 3..1 is not a range"},
                {"--workers", "0", "workers: 0 is not a number of workers"},
                {"--recovered-below", "0", "recovered-below: the relative error below which a run counts as "
                        + "recovered must be positive and finite, got 0.0; e.g. --recovered-below 0.01"},
                {"--recovered-below", "Infinity", "recovered-below: the relative error below which a run counts as "
                        + "recovered must be positive and finite, got Infinity"}};
        for (String[] each : cases) {
            Path out = dir.resolve("bad");
            List<String> args = new ArrayList<>(List.of("sweep", "--set", "generate.seed=1", "--vary",
                    "train.iterations=10,20", each[0], each[1], "--out", out.toString()));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(each[2]).isEqualTo(2);
            assertThat(run.err().lines().toList()).as(each[2]).hasSize(1);
            assertThat(run.err()).as(each[2]).contains(each[2]);
            assertThat(out).as(each[2]).doesNotExist();
        }
        CliRun mse = CliRun.of("sweep", "--preset", "plateaus", "--vary", "train.iterations=10,20", "--stop-mse",
                "1e-6", "--out", dir.resolve("m").toString());
        assertThat(mse.exitCode()).isEqualTo(2);
        assertThat(mse.err()).contains("stop-mse: needs completion runs");
    }
}
