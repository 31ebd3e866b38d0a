package org.dmflab.core.experiment.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.dmflab.core.experiment.run.ExperimentRunnerTest;
import org.dmflab.core.dynamics.Initialization;
import org.junit.jupiter.api.Test;

/**
 * The plateau-timing preset against the small-α estimate (12′) (docs/theory.md §5.7): measured on the exact spectral
 * runs, the plateau entries grow like α^{2−N} (slope N − 2 = 1 against log₁₀(1/α)), and the iteration at which λ_r is
 * learned approaches (12′) as α falls.
 */
class PlateauTimingTest {
    /**
     * The recording is log:400 over at most 3·10⁶ iterations: consecutive recorded points are up to a factor
     * (3·10⁶)^{1/400} ≈ 1.038 apart, so a recorded k_hit is late by up to 3.8 %; (12′) itself drops O(α) terms.
     */
    private static final double TOLERANCE_SMALL_ALPHA = 0.06;

    @Test
    void entriesGrowLikeAlphaToTheTwoMinusN() {
        List<PlateauTimingAnalysis.Timing> timings = PlateauTimingAnalysis.timings(
                ExperimentRunnerTest.run("plateau-timing").runs());
        for (int r = 1; r <= 3; r++) {
            int rank = r;
            List<PlateauTimingAnalysis.Timing> identity = timings.stream()
                    .filter(t -> t.start() == Initialization.IDENTITY && t.r() == rank).toList();
            assertThat(identity).hasSize(7);
            assertThat(identity).allMatch(t -> t.entry().isPresent());
            assertThat(PlateauTimingAnalysis.slope(identity)).as("r = %d", r).isCloseTo(1, within(0.02));
            List<PlateauTimingAnalysis.Timing> gaussian = timings.stream()
                    .filter(t -> t.start() == Initialization.GAUSSIAN && t.r() == rank).toList();
            assertThat(gaussian).hasSize(5).allMatch(t -> t.entry().isPresent());
            for (int i = 1; i < gaussian.size(); i++) {
                assertThat(gaussian.get(i).entry().getAsLong()).isGreaterThan(gaussian.get(i - 1).entry().getAsLong());
            }
        }
    }

    /** k_hit of λ_r against (12′) for α ≤ 10⁻²: within the recording's resolution plus the estimate's O(α) part. */
    @Test
    void learningIterationsApproachTheSmallAlphaEstimate() {
        int compared = 0;
        for (PlateauTimingAnalysis.Timing timing : PlateauTimingAnalysis.timings(
                ExperimentRunnerTest.run("plateau-timing").runs())) {
            if (timing.start() != Initialization.IDENTITY || timing.scale() > 1.001e-2) {
                continue;
            }
            double estimate = timing.estimate().orElseThrow();
            assertThat(timing.kHit().orElseThrow() / estimate).as("α = %s, r = %d", timing.scale(), timing.r())
                    .isCloseTo(1, within(TOLERANCE_SMALL_ALPHA));
            compared++;
        }
        assertThat(compared).isEqualTo(5 * 3);
    }
}
