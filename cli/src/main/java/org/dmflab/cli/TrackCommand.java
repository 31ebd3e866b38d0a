package org.dmflab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dmflab.cli.io.ChartFiles;
import org.dmflab.cli.io.OutputDirectory;
import org.dmflab.cli.io.OutputManifest;
import org.dmflab.cli.io.SummaryJson;
import org.dmflab.core.chart.TrackChartSet;
import org.dmflab.core.chart.TrackCharts;
import org.dmflab.core.csv.CsvMatrixReader;
import org.dmflab.core.csv.CsvTableReader;
import org.dmflab.core.csv.CsvTableWriter;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.track.SpectrumTracker;
import org.dmflab.core.track.TrackConfig;
import org.dmflab.core.track.TrackInput;
import org.dmflab.core.track.TrackResult;
import org.dmflab.core.track.TrackSettings;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.MatrixTables;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.Table;
import org.dmflab.core.predict.PredictionTables;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dmflab track}: the Spectrum Tracker (docs/design.md §3, §4). Writes plateaus.csv, hitting.csv and the charts
 * eigenvalues, effective-rank and loss as .png (800×500) and .svg, and summary.json, all or nothing.
 */
@Command(name = "track", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Track a recorded run: effective-rank plateaus, first hitting iterations of the target's "
                + "eigenvalues, monotonicity of the effective rank, and charts.",
                "Writes plateaus.csv, hitting.csv, summary.json and the charts eigenvalues, effective-rank and loss, "
                        + "each as .png and .svg."})
final class TrackCommand implements Callable<Integer>, SettingsOptions.Declared {

    @Spec
    CommandSpec spec;

    @Option(names = "--trace", required = true, paramLabel = "CSV", description = "The run's trace.csv (dmflab train).")
    Path trace;

    @ArgGroup(exclusive = true)
    Target target;

    static final class Target {
        @Option(names = "--target", paramLabel = "CSV", description = "The target matrix (matrix.csv); its spectrum "
                + "is computed.")
        Path matrix;

        @Option(names = "--spectrum", paramLabel = "CSV", description = "The target's spectrum.csv instead of the "
                + "matrix.")
        Path spectrum;
    }

    @Option(names = "--predicted", paramLabel = "CSV", description = "The predictor's plateaus.csv: its certified "
            + "intervals and bounds are copied into plateaus.csv and shaded in the effective-rank chart.")
    Path predicted;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory, written "
            + "completely or not at all.")
    Path out;

    /**
     * Every column a trace of a target within the engine's size limit can have: in tables of older versions the lambda,
     * sigma and error columns may hold missing cells (design.md §2), which an inferred CSV column would refuse.
     */
    static final List<Column> TRACE_COLUMNS = Schemas.traceColumnsUpTo(GroundTruthSettings.MAX_SIZE);

    @Mixin
    OutputOptions outputOptions;

    /**
     * The key numbers (design.md §4): the trace's extent and whether its run was interrupted, plateaus observed, values
     * learned, the effective rank's monotonicity.
     */
    private static SummaryJson summary(TrackResult result, Optional<String> interrupted) {
        var trace = result.input().trace();
        var monotonicity = result.monotonicity();
        return SummaryJson.of("track")
                .put("trace_interrupted", interrupted.orElse(null))
                .put("points", trace.size())
                .put("first_iteration", trace.iteration(0))
                .put("last_iteration", trace.iteration(trace.size() - 1))
                .put("levels", result.plateaus().size())
                .put("plateaus_observed", result.plateaus().stream().filter(p -> p.observed().isPresent()).count())
                .put("values", result.hittings().size())
                .put("values_learned", result.hittings().stream().filter(h -> h.kHit().isPresent()).count())
                .put("effective_rank_monotone", monotonicity.monotone())
                .put("first_minimum_iteration", monotonicity.firstMinimumIteration())
                .put("first_drop_iteration", monotonicity.firstViolation().isPresent()
                        ? monotonicity.firstViolation().getAsLong() : null);
    }

    @Override
    public java.util.List<org.dmflab.core.settings.Setting> settings() {
        return TrackSettings.SETTINGS;
    }

    @Override
    public Integer call() throws Exception {
        RawSettings raw = SettingsOptions.of(spec, TrackSettings.SETTINGS);
        TrackConfig config = TrackSettings.parse(raw);

        try (OutputDirectory output = outputOptions.open(out, trace, predicted,
                target == null ? null : target.matrix, target == null ? null : target.spectrum);
             StderrProgress progress = StderrProgress.of(spec, "track")) {
            Table traceTable = CsvTableReader.read(trace, TRACE_COLUMNS, "", progress);
            Optional<Path> targetFile = target == null ? Optional.empty()
                    : Optional.of(target.matrix != null ? target.matrix : target.spectrum);
            Optional<Table> targetTable = Optional.empty();
            if (target != null && target.matrix != null) {
                targetTable = Optional.of(MatrixTables.toTable(CsvMatrixReader.read(target.matrix, progress)));
            } else if (target != null) {
                targetTable = Optional.of(CsvTableReader.read(target.spectrum, Schemas.SPECTRUM, "",
                        progress));
            }
            Optional<Table> predictedTable = predicted == null ? Optional.empty()
                    : Optional.of(CsvTableReader.read(predicted, PredictionTables.PLATEAUS, "", progress));
            TrackInput input = TrackInput.fromTables(traceTable, trace.toString(), targetTable,
                    targetFile.map(Path::toString).orElse("target"), predictedTable,
                    predicted == null ? "predicted" : predicted.toString());

            Optional<String> interrupted = OutputManifest.interruption(trace.toAbsolutePath().getParent());
            interrupted.ifPresent(where -> {
                PrintWriter err = spec.commandLine().getErr();
                err.println("dmflab track: warning: --trace: " + trace + " is from a train run interrupted " + where
                        + " (Ctrl-C); its last row is where it stopped, not the end of its budget");
                err.flush();
            });
            TrackResult result = SpectrumTracker.track(input, config, progress);
            TrackChartSet charts = TrackCharts.all(result);
            CsvTableWriter.write(result.plateausTable(), output.file("plateaus.csv"), progress);
            CsvTableWriter.write(result.hittingTable(), output.file("hitting.csv"), progress);
            for (int c = 0; c < TrackChartSet.NAMES.size(); c++) {
                ChartFiles.write(output, TrackChartSet.NAMES.get(c), charts.all().get(c));
            }
            summary(result, interrupted).writeTo(output.file(SummaryJson.NAME));
            output.commit();
            PrintWriter printed = spec.commandLine().getOut();
            printed.println(result.summary());
            printed.printf(Locale.ROOT, "wrote %s: plateaus.csv, hitting.csv, eigenvalues, effective-rank and loss (.png and .svg), summary.json%n",
                    output.finalFile(""));
        }
        return ExitCode.OK;
    }
}
