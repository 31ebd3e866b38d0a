package org.dmflab.core.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.dmflab.core.RandomCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StepSizeBoundsTest {

    /** Lemma 2.2′: under (20′) the error |x(k) − λ₊^{1/N}| is monotonically non-increasing and x stays positive. */
    static Stream<Arguments> recursions() {
        return RandomCases.of(3, 200, random -> new Object[]{RandomCases.integer(random, 2, 5),
                RandomCases.uniform(random, -4, 4), RandomCases.uniform(random, 0.02, 1.5)});
    }

    @ParameterizedTest
    @MethodSource("recursions")
    void perEigenvalueConditionGivesMonotoneConvergence(int depth, double lambda, double alpha) {
        double eta = StepSizeBounds.perEigenvalue(lambda, alpha, depth);
        double root = Math.pow(Math.max(lambda, 0), 1.0 / depth);
        double x = alpha;
        double error = Math.abs(x - root);
        for (int k = 0; k < 2000; k++) {
            x = ScalarRecursion.identicalStep(x, lambda, eta, depth);
            double next = Math.abs(x - root);
            assertThat(next).isLessThanOrEqualTo(error + 1e-15);
            // positive in exact arithmetic; in floating point it may underflow to a subnormal of either sign
            assertThat(x).isGreaterThanOrEqualTo(-Double.MIN_NORMAL);
            error = next;
        }
    }

    /** (10′) implies (20′) for every eigenvalue in [−‖Φ‖, ‖Φ‖]. */
    static Stream<Arguments> uniformCases() {
        return RandomCases.of(4, 200, random -> new Object[]{RandomCases.integer(random, 1, 6),
                RandomCases.uniform(random, 0.1, 10), RandomCases.uniform(random, -1, 1),
                RandomCases.uniform(random, 0.01, 2)});
    }

    @ParameterizedTest
    @MethodSource("uniformCases")
    void uniformConditionImpliesThePerEigenvalueOne(int depth, double norm, double fraction, double alpha) {
        assertThat(StepSizeBounds.uniform(norm, alpha, depth))
                .isLessThanOrEqualTo(StepSizeBounds.perEigenvalue(fraction * norm, alpha, depth) * (1 + 1e-12));
    }

    /** Lemma B.1′ (N ≥ 2, λ &gt; 0): 0.97× the threshold converges, 1.03× does not (theory.md §9 check (b)). */
    @Test
    void divergenceThresholdSeparatesConvergenceFromOscillation() {
        int depth = 3;
        double lambda = 2;
        double threshold = StepSizeBounds.divergence(lambda, 0.5, depth);
        double root = Math.cbrt(lambda);
        assertThat(run(0.97 * threshold, lambda, depth)).isCloseTo(root, within(1e-9));
        assertThat(Math.abs(run(1.03 * threshold, lambda, depth) - root)).isGreaterThan(1e-3);
        assertThat(StepSizeBounds.divergence(1, 0.5, 1)).isEqualTo(2);
        assertThat(StepSizeBounds.divergence(-1, 0.5, 3)).isInfinite();
    }

    @Test
    void perturbedConditionReducesToTheUniformOneWhenBetaEqualsAlpha() {
        assertThat(StepSizeBounds.perturbed(3, 0.1, 0.1, 3)).isEqualTo(StepSizeBounds.uniform(3, 0.1, 3));
        assertThat(StepSizeBounds.perturbed(3, 0.1, 0.05, 3)).isLessThan(StepSizeBounds.uniform(3, 0.1, 3));
        // theory.md §8.2: Figs. 1/5 use η = 0.9 × (10′) = 0.0297 for ‖Φ‖ = 3, N = 3, α = 0.1
        assertThat(0.9 * StepSizeBounds.uniform(3, 0.1, 3)).isCloseTo(0.0297, within(5e-5));
    }

    private static double run(double eta, double lambda, int depth) {
        double x = 0.9 * Math.cbrt(lambda);
        for (int k = 0; k < 20000; k++) {
            x = ScalarRecursion.identicalStep(x, lambda, eta, depth);
        }
        return x;
    }
}
