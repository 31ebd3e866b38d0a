package org.dmflab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dmflab.cli.io.OutputDirectory;
import org.dmflab.cli.io.SummaryJson;
import org.dmflab.core.Progress;
import org.dmflab.core.csv.CsvMatrixReader;
import org.dmflab.core.csv.CsvTableWriter;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.model.Observations;
import org.dmflab.core.model.SensingData;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.table.Table;
import org.dmflab.core.loss.LossKind;
import org.dmflab.core.train.TrainConfig;
import org.dmflab.core.train.EarlyStop;
import org.dmflab.core.train.StopReason;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.core.train.TrainingInterruptedException;
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
                "Writes trace.csv (one row per recorded iteration), product.csv (the final W), with --factors "
                        + "factors.csv (W₁ … W_N), and summary.json into --out, and prints one line: solver used, iterations run, final loss, effective rank.",
                "Ctrl-C keeps what was computed: trace and product up to the last completed iteration, marked as "
                        + "interrupted (summary.json, .dmflab-output); exit 130."})
final class TrainCommand implements Callable<Integer>, SettingsOptions.Declared {
    @Spec
    CommandSpec spec;

    @Option(names = "--target", paramLabel = "CSV",
            description = "The target matrix Φ as a matrix table (e.g. matrix.csv from dmflab generate). Required, "
                    + "except for --loss completion, where it is the full truth for the error columns and, without "
                    + "it, --shape gives the shape.")
    Path target;

    @Option(names = "--observations", paramLabel = "CSV",
            description = "Matrix completion: the observed entries (observations.csv from dmflab generate "
                    + "--observations: row, column 1-based, value); used with --loss completion.")
    Path observations;

    @Option(names = "--shape", paramLabel = "MxN",
            description = "Matrix completion without --target: the shape m×n of W, e.g. 100x100.")
    String shape;

    @Option(names = "--measurements", paramLabel = "CSV",
            description = "Matrix-sensing measurements (measurements.csv from dmflab generate --measurements); "
                    + "used with --loss sensing.")
    Path measurements;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (trace.csv, "
            + "product.csv); written completely or not at all.")
    Path out;

    @Option(names = "--factors", description = "Also write factors.csv: the final factors W₁ … W_N, one row per "
            + "factor row (columns factor, row, c1 …; a narrower factor's other cells empty).")
    boolean factors;

    @Mixin
    OutputOptions outputOptions;

    @Override
    public java.util.List<org.dmflab.core.settings.Setting> settings() {
        return TrainSettings.SETTINGS;
    }

    @Override
    public Integer call() throws Exception {
        RawSettings raw = SettingsOptions.of(spec, TrainSettings.SETTINGS);
        TrainConfig config = TrainSettings.parse(raw);
        try (OutputDirectory output = outputOptions.open(out, target, observations, measurements);
             StderrProgress progress = StderrProgress.of(spec, "train")) {
            TrainingPlan plan = config.loss() == LossKind.COMPLETION ? completionPlan(config, progress)
                    : plan(config, progress);
            PrintWriter err = spec.commandLine().getErr();
            for (String warning : plan.warnings()) {
                err.println("dmflab train: warning: " + warning);
            }
            err.flush();
            Interruption.keepsPartialOutput();
            TrainingResult result;
            try {
                result = plan.run(progress);
            } catch (TrainingInterruptedException interrupted) {
                return keepInterrupted(interrupted, plan, output, err);
            }
            write(result, plan, output, progress, factors);
            output.commit();
            result.earlyStop().ifPresent(stop -> err.println("dmflab train: stop-at=" + plan.config().stopAt().text()
                    + ": " + stop.reason() + "; rule: " + stop.rule().basis()));
            err.flush();
            spec.commandLine().getOut().printf(Locale.ROOT, "%s, kernel %s; wrote %s (%d rows) and %s%n", result.summary(),
                    plan.kernel(), output.finalFile("trace.csv"), result.trace().size(), output.finalFile("product.csv"));
        }
        return ExitCode.OK;
    }

    /**
     * Ctrl-C: the trace and product up to the last completed iteration k, committed as an interrupted output (its
     * manifest and summary.json say so), one line on stderr, exit 130. The files equal those of a run with budget k
     * (record every:K; log:P spaces its points over the budget).
     */
    private int keepInterrupted(TrainingInterruptedException interrupted, TrainingPlan plan, OutputDirectory output,
                                PrintWriter err) throws IOException {
        TrainingResult partial = interrupted.partial();
        write(partial, plan, output, Progress.NONE, factors); // the cancel is what is being answered: writing goes on
        output.commitInterrupted(interrupted.where());
        if (Interruption.claimLine()) {
            err.printf(Locale.ROOT, "dmflab train: interrupted %s; wrote %s (%d rows) and %s up to there, marked as "
                            + "interrupted%n", interrupted.where(), output.finalFile("trace.csv"), partial.trace().size(),
                    output.finalFile("product.csv"));
            err.flush();
        }
        return ExitCode.INTERRUPTED;
    }

    private static void write(TrainingResult result, TrainingPlan plan, OutputDirectory output, Progress progress,
                              boolean factors) throws IOException {
        CsvTableWriter.write(result.traceTable(), output.file("trace.csv"), progress);
        CsvTableWriter.write(result.productTable(), output.file("product.csv"), progress);
        if (factors) {
            CsvTableWriter.write(result.factorsTable(), output.file("factors.csv"), progress);
        }
        summary(result, plan).writeTo(output.file(SummaryJson.NAME));
    }

    /** The run's key numbers (design.md §4): why and where it stopped, and the trace's last row. */
    static SummaryJson summary(TrainingResult result, TrainingPlan plan) {
        Table trace = result.traceTable();
        return SummaryJson.of("train")
                .put("interrupted", result.stopReason() == StopReason.INTERRUPTED)
                .put("stop_reason", result.stopReason().name().toLowerCase(Locale.ROOT))
                .put("iterations", result.iterations())
                .put("budget", plan.config().iterations())
                .put("solver", result.solver().key())
                .put("kernel", plan.kernel())
                .put("rows", trace.rowCount())
                .put("final", SummaryJson.row(trace, trace.rowCount() - 1))
                .put("stop", result.earlyStop().map(TrainCommand::stop).orElse(null));
    }

    /** What {@code --stop-at rank:R} did (design.md §4): rank, rule, whether it stopped the run, where, and why. */
    private static SummaryJson stop(EarlyStop stop) {
        return SummaryJson.object()
                .put("rank", stop.rule().rank())
                .put("rule", stop.rule().kind())
                .put("stopped", stop.stopped())
                .put("iteration", stop.iteration())
                .put("reason", stop.reason())
                .put("basis", stop.rule().basis());
    }

    private TrainingPlan plan(TrainConfig config, StderrProgress progress) {
        if (target == null) {
            throw new InvalidInputException("--target", "is required (the matrix to factorize); only --loss "
                    + "completion can do without it");
        }
        if (observations != null || shape != null) {
            throw new InvalidInputException(observations != null ? "--observations" : "--shape", "belongs to --loss "
                    + "completion; add --loss completion or leave it out");
        }
        DMatrixRMaj matrix = CsvMatrixReader.read(target, progress);
        Optional<SensingData> sensing = measurements == null ? Optional.empty()
                : Optional.of(ProblemFiles.measurements(measurements, matrix.numRows, matrix.numCols, progress));
        return Trainer.plan(config, matrix, sensing, progress);
    }

    /** Completion: the observations, with the shape from --target (which is then also the truth) or --shape. */
    private TrainingPlan completionPlan(TrainConfig config, StderrProgress progress) {
        if (observations == null) {
            throw new InvalidInputException("--observations", "--loss completion trains on observed entries; give "
                    + "the observations table (row, column, value), e.g. observations.csv from dmflab generate "
                    + "--observations 2000");
        }
        ProblemFiles.requireOneShape(target, shape, "--loss completion needs the shape of W from");
        if (measurements != null) {
            throw new InvalidInputException("--measurements", "belongs to --loss sensing; leave it out with --loss "
                    + "completion");
        }
        ProblemFiles.Shape size = ProblemFiles.shape(target, shape, progress);
        // before the observations are read or anything of the shape's size exists
        Trainer.requireMemory(config, size.rows(), size.cols(), false, "--shape");
        Observations observed = ProblemFiles.observations(observations, size.rows(), size.cols(), progress);
        return Trainer.planCompletion(config, observed, size.full());
    }
}
