package org.dmflab.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trace metrics' declarations: each says what it is a function of, and the declared functions are right. */
class TraceMetricTest {

    /** Every metric has exactly one basis; the groups partition the declarations in declaration order. */
    @Test
    void theBasesPartitionTheDeclarations() {
        List<TraceMetric> all = new ArrayList<>();
        for (TraceMetric.Basis basis : TraceMetric.Basis.values()) {
            all.addAll(TraceMetric.of(basis));
        }
        assertThat(all).containsExactlyInAnyOrder(TraceMetric.values());
        assertThat(TraceMetric.of(TraceMetric.Basis.SINGULAR_VALUES)).containsExactly(TraceMetric.EFFECTIVE_RANK,
                TraceMetric.STABLE_RANK, TraceMetric.NORM_FRO, TraceMetric.NORM_NUCLEAR, TraceMetric.SCHATTEN_2_OVER_N,
                TraceMetric.ENTROPY_EFFECTIVE_RANK);
        assertThat(TraceMetric.of(TraceMetric.Basis.FACTORS)).containsExactly(TraceMetric.BALANCEDNESS,
                TraceMetric.FACTOR_NORM_MIN, TraceMetric.FACTOR_NORM_MAX);
    }

    /** σ = (4, 2, 1, 0), N = 3: closed forms (effective rank Σσ/σ₁ = 7/4, stable rank 21/16, ‖W‖_F = √21, …). */
    @Test
    void theSingularValueFunctionsInClosedForm() {
        double[] sigma = {4, 2, 1, 0};
        assertThat(TraceMetric.EFFECTIVE_RANK.ofSingularValues(sigma, 3)).isEqualTo(1.75);
        assertThat(TraceMetric.STABLE_RANK.ofSingularValues(sigma, 3)).isCloseTo(21.0 / 16, within(1e-15));
        assertThat(TraceMetric.NORM_FRO.ofSingularValues(sigma, 3)).isCloseTo(Math.sqrt(21), within(1e-15));
        assertThat(TraceMetric.NORM_NUCLEAR.ofSingularValues(sigma, 3)).isEqualTo(7);
        assertThat(TraceMetric.SCHATTEN_2_OVER_N.ofSingularValues(sigma, 3))
                .isCloseTo(Math.pow(Math.cbrt(16) + Math.cbrt(4) + 1, 1.5), within(1e-13));
        assertThat(TraceMetric.SCHATTEN_2_OVER_N.ofSingularValues(sigma, 2)).isCloseTo(7, within(1e-14));
        assertThat(TraceMetric.ENTROPY_EFFECTIVE_RANK.ofSingularValues(new double[]{5, 5, 5, 0}, 3))
                .isCloseTo(3, within(1e-14));
    }

    /** ‖W_j‖²_F = 9, 16, 1 and squared imbalance 2: norms 3, 4, 1, balancedness √2; a rounding-negative square is 0. */
    @Test
    void theFactorFunctionsInClosedForm() {
        double[] squares = {9, 16, 1};
        assertThat(TraceMetric.BALANCEDNESS.ofFactors(squares, 2)).isEqualTo(Math.sqrt(2));
        assertThat(TraceMetric.FACTOR_NORM_MIN.ofFactors(squares, 2)).isEqualTo(1);
        assertThat(TraceMetric.FACTOR_NORM_MAX.ofFactors(squares, 2)).isEqualTo(4);
        assertThat(TraceMetric.FACTOR_NORM_MIN.ofFactors(new double[]{-1e-300, 4}, 0)).isZero();
        assertThat(squares).containsExactly(9, 16, 1);
    }

    /** A metric measured elsewhere (solver, run loop, loss) has no declared function to apply. */
    @Test
    void aFunctionOfAnotherBasisIsRefused() {
        int refused = 0;
        for (TraceMetric metric : TraceMetric.values()) {
            if (metric.basis() != TraceMetric.Basis.SINGULAR_VALUES) {
                assertThatThrownBy(() -> metric.ofSingularValues(new double[]{1}, 1))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining(metric.column());
                refused++;
            }
            if (metric.basis() != TraceMetric.Basis.FACTORS) {
                assertThatThrownBy(() -> metric.ofFactors(new double[]{1}, 0))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining(metric.column());
                refused++;
            }
        }
        assertThat(refused).isEqualTo(2 * TraceMetric.values().length
                - TraceMetric.of(TraceMetric.Basis.SINGULAR_VALUES).size()
                - TraceMetric.of(TraceMetric.Basis.FACTORS).size());
        assertThat(Arrays.stream(TraceMetric.values()).map(TraceMetric::column).distinct().count())
                .isEqualTo(TraceMetric.values().length);
    }
}
