package org.dmflab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dmflab.cli.io.OutputDirectory;
import org.dmflab.core.chart.ChartRenderer;
import org.dmflab.core.chart.TrackChartSet;
import org.dmflab.core.chart.TrackCharts;
import org.dmflab.core.csv.CsvMatrixReader;
import org.dmflab.core.csv.CsvTableReader;
import org.dmflab.core.csv.CsvTableWriter;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.spectrum.SpectrumTracker;
import org.dmflab.core.spectrum.TrackConfig;
import org.dmflab.core.spectrum.TrackInput;
import org.dmflab.core.spectrum.TrackResult;
import org.dmflab.core.spectrum.TrackSettings;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.MatrixTables;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.Table;
import org.dmflab.core.theory.PredictionTables;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dmflab track}: the Spectrum Tracker (docs/design.md §3, §4). Writes plateaus.csv, hitting.csv and the charts
 * eigenvalues.png, effective-rank.png and loss.png (800×500), all or nothing.
 */
@Command(name = "track", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Track a recorded run: effective-rank plateaus, first hitting iterations of the target's "
                + "eigenvalues, monotonicity of the effective rank, and charts.",
                "Writes plateaus.csv, hitting.csv, eigenvalues.png, effective-rank.png and loss.png."})
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
     * Every column a trace of a target within the engine's size limit can have: the lambda and sigma columns may hold
     * missing cells (design.md §2), which an inferred CSV column would refuse.
     */
    private static final List<Column> TRACE_COLUMNS = Schemas.trace(GroundTruthSettings.MAX_SIZE,
            GroundTruthSettings.MAX_SIZE);

    @Mixin
    OutputOptions outputOptions;

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

            TrackResult result = SpectrumTracker.track(input, config, progress);
            TrackChartSet charts = TrackCharts.all(result);
            CsvTableWriter.write(result.plateausTable(), output.file("plateaus.csv"), progress);
            CsvTableWriter.write(result.hittingTable(), output.file("hitting.csv"), progress);
            for (int c = 0; c < TrackChartSet.NAMES.size(); c++) {
                Files.write(output.file(TrackChartSet.NAMES.get(c) + ".png"), ChartRenderer.png(charts.all().get(c),
                        ChartRenderer.DEFAULT_WIDTH, ChartRenderer.DEFAULT_HEIGHT));
            }
            output.commit();
            PrintWriter printed = spec.commandLine().getOut();
            printed.println(result.summary());
            printed.printf(Locale.ROOT, "wrote %s: plateaus.csv, hitting.csv, eigenvalues.png, effective-rank.png, loss.png%n",
                    output.finalFile(""));
        }
        return ExitCode.OK;
    }
}
