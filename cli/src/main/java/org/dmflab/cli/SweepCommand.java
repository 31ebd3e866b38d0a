package org.dmflab.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.dmflab.cli.io.ChartFiles;
import org.dmflab.cli.io.OutputDirectory;
import org.dmflab.cli.io.SummaryJson;
import org.dmflab.cli.io.SweepDirectory;
import org.dmflab.core.Checks;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.Progress;
import org.dmflab.core.chart.ChartRenderer;
import org.dmflab.core.csv.CsvTableReader;
import org.dmflab.core.csv.CsvTableWriter;
import org.dmflab.core.experiment.preset.ExperimentPreset;
import org.dmflab.core.experiment.run.ExperimentRun;
import org.dmflab.core.experiment.run.ExperimentRunner;
import org.dmflab.core.experiment.preset.PresetVariants;
import org.dmflab.core.experiment.preset.SettingOverride;
import org.dmflab.core.experiment.analysis.SweepCharts;
import org.dmflab.core.experiment.preset.SweepPlan;
import org.dmflab.core.experiment.analysis.SweepTable;
import org.dmflab.core.table.Table;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dmflab sweep}: an experiment over a grid of settings × seeds in one JVM, on several workers; each point is the
 * folder {@code dmflab experiment} would write with the same settings, written all or nothing, so a killed sweep
 * started again with the same arguments finishes only the missing points. {@code --shard i/k} runs one of k disjoint
 * parts (a cluster job array); the sweep's table and charts are written once every point is there (here, or by
 * {@code dmflab collect}). See docs/design.md §4.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run an experiment over a grid of settings and seeds: one folder per point (as dmflab "
                + "experiment writes it), then sweep.csv (one row per point, seed and run) and the charts: final "
                + "error against a swept value, and a phase diagram of two swept settings.",
                "Killed and started again with the same arguments, it finishes only the missing points."})
final class SweepCommand implements Callable<Integer> {
    static final String COMMAND = "dmflab sweep";

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME", description = "The experiment swept: a preset (dmflab experiment "
            + "--list), or " + PresetVariants.CUSTOM + " (default): one run of the settings given here.")
    String preset = PresetVariants.CUSTOM;

    @Option(names = "--set", paramLabel = "STAGE.KEY=VALUE", description = "A setting of every point, e.g. "
            + "train.loss=completion (as dmflab experiment --set). Repeatable.")
    List<String> fixed = new ArrayList<>();

    @Option(names = "--vary", paramLabel = "STAGE.KEY=V1,V2,…", description = "A swept setting and its values, e.g. "
            + "train.depth=2,3,4; keys that change together are joined by '/': train.depth/train.step=2/0.01,3/0.005. "
            + "Separate values with ';' when they hold commas. Repeatable: the grid is every combination.")
    List<String> axes = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "LIST", description = "Seeds of every grid point, e.g. 1..10 or 1,2,5; "
            + "they set --seed-key.")
    String seeds;

    @Option(names = "--seed-key", paramLabel = "STAGE.KEY", description = "The setting the seeds set; default "
            + "generate.seed (target and observed entries); train.seed for random starts.")
    String seedKey = "generate.seed";

    @Option(names = "--stop-mse", paramLabel = "MSE", description = "Stop each completion run when its mean squared "
            + "error over the observed entries is at most MSE (Arora et al. 2019: 1e-6): sets train.tolerance to "
            + "MSE·M/2 for M observed entries.")
    BigDecimal stopMse;

    @Option(names = "--recovered-below", paramLabel = "ERROR", description = "A run recovers the target when its final "
            + "relative error ‖W − Φ‖_F/‖Φ‖_F is at most this (phase diagram); default 0.01.")
    double recoveredBelow = SweepPlan.DEFAULT_RECOVERED_BELOW;

    @Option(names = "--workers", paramLabel = "W", description = "Points run at the same time; default: the number "
            + "of cores. The results do not depend on it.")
    Integer workers;

    @Option(names = "--shard", paramLabel = "I/K", description = "Run only the I-th of K disjoint parts of the grid "
            + "(1 ≤ I ≤ K), e.g. one task of a cluster job array; then dmflab collect writes the table and charts.")
    String shard;

    @Option(names = "--extend", description = "Add the values of this grid to the sweep in --out, which was started "
            + "with fewer values of the same swept settings.")
    boolean extend;

    @Option(names = "--out", paramLabel = "DIR", description = "The sweep's folder; default dmflab-sweep.")
    Path out = Path.of("dmflab-sweep");

    @Override
    public Integer call() throws Exception {
        SweepPlan plan = plan();
        int[] part = shard();
        int threads = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        if (threads < 1) {
            throw new InvalidInputException("workers", threads + " is not a number of workers; give 1 or more");
        }
        ExperimentPreset base = ExperimentCommand.variant(plan.preset(), List.of());
        List<SweepPlan.Point> points = part == null ? plan.points() : plan.shard(part[0], part[1]);
        // every point's settings are checked before the first one runs
        for (SweepPlan.Point point : points) {
            PresetVariants.apply(base, point.changes());
        }
        SweepDirectory folder = SweepDirectory.open(out, plan, extend, COMMAND, DmfLab.VERSION);
        List<SweepPlan.Point> missing = points.stream().filter(point -> !folder.complete(point.name())).toList();
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "sweep: %d points%s, %d already done, %d to run on %d workers%n", points.size(),
                part == null ? "" : " in shard " + part[0] + "/" + part[1], points.size() - missing.size(),
                missing.size(), Math.min(threads, Math.max(1, missing.size())));
        err.flush();
        runAll(folder, base, missing, threads, err);
        PrintWriter stdout = spec.commandLine().getOut();
        if (part != null) {
            stdout.printf(Locale.ROOT, "shard %d/%d: %d points in %s; when every shard is done: dmflab collect %s%n",
                    part[0], part[1], points.size(), folder.root(), folder.root());
            return ExitCode.OK;
        }
        collect(folder, stdout);
        return ExitCode.OK;
    }

    private SweepPlan plan() {
        List<SettingOverride> changes = fixed.stream().map(text -> SettingOverride.parse(text, "set")).toList();
        List<SweepPlan.Axis> grid = axes.stream().map(text -> SweepPlan.Axis.parse(text, "vary")).toList();
        Optional<SweepPlan.Axis> seedAxis = Optional.ofNullable(seeds).map(list -> SweepPlan.Axis.seeds(
                SettingOverride.SettingKey.parse(seedKey, "seed-key"), list, "seeds"));
        Checks.positive("recovered-below", recoveredBelow, "the relative error below which a run counts as "
                + "recovered", "e.g. --recovered-below " + SweepPlan.DEFAULT_RECOVERED_BELOW);
        if (stopMse != null && stopMse.signum() <= 0) {
            throw new InvalidInputException("stop-mse", stopMse + " is not a positive mean squared error");
        }
        return new SweepPlan(preset, changes, grid, seedAxis, Optional.ofNullable(stopMse), recoveredBelow);
    }

    private int[] shard() {
        if (shard == null) {
            return null;
        }
        String[] parts = shard.split("/", -1);
        try {
            int index = Integer.parseInt(parts[0].trim());
            int count = Integer.parseInt(parts[1].trim());
            if (parts.length == 2 && count >= 1 && index >= 1 && index <= count) {
                return new int[]{index, count};
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // refused below
        }
        throw new InvalidInputException("shard", InvalidInputException.quote(shard) + " is not I/K with 1 ≤ I ≤ K, "
                + "e.g. 2/8");
    }

    /** Runs the points on {@code threads} workers; the first failure stops the rest and is thrown. */
    private static void runAll(SweepDirectory folder, ExperimentPreset base, List<SweepPlan.Point> points, int threads,
                               PrintWriter err) throws Exception {
        if (points.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, points.size()), task -> {
            Thread thread = new Thread(task, "dmflab-sweep");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SweepPlan.Point point : points) {
                futures.add(pool.submit(() -> {
                    runPoint(folder, base, point);
                    int count = done.incrementAndGet();
                    synchronized (err) {
                        err.printf(Locale.ROOT, "sweep: %d/%d %s (%.1f s)%n", count, points.size(), point.name(),
                                (System.nanoTime() - start) / 1e9);
                        err.flush();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException failed) {
                    futures.forEach(other -> other.cancel(true));
                    Throwable cause = failed.getCause();
                    if (cause instanceof Exception exception) {
                        throw exception;
                    }
                    throw (Error) cause;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs one point and writes its folder as {@code dmflab experiment} would, plus its rows of the sweep table; all
     * or nothing: staged in this process's work folder, then moved into points/ complete. Writing is one at a time:
     * chart drawing switches a JFreeChart-wide text setting while it draws SVG.
     */
    private static void runPoint(SweepDirectory folder, ExperimentPreset base, SweepPlan.Point point)
            throws IOException {
        ExperimentRun run = ExperimentRunner.run(PresetVariants.apply(base, point.changes()), Progress.NONE);
        Table rows = SweepTable.rows(folder.plan(), point, run);
        Path staged = folder.work().resolve(point.name());
        synchronized (SweepCommand.class) {
            try (OutputDirectory directory = OutputDirectory.open(staged, false, COMMAND, DmfLab.VERSION, List.of())) {
                ExperimentCommand.write(run, directory, Progress.NONE);
                CsvTableWriter.write(rows, directory.file(SweepTable.POINT_FILE), Progress.NONE);
                directory.commit();
            }
        }
        folder.publish(staged);
    }

    /**
     * Writes the sweep's table, charts (PNG and SVG) and summary into its folder, once every point is complete; the
     * same bytes whichever process ran which point.
     */
    static void collect(SweepDirectory folder, PrintWriter stdout) throws IOException {
        SweepPlan plan = folder.plan();
        List<SweepPlan.Point> points = plan.points();
        List<String> missing = points.stream().map(SweepPlan.Point::name).filter(name -> !folder.complete(name))
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("sweep", folder.root() + " lacks " + missing.size() + " of "
                    + points.size() + " points (e.g. " + missing.get(0) + "); run the missing shards, or dmflab "
                    + "sweep with the same arguments, which runs them");
        }
        folder.removeWork();
        List<Table> parts = new ArrayList<>();
        for (SweepPlan.Point point : points) {
            parts.add(CsvTableReader.read(folder.point(point.name()).resolve(SweepTable.POINT_FILE),
                    SweepTable.columns(plan), "Row", Progress.NONE));
        }
        Table table = SweepTable.merge(plan, parts);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        CsvTableWriter.write(table, csv, Progress.NONE);
        folder.write(SweepTable.FILE, csv.toByteArray());
        List<String> files = new ArrayList<>(List.of(SweepTable.FILE));
        for (Map.Entry<String, JFreeChart> chart : SweepCharts.of(plan, table).entrySet()) {
            String png = chart.getKey();
            String svg = png.replaceFirst("\\.png$", ".svg");
            folder.write(png, ChartRenderer.png(chart.getValue(), ChartRenderer.DEFAULT_WIDTH,
                    ChartRenderer.DEFAULT_HEIGHT));
            folder.write(svg, ChartFiles.svg(chart.getValue(), ChartRenderer.DEFAULT_WIDTH,
                    ChartRenderer.DEFAULT_HEIGHT).getBytes(StandardCharsets.UTF_8));
            files.add(png);
            files.add(svg);
        }
        long recovered = java.util.stream.IntStream.range(0, table.rowCount()).filter(row -> table.doubleAt(row,
                table.indexOf("final_relative_error")) <= plan.recoveredBelow()).count();
        SummaryJson summary = SummaryJson.of("sweep").put("preset", plan.preset()).put("points", points.size())
                .put("rows", table.rowCount()).put("recovered_rows", recovered)
                .put("recovered_below", plan.recoveredBelow()).put("charts", files.subList(1, files.size()));
        Path summaryFile = folder.root().resolve("." + SummaryJson.NAME + ".partial");
        summary.writeTo(summaryFile);
        folder.write(SummaryJson.NAME, java.nio.file.Files.readAllBytes(summaryFile));
        java.nio.file.Files.delete(summaryFile);
        files.add(SummaryJson.NAME);
        folder.mark(COMMAND, DmfLab.VERSION, files);
        stdout.printf(Locale.ROOT, "sweep of %s: %d points, %d rows, %d of them recovered (relative error ≤ %s); "
                        + "wrote %s (%s)%n", plan.preset(), points.size(), table.rowCount(), recovered,
                plan.recoveredBelow(), folder.root(), String.join(", ", files));
    }
}
