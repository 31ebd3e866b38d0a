package org.dmflab.core.experiment.analysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.dmflab.core.experiment.run.EarlyStopping;
import org.dmflab.core.experiment.run.ExperimentRun;
import org.dmflab.core.experiment.run.RunOutcome;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.theory.RankStopRule;
import org.dmflab.core.train.StopAt;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.core.train.Trainer;
import org.dmflab.core.dynamics.Initialization;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/** Section 4 idea: distance to the clean matrix while training on the noisy one, early stopping, rank-r benchmarks. */
final class DenoisingAnalysis implements PresetAnalysis {
    /** Ranks of the best rank-r approximations the curve is compared with. */
    private static final int MAX_BENCHMARK_RANK = 5;

    @Override
    public AnalysisOutput analyse(ExperimentRun run) {
        RunOutcome outcome = run.runs().get(0);
        if (outcome.train().init() != Initialization.IDENTITY) {
            throw new IllegalStateException("the denoising analysis needs an identity start (see DenoisingCurve), "
                    + "not init=" + outcome.train().init().key());
        }
        DMatrixRMaj clean = run.clean().orElseThrow().matrix();
        DenoisingCurve curve = DenoisingCurve.of(run.truth().matrix(), clean, outcome.training().trace(),
                MAX_BENCHMARK_RANK);
        int cleanRank = rank(run.clean().orElseThrow().spectrum().values());
        long[] k = curve.iterations();
        double[] distance = curve.distance();
        // the paper's criterion (Section 4), as the trainer's stop-at=rank:R applies it (R = the clean matrix's rank):
        // observed on the recorded run, and certified (the start of rank R's certified interval) before any run
        OptionalLong observedStop = EarlyStopping.observedStop(outcome.track(), cleanRank);
        Map<String, String> stopping = new LinkedHashMap<>(outcome.spec().train());
        stopping.put(TrainSettings.STOP_AT, new StopAt(cleanRank).text());
        RankStopRule rule = Trainer.plan(TrainSettings.parse(RawSettings.of(stopping)), run.truth().matrix(),
                Optional.empty()).stopRule().orElseThrow();
        OptionalLong predictedStop = rule.certified() ? OptionalLong.of(rule.certifiedIteration())
                : OptionalLong.empty();
        // the whole certified interval, for the shading: the rule carries it (its start is the rule's stop)
        ExperimentCharts.DenoisingStops stops = new ExperimentCharts.DenoisingStops(cleanRank, predictedStop,
                rule.certifiedEnd(), observedStop);
        String criterion = "plateau of rank " + cleanRank + ": ";
        AnalysisOutput.Builder output = AnalysisOutput.builder();
        output.keyNumber("oracle early stopping (uses the clean matrix, which a user never has): iteration",
                curve.earlyStoppingIteration());
        output.keyNumber("oracle early stopping: error ‖W − Φ_clean‖_F", curve.earlyStoppingError());
        output.keyNumber("paper's criterion, observed (" + criterion + "stop-at=rank:" + cleanRank + "'s observed rule, "
                + "the recorded iteration of the stay nearest the level): iteration",
                observedStop.isPresent() ? observedStop.getAsLong() : "no observed plateau");
        output.keyNumber("paper's criterion, observed: error ‖W − Φ_clean‖_F", observedStop.isPresent()
                ? distanceAt(k, distance, observedStop.getAsLong()) : null);
        output.keyNumber("paper's criterion, predicted (" + criterion + "k_start of its certified interval, Theorem "
                + "3.5″ on the noisy, indefinite spectrum, ε = 0.01, δ = 0.005; stop-at=rank:" + cleanRank + "'s certified "
                + "rule): iteration", predictedStop.isPresent() ? predictedStop.getAsLong() : rule.basis());
        output.keyNumber("paper's criterion, predicted: error ‖W − Φ_clean‖_F", predictedStop.isPresent()
                && predictedStop.getAsLong() <= k[k.length - 1] ? distanceAt(k, distance, predictedStop.getAsLong())
                : null);
        return output
                .table("error-clean.csv", curve.curveTable())
                .table("rank-benchmarks.csv", curve.benchmarkTable())
                .chart("error-clean.png", ExperimentCharts.denoising(curve, stops), "Distance of W(k) to the clean "
                        + "matrix while training on the noisy one: it falls while the signal eigenvalues are learned and "
                        + "rises again as the noise eigenvalues are fitted. Dashed: the best rank-r approximations of "
                        + "the noisy matrix. Oracle early stopping is chosen with the clean matrix, which a user never "
                        + "has; the paper's criterion needs only the noisy run: " + criterionDrawn(stops,
                        k[k.length - 1]) + ".")
                .keyNumber("error of the fully trained run", curve.finalError())
                .keyNumber("best rank-r approximation closest to Φ_clean", "r = " + curve.bestBenchmarkRank() + ": "
                        + ExperimentCharts.number(curve.benchmarks()[curve.bestBenchmarkRank() - 1]))
                .keyNumber("‖noisy − clean‖_F", frobeniusDistance(run.truth().matrix(), clean))
                .keyNumber("method", "W(k) = Ṽ diag(λ(k)) Ṽᵀ for an identity start on the noisy matrix Φ̃ = Ṽ Λ̃ Ṽᵀ "
                        + "(Lemma 2.1), so ‖W(k) − Φ_clean‖_F follows exactly from the trace's lambda columns")
                .keyTable("Best rank-r approximations of the noisy matrix: distance to the clean matrix",
                        curve.benchmarkTable())
                .finding(String.format(Locale.ROOT, "oracle early stopping (clean matrix) at k = %d: %.4f; "
                                + "rank-%d plateau (observed) at k = %s: %s (fully trained %.4f, best rank-%d "
                                + "approximation %.4f)", curve.earlyStoppingIteration(), curve.earlyStoppingError(),
                        cleanRank, observedStop.isPresent() ? Long.toString(observedStop.getAsLong()) : "-",
                        observedStop.isPresent() ? String.format(Locale.ROOT, "%.4f",
                                distanceAt(k, distance, observedStop.getAsLong())) : "-",
                        curve.finalError(), cleanRank, curve.benchmarks()[cleanRank - 1]))
                .build();
    }

    /** What the chart draws of the paper's criterion, in words (the same conditions as the drawing). */
    private static String criterionDrawn(ExperimentCharts.DenoisingStops stops, long lastIteration) {
        String predicted = stops.certifiedStart().isEmpty() ? "nothing is certified for the rank-" + stops.rank()
                + " plateau, so nothing is shaded" : stops.certifiedStart().getAsLong() > lastIteration
                ? "the certified rank-" + stops.rank() + " interval starts after the run (not drawn)"
                : "shaded, the certified rank-" + stops.rank() + " interval, whose start is the predicted stop";
        return predicted + (stops.observedStop().isPresent() ? "; marked, the observed stop on the rank-" + stops.rank()
                + " plateau" : "; no rank-" + stops.rank() + " plateau was observed");
    }

    /** The number of values above 1e-9 of the largest: the generated matrix's zero eigenvalues carry rounding. */
    private static int rank(double[] spectrum) {
        double largest = Arrays.stream(spectrum).map(Math::abs).max().orElse(0);
        return (int) Arrays.stream(spectrum).filter(v -> Math.abs(v) > 1e-9 * largest).count();
    }

    /** The distance at the first recorded iteration ≥ k (the last one if k is beyond the run). */
    private static double distanceAt(long[] iterations, double[] distance, long k) {
        for (int point = 0; point < iterations.length; point++) {
            if (iterations[point] >= k) {
                return distance[point];
            }
        }
        return distance[distance.length - 1];
    }

    private static double frobeniusDistance(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj difference = a.copy();
        CommonOps_DDRM.subtractEquals(difference, b);
        return NormOps_DDRM.normF(difference);
    }
}
