package org.dmflab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dmflab.cli.io.OutputDirectory;
import org.dmflab.core.csv.CsvMatrixReader;
import org.dmflab.core.csv.CsvTableReader;
import org.dmflab.core.csv.CsvTableWriter;
import org.dmflab.core.groundtruth.SensingData;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.train.TrainConfig;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.core.train.Trainer;
import org.dmflab.core.train.TrainingPlan;
import org.dmflab.core.train.TrainingResult;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dmflab train}: the Deep Factorization Trainer (docs/design.md §3, §4). Writes trace.csv and product.csv, prints a
 * one-line summary; warnings and progress go to stderr.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a deep factorization W = W_N ⋯ W₁ of a target matrix by gradient descent (or its exact "
                + "spectral form, or gradient flow).",
                "Writes trace.csv (one row per recorded iteration) and product.csv (the final W) into --out, and "
                        + "prints one line: solver used, iterations run, final loss, effective rank."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "CSV",
            description = "The target matrix Φ as a matrix table (e.g. matrix.csv from dmflab generate).")
    Path target;

    @Option(names = "--measurements", paramLabel = "CSV",
            description = "Matrix-sensing measurements (measurements.csv from dmflab generate --measurements); "
                    + "used with --loss sensing.")
    Path measurements;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "" + TrainSettings.DEFAULT_DEPTH,
            description = "Number of factors N ≥ 1; default ${DEFAULT-VALUE}.")
    int depth;

    @Option(names = "--step", paramLabel = "ETA", defaultValue = "" + TrainSettings.DEFAULT_STEP,
            description = "Step size η > 0; default ${DEFAULT-VALUE}. A step above the admissible bound ((10′), (14′) "
                    + "for perturbed) is reported as a warning.")
    double step;

    @Option(names = "--init", paramLabel = "INIT", description = "identity (all factors αI; default), perturbed "
            + "(W₁ = βI, the others αI) or gaussian (i.i.d. N(0, σ²) entries; needs --seed).")
    String init;

    @Option(names = "--alpha", paramLabel = "ALPHA", defaultValue = "" + TrainSettings.DEFAULT_ALPHA,
            description = "Initialization scale α > 0; default ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--beta", paramLabel = "BETA", description = "Perturbed start: β in (0, α); default α/2.")
    Double beta;

    @Option(names = "--sigma", paramLabel = "SIGMA", defaultValue = "" + TrainSettings.DEFAULT_SIGMA,
            description = "Gaussian start: standard deviation σ > 0; default ${DEFAULT-VALUE}.")
    double sigma;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the Gaussian start (required for it).")
    Long seed;

    @Option(names = "--iterations", paramLabel = "K", defaultValue = "" + TrainSettings.DEFAULT_ITERATIONS,
            description = "Iteration budget ≥ 1; default ${DEFAULT-VALUE}.")
    long iterations;

    @Option(names = "--tolerance", paramLabel = "LOSS", defaultValue = "" + TrainSettings.DEFAULT_TOLERANCE,
            description = "Stop as soon as the loss is ≤ LOSS; default ${DEFAULT-VALUE} (run all iterations).")
    double tolerance;

    @Option(names = "--record", paramLabel = "SPEC", defaultValue = TrainSettings.DEFAULT_RECORD,
            description = "Recorded iterations: every:K or log:P (P log-spaced points); iteration 0 and the last are "
                    + "always recorded. Default ${DEFAULT-VALUE}.")
    String record;

    @Option(names = "--solver", paramLabel = "SOLVER", description = "auto (default: spectral where exact, else "
            + "matrix), matrix (gradient descent on the factors), spectral (exact recursions; symmetric target, "
            + "identity or perturbed start, full loss) or flow (gradient flow at t = η·k; same conditions).")
    String solver;

    @Option(names = "--loss", paramLabel = "LOSS", description = "full (½‖W − Φ‖²_F; default) or sensing "
            + "(½ Σ(⟨Aᵢ, W⟩ − yᵢ)²; needs --measurements).")
    String loss;

    @Option(names = "--width", paramLabel = "W", description = "Inner width of the factors (W₁ is W×n, W_N is "
            + "m×W); default n, the target's column count.")
    Integer width;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (trace.csv, "
            + "product.csv); written completely or not at all.")
    Path out;

    @Mixin
    OutputOptions outputOptions;

    @Override
    public Integer call() throws Exception {
        RawSettings raw = SettingsOptions.of(spec, TrainSettings.KEYS);
        TrainConfig config = TrainSettings.parse(raw);
        try (OutputDirectory output = outputOptions.open(out);
             StderrProgress progress = StderrProgress.of(spec, "train")) {
            DMatrixRMaj matrix = CsvMatrixReader.read(target, progress);
            Optional<SensingData> sensing = measurements == null ? Optional.empty()
                    : Optional.of(SensingData.fromTable(CsvTableReader.read(measurements, Map.of(), "m", progress),
                    matrix.numRows, matrix.numCols, measurements.toString()));
            TrainingPlan plan = Trainer.plan(config, matrix, sensing, progress);
            PrintWriter err = spec.commandLine().getErr();
            for (String warning : plan.warnings()) {
                err.println("dmflab train: warning: " + warning);
            }
            err.flush();
            TrainingResult result = plan.run(progress);
            CsvTableWriter.write(result.traceTable(), output.file("trace.csv"), progress);
            CsvTableWriter.write(result.productTable(), output.file("product.csv"), progress);
            output.commit();
            spec.commandLine().getOut().printf("%s; wrote %s (%d rows) and %s%n", result.summary(),
                    output.finalFile("trace.csv"), result.trace().size(), output.finalFile("product.csv"));
        }
        return ExitCode.OK;
    }
}
