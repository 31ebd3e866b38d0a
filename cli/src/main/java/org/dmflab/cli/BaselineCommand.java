package org.dmflab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dmflab.cli.io.OutputDirectory;
import org.dmflab.cli.io.SummaryJson;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.baseline.AffineConstraint;
import org.dmflab.core.baseline.LinearMeasurements;
import org.dmflab.core.baseline.NuclearNormConfig;
import org.dmflab.core.baseline.NuclearNormResult;
import org.dmflab.core.baseline.NuclearNormSettings;
import org.dmflab.core.baseline.NuclearNormSolver;
import org.dmflab.core.baseline.ObservedEntries;
import org.dmflab.core.csv.CsvTableWriter;
import org.dmflab.core.model.Observations;
import org.dmflab.core.model.SensingData;
import org.dmflab.core.settings.Setting;
import org.dmflab.core.table.MatrixTables;
import org.dmflab.core.table.Table;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dmflab baseline}: the Nuclear Norm Baseline (docs/design.md §3, §4; docs/theory.md §8.4). Writes solution.csv
 * and summary.csv, prints a one-line summary; progress goes to stderr.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solve min ‖W‖_* subject to the observed entries (matrix completion) or the measurements "
                + "(matrix sensing): the convex baseline deep factorization is compared with.",
                "Writes solution.csv (W) and summary.csv (nuclear norm, lower bound, gap, residual, rank, relative "
                        + "error, iterations, outcome) into --out, and prints one line."})
final class BaselineCommand implements Callable<Integer>, SettingsOptions.Declared {
    @Spec
    CommandSpec spec;

    @Option(names = "--observations", paramLabel = "CSV",
            description = "Matrix completion: the observed entries (observations.csv from dmflab generate "
                    + "--observations: row, column 1-based, value).")
    Path observations;

    @Option(names = "--measurements", paramLabel = "CSV",
            description = "Matrix sensing: the measurements (measurements.csv from dmflab generate --measurements).")
    Path measurements;

    @Option(names = "--target", paramLabel = "CSV",
            description = "The full matrix Φ (matrix.csv): gives the shape of W and the truth for relative_error.")
    Path target;

    @Option(names = "--shape", paramLabel = "MxN",
            description = "Without --target: the shape m×n of W, e.g. 100x100 (relative_error stays empty).")
    String shape;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (solution.csv, "
            + "summary.csv); written completely or not at all.")
    Path out;

    @Mixin
    OutputOptions outputOptions;

    @Override
    public List<Setting> settings() {
        return NuclearNormSettings.SETTINGS;
    }

    @Override
    public Integer call() throws Exception {
        NuclearNormConfig config = NuclearNormSettings.parse(SettingsOptions.of(spec, NuclearNormSettings.SETTINGS));
        if ((observations == null) == (measurements == null)) {
            throw new InvalidInputException(observations == null ? "--observations" : "--measurements", "give "
                    + "exactly one of --observations (matrix completion) and --measurements (matrix sensing)");
        }
        ProblemFiles.requireOneShape(target, shape, "the shape of W comes from");
        try (OutputDirectory output = outputOptions.open(out, target, observations, measurements);
             StderrProgress progress = StderrProgress.of(spec, "baseline")) {
            ProblemFiles.Shape size = ProblemFiles.shape(target, shape, progress);
            Optional<DMatrixRMaj> truth = size.full();
            AffineConstraint constraint = observations != null
                    ? new ObservedEntries(ProblemFiles.observations(observations, size.rows(), size.cols(), progress))
                    : new LinearMeasurements(ProblemFiles.measurements(measurements, size.rows(), size.cols(),
                    progress), measurements.toString());
            NuclearNormResult result = NuclearNormSolver.solve(constraint, config, progress);
            CsvTableWriter.write(MatrixTables.toTable(result.solution()), output.file("solution.csv"), progress);
            Table summary = result.summaryTable(truth);
            CsvTableWriter.write(summary, output.file("summary.csv"), progress);
            SummaryJson.of("baseline").put("converged", result.converged()).put("result", SummaryJson.row(summary, 0))
                    .writeTo(output.file(SummaryJson.NAME));
            output.commit();
            spec.commandLine().getOut().printf(Locale.ROOT, "%s after %d iterations: nuclear norm %.6g (gap %.1e), "
                            + "rank %d, relative residual %.1e%s; wrote %s and %s%n", result.outcome(),
                    result.iterations(), result.nuclearNorm(), result.gap(), result.rank(), result.relativeResidual(),
                    truth.map(t -> String.format(Locale.ROOT, ", relative error %.4g", result.relativeError(t)))
                            .orElse(""), output.finalFile("solution.csv"), output.finalFile("summary.csv"));
        }
        return ExitCode.OK;
    }
}
