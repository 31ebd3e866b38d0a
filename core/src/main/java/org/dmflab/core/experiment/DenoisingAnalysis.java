package org.dmflab.core.experiment;

import java.util.Arrays;
import java.util.Locale;
import org.dmflab.core.model.Initialization;
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
        return AnalysisOutput.builder()
                .table("error-clean.csv", curve.curveTable())
                .table("rank-benchmarks.csv", curve.benchmarkTable())
                .chart("error-clean.png", ExperimentCharts.denoising(curve), "Distance of W(k) to the clean matrix "
                        + "while training on the noisy one: it falls while the signal eigenvalues are learned and rises "
                        + "again as the noise eigenvalues are fitted. Dashed: the best rank-r approximations of the "
                        + "noisy matrix.")
                .keyNumber("early-stopping iteration", curve.earlyStoppingIteration())
                .keyNumber("error at early stopping ‖W − Φ_clean‖_F", curve.earlyStoppingError())
                .keyNumber("error of the fully trained run", curve.finalError())
                .keyNumber("best rank-r approximation closest to Φ_clean", "r = " + curve.bestBenchmarkRank() + ": "
                        + ExperimentCharts.number(curve.benchmarks()[curve.bestBenchmarkRank() - 1]))
                .keyNumber("‖noisy − clean‖_F", frobeniusDistance(run.truth().matrix(), clean))
                .keyNumber("method", "W(k) = Ṽ diag(λ(k)) Ṽᵀ for an identity start on the noisy matrix Φ̃ = Ṽ Λ̃ Ṽᵀ "
                        + "(Lemma 2.1), so ‖W(k) − Φ_clean‖_F follows exactly from the trace's lambda columns")
                .keyTable("Best rank-r approximations of the noisy matrix: distance to the clean matrix",
                        curve.benchmarkTable())
                .finding(String.format(Locale.ROOT, "early stopping at k = %d: %.4f (fully trained %.4f, best rank-%d "
                                + "approximation %.4f)", curve.earlyStoppingIteration(), curve.earlyStoppingError(),
                        curve.finalError(), cleanRank, curve.benchmarks()[cleanRank - 1]))
                .build();
    }

    /** The number of values above 1e-9 of the largest: the generated matrix's zero eigenvalues carry rounding. */
    private static int rank(double[] spectrum) {
        double largest = Arrays.stream(spectrum).map(Math::abs).max().orElse(0);
        return (int) Arrays.stream(spectrum).filter(v -> Math.abs(v) > 1e-9 * largest).count();
    }

    private static double frobeniusDistance(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj difference = a.copy();
        CommonOps_DDRM.subtractEquals(difference, b);
        return NormOps_DDRM.normF(difference);
    }
}
