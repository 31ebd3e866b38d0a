package org.dmflab.core.experiment.analysis;

import org.dmflab.core.experiment.run.ExperimentRun;
import org.dmflab.core.experiment.run.RunOutcome;
import org.dmflab.core.table.Table;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * The paper's Section 4 on the MNIST ones (docs/theory.md §8.1, Figs. 8–12), by {@link MnistDenoising}; the rows of
 * W(k) it shows as images are the runs' snapshots {@link org.dmflab.core.experiment.preset.Analysis.Snapshots#AT_EARLY_STOPPING}.
 */
final class MnistDenoisingAnalysis implements PresetAnalysis {
    @Override
    public AnalysisOutput analyse(ExperimentRun run) {
        DMatrixRMaj noisy = run.truth().matrix();
        DMatrixRMaj clean = run.clean().orElseThrow().matrix();
        MnistDenoising analysis = new MnistDenoising(run.runs(), noisy, clean);
        Table stopping = analysis.stoppingTable();
        AnalysisOutput.Builder output = AnalysisOutput.builder()
                .table("rank-benchmarks.csv", analysis.benchmarkTable())
                .table("early-stopping.csv", stopping);
        for (RunOutcome outcome : run.runs()) {
            output.table(run.preset().fileName("error-curve", outcome.spec(), "csv"),
                    MnistDenoising.curveTable(outcome));
        }
        DMatrixRMaj noise = noisy.copy();
        CommonOps_DDRM.subtractEquals(noise, clean);
        output.chart("mnist-training-error.png", analysis.trainingErrors(), "Fig. 9(a): training error "
                        + "‖W(k) − X̃‖_F = √(2·loss) of every depth on the noisy images.")
                .chart("mnist-generalization-error.png", analysis.generalizationErrors(), "Fig. 9(b): distance of "
                        + "W(k) to the clean images X; grey lines: the best rank-1, 2, 3 approximations of X̃; dashed "
                        + "verticals: early stopping at the end of the longest effective-rank plateau r ≥ 2 (levels "
                        + "r_eff(X̃_r); the clean images are not used); a run without such a plateau stops at its "
                        + "least effective rank instead (legend: no plateau).")
                .chart("mnist-effective-rank.png", ExperimentCharts.effectiveRanks("Fig. 9(c): effective rank of "
                        + "W(k)", run.runs()), "Fig. 9(c): effective rank ‖W‖_*/‖W‖₂ of every depth; its plateaus "
                        + "sit at the levels r_eff(X̃_r) of the noisy matrix. Fig. 8, the singular values of W(k), is "
                        + "each run's eigenvalues chart below.")
                .image("mnist-digits.png", analysis.digits(), "Figs. 10–12: the first image (clean and noisy) and "
                        + "the first row of W(k) reshaped to 28×28, at the least effective rank (rank-1 regime), at "
                        + "early stopping and at the end; pixels clamped to [0, 1], 0 black.")
                .keyTable("Best rank-r approximations X̃_r of the noisy images: distance ‖X̃_r − X‖_F to the clean "
                        + "ones", analysis.benchmarkTable())
                .keyTable("Per depth: Gaussian start σ_N (E‖W(0)‖_F = 1 for every N), early stopping from the "
                        + "effective rank (k_stop at the end of the plateau at level r) and its error ‖W − X‖_F, the "
                        + "least error over the run (k_best, which needs the clean images) and the final error",
                        stopping)
                .keyNumber("‖X̃ − X‖_F (the noise)", NormOps_DDRM.normF(noise));
        analysis.findings().forEach(output::finding);
        return output.build();
    }
}
