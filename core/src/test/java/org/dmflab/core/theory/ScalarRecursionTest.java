package org.dmflab.core.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.dmflab.core.RandomCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.dmflab.core.dynamics.Initialization;

class ScalarRecursionTest {

    /** theory.md §3, Lemma 2.2′ (N = 1): x(k) − λ = (1 − η)ᵏ(α − λ) exactly. */
    static Stream<Arguments> depthOneCases() {
        return RandomCases.of(1, 50, random -> new Object[]{RandomCases.uniform(random, -3, 3),
                RandomCases.uniform(random, 0.01, 1), RandomCases.uniform(random, 0.001, 1.5)});
    }

    @ParameterizedTest
    @MethodSource("depthOneCases")
    void depthOneIsTheClosedForm(double lambda, double alpha, double eta) {
        double x = alpha;
        for (int k = 1; k <= 40; k++) {
            x = ScalarRecursion.identicalStep(x, lambda, eta, 1);
            double expected = lambda + Math.pow(1 - eta, k) * (alpha - lambda);
            assertThat(x).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(alpha - lambda))));
        }
    }

    /** (40) with x = y reduces to (18): the perturbed dynamics contain the identical ones. */
    static Stream<Arguments> equalStarts() {
        return RandomCases.of(2, 50, random -> new Object[]{RandomCases.integer(random, 2, 6),
                RandomCases.uniform(random, -2, 2), RandomCases.uniform(random, 0.05, 0.9)});
    }

    @ParameterizedTest
    @MethodSource("equalStarts")
    void perturbedDynamicsWithEqualStartAreTheIdenticalOnes(int depth, double lambda, double alpha) {
        double eta = 0.05;
        double x = alpha;
        double y = alpha;
        double z = alpha;
        for (int k = 0; k < 200; k++) {
            double nextX = ScalarRecursion.perturbedStepX(x, y, lambda, eta, depth);
            double nextY = ScalarRecursion.perturbedStepY(x, y, lambda, eta, depth);
            x = nextX;
            y = nextY;
            z = ScalarRecursion.identicalStep(z, lambda, eta, depth);
            assertThat(x).isCloseTo(y, within(1e-14));
            assertThat(x).isCloseTo(z, within(1e-14));
        }
    }

    @Test
    void limitsFollowTheInitialisation() {
        assertThat(ScalarRecursion.limit(-2, Initialization.IDENTITY, 3)).isZero();
        assertThat(ScalarRecursion.limit(-2, Initialization.IDENTITY, 1)).isEqualTo(-2);
        assertThat(ScalarRecursion.limit(-2, Initialization.PERTURBED, 3)).isEqualTo(-2);
        assertThat(ScalarRecursion.limit(5, Initialization.IDENTITY, 3)).isEqualTo(5);
        assertThat(ScalarRecursion.power(1.5, 3)).isEqualTo(1.5 * 1.5 * 1.5);
        assertThat(ScalarRecursion.productEigenvalue(2, 3, 3)).isEqualTo(18);
    }
}
