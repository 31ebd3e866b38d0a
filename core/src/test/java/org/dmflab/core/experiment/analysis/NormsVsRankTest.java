package org.dmflab.core.experiment.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.dmflab.core.experiment.preset.DataSets;
import org.dmflab.core.experiment.run.ExperimentRun;
import org.dmflab.core.experiment.run.ExperimentRunnerTest;
import org.dmflab.core.experiment.run.RunOutcome;
import org.dmflab.core.model.Observations;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.Trace;
import org.dmflab.core.model.TraceMetric;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Razin and Cohen's 2×2 completion (docs/theory.md §7.6) as the norms-vs-rank preset runs it, against the instance's
 * algebra: W fits the observed entries W₁₂ = W₂₁ = 1, W₂₂ = 0 only with det W = −1, so while det W > 0 and the
 * observed residual is small, |W₁₁|·|W₂₂| > W₁₂W₂₁ ≈ 1 forces |W₁₁| up as W₂₂ → 0.
 */
class NormsVsRankTest {

    /** The preset observes exactly (1,2), (2,1), (2,2) of [[0, 1], [1, 0]]. */
    @Test
    void theInstanceIsRazinAndCohens() {
        ExperimentRun run = ExperimentRunnerTest.run("norms-vs-rank");
        assertThat(run.truth().matrix().data).containsExactly(0, 1, 1, 0);
        assertThat(run.runs()).hasSize(6);
        for (RunOutcome outcome : run.runs()) {
            assertThat(outcome.training().trace().completion()).isTrue();
        }
        Observations observed = org.dmflab.core.groundtruth.GroundTruthGenerator.generate(
                org.dmflab.core.groundtruth.GroundTruthSettings.parse(org.dmflab.core.settings.RawSettings.of(
                        java.util.Map.of("input", "true", "seed", "2", "observations", "3")),
                        java.util.Optional.of(DataSets.load(DataSets.RAZIN_COHEN, 2)))).observations().orElseThrow();
        assertThat(observed.mask()).containsExactly(false, true, true, true);
    }

    /**
     * Balanced identity starts at N = 3, 4 keep det W > 0: |W₁₁| and every norm grow along the whole trace, the
     * effective ranks fall to 1 (σ₂/σ₁ below 10⁻⁶), and |W₁₁ W₂₂| ≥ |W₁₂ W₂₁| holds at the end.
     */
    @Test
    void balancedStartsAtDepthThreeAndFourGrowTheUnobservedEntryAndTheNorms() {
        int checked = 0;
        for (RunOutcome outcome : ExperimentRunnerTest.run("norms-vs-rank").runs()) {
            if (outcome.train().init() != Initialization.IDENTITY || outcome.train().depth() < 3) {
                continue;
            }
            Trace trace = outcome.training().trace();
            int last = trace.size() - 1;
            int half = trace.size() / 2;
            for (int point = half + 1; point <= last; point++) {
                assertThat(trace.errorUnobserved(point)).isGreaterThan(trace.errorUnobserved(point - 1));
                for (TraceMetric norm : new TraceMetric[]{TraceMetric.NORM_FRO, TraceMetric.NORM_NUCLEAR,
                        TraceMetric.SCHATTEN_2_OVER_N}) {
                    assertThat(trace.value(norm, point)).isGreaterThan(trace.value(norm, point - 1));
                }
            }
            assertThat(trace.errorUnobserved(last)).isGreaterThan(30);
            assertThat(trace.value(TraceMetric.ENTROPY_EFFECTIVE_RANK, last)).isCloseTo(1, within(1e-4));
            assertThat(trace.effectiveRank(last)).isCloseTo(1, within(1e-5));
            assertThat(trace.sigma(last, 1) / trace.sigma(last, 0)).isLessThan(1e-5);
            assertThat(trace.value(TraceMetric.BALANCEDNESS, 0)).isZero();
            DMatrixRMaj w = outcome.training().product();
            assertThat(CommonOps_DDRM.det(w)).isPositive();
            assertThat(Math.abs(w.get(0, 0) * w.get(1, 1))).isGreaterThanOrEqualTo(Math.abs(w.get(0, 1) * w.get(1, 0)));
            checked++;
        }
        assertThat(checked).isEqualTo(2);
    }

    /**
     * The unbalanced Gaussian starts (det W(0) > 0 by the conditioning) at N = 2 and 3 cross det W = 0 and converge: a
     * fit of the observed entries, whose determinant is −1 exactly (to the fit's residual), with a bounded |W₁₁|.
     */
    @Test
    void unbalancedGaussianStartsCrossToAFiniteFit() {
        int checked = 0;
        for (RunOutcome outcome : ExperimentRunnerTest.run("norms-vs-rank").runs()) {
            if (outcome.train().init() != Initialization.GAUSSIAN || outcome.train().depth() > 3) {
                continue;
            }
            assertThat(outcome.training().trace().value(TraceMetric.BALANCEDNESS, 0)).isGreaterThan(1e-4);
            assertThat(outcome.training().finalLoss()).isLessThan(1e-20);
            DMatrixRMaj w = outcome.training().product();
            assertThat(CommonOps_DDRM.det(w)).isCloseTo(-1, within(1e-9));
            assertThat(Math.abs(w.get(0, 0))).isBetween(0.5, 10.0);
            checked++;
        }
        assertThat(checked).isEqualTo(2);
    }
}
