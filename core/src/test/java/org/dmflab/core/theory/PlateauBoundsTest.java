package org.dmflab.core.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.dmflab.core.RandomCases;
import org.dmflab.core.model.RankMeasures;
import org.dmflab.core.CasesRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.Plateau;

/**
 * Certified effective-rank plateaus (theory.md §7). The "matrix" effective rank is computed from the spectral truth: with
 * identical initialisation W(k) = V diag(x_i(k)^N) Vᵀ exactly (Lemma 2.1, (17)/(18)), and theory.md §9 (a)/(c) confirm
 * that matrix gradient descent equals it to 1e-14 ("matrix GD effective rank equals scalar-based effective rank"), so
 * the sweeps evaluate r_eff(W(k)) = Σ x_i^N / max x_i^N from (18), which is cheap enough for many spectra.
 * {@link PlateausAgainstMatrixDescentTest} checks the same bound against the trainer's matrix gradient descent.
 */
@ExtendWith(CasesRun.Counter.class)
class PlateauBoundsTest {

    private static final double[] FIGURE_3 = {8, 4, 2, 1, 0.5, 0.25};

    /** theory.md §8.2/§9 (c): N = 3, α = 0.02, η = 0.01, ε = 0.01, δ = 0.005 — intervals and (64′) bounds. */
    @Test
    void reproducesTheCertifiedPlateausOfTheChecks() {
        List<Plateau> plateaus = PlateauBounds.predict(FIGURE_3, 3, 0.02, 0.01, Initialization.IDENTITY,
                PlateauBounds.Accuracies.fixed(0.01, 0.005)).stream().map(PlateauCertificate::plateau).toList();
        long[][] intervals = {{717, 1177}, {1365, 2354}, {2697, 4712}, {5424, 9437}, {11011, 18925}, {22502, -1}};
        double[] bounds = {0.0351, 0.0352, 0.0327, 0.0289, 0.0246, 0.0199};
        double[] levels = {1, 1.5, 1.75, 1.875, 1.9375, 1.96875};
        for (int r = 0; r < 6; r++) {
            Plateau plateau = plateaus.get(r);
            assertThat(plateau.start().getAsLong()).isEqualTo(intervals[r][0]);
            if (intervals[r][1] < 0) {
                assertThat(plateau.end()).isEmpty();
            } else {
                assertThat(plateau.end().getAsLong()).isEqualTo(intervals[r][1]);
            }
            assertThat(plateau.bound().getAsDouble()).isCloseTo(bounds[r], within(5e-5));
            assertThat(plateau.level()).isEqualTo(levels[r]);
        }
        assertWithinBoundOnCertifiedIntervals(FIGURE_3, 3, 0.02, 0.01, plateaus, 30_000);
    }

    /**
     * Theorem 3.5′ sweep: random PSD spectra with gaps, N ∈ {2, 3, 4}, η up to the theorem's condition, (ε, δ) fixed or
     * from τ by (65′). On every certified interval |r_eff(W(k)) − r_eff(Φ_r)| ≤ (64′); with τ the bound is ≤ τ.
     */
    static Stream<Arguments> effectiveRankStaysWithinTheBoundOnEveryCertifiedIntervalCases() {
        return RandomCases.of(401, 40, random -> new Object[] {
                RandomCases.integer(random, 2, 4),
                RandomCases.integer(random, 2, 5),
                RandomCases.uniform(random, 0.15, 0.7),
                RandomCases.uniform(random, 0.5, 10),
                RandomCases.uniform(random, 0.2, 1),
                RandomCases.uniform(random, -3, -1.5),
                random.nextBoolean()});
    }

    @CasesRun(29)
    @ParameterizedTest
    @MethodSource("effectiveRankStaysWithinTheBoundOnEveryCertifiedIntervalCases")
    void effectiveRankStaysWithinTheBoundOnEveryCertifiedInterval(int depth, int n, double ratio, double top, double stepFraction, double logAlpha, boolean useTarget) {
        double[] eigenvalues = new double[n];
        for (int i = 0; i < n; i++) {
            eigenvalues[i] = top * Math.pow(ratio, i);
        }
        double alpha = Math.pow(10, logAlpha) * Math.pow(top, 1.0 / depth);
        double eta = stepFraction * PlateauBounds.stepLimit(depth, top);
        PlateauBounds.Accuracies accuracies = useTarget ? PlateauBounds.Accuracies.target(0.05)
                : PlateauBounds.Accuracies.fixed(0.01, 0.005);
        List<Plateau> plateaus = PlateauBounds.predict(eigenvalues, depth, alpha, eta, Initialization.IDENTITY, accuracies).stream().map(PlateauCertificate::plateau).toList();
        assumeTrue(plateaus.stream().anyMatch(Plateau::certified));
        long last = plateaus.stream().filter(Plateau::certified).mapToLong(p -> p.start().getAsLong()).max().orElse(0);
        assumeTrue(last < 400_000);
        if (useTarget) {
            plateaus.stream().filter(Plateau::certified)
                    .forEach(p -> assertThat(p.bound().getAsDouble()).isLessThanOrEqualTo(0.05 * (1 + 1e-12)));
        }
        assertWithinBoundOnCertifiedIntervals(eigenvalues, depth, alpha, eta, plateaus, last + 2_000);
    }

    /**
     * Theorem 3.1′ (59′)–(61′) for the N = 2 flow, Λ = diag(8, 2, 0.5, 0.125, 0.03, 0.01), α = 1e-4, ε = 0.01,
     * δ = 0.002 (the bounds 0.0201 … 0.0135 of theory.md §9 (c) pin these): the printed intervals, and (61′) on a grid of
     * each interval using the closed form (60′).
     */
    @Test
    void reproducesTheFlowPlateausAndTheirBound() {
        double[] lambdas = {8, 2, 0.5, 0.125, 0.03, 0.01};
        double[][] expected = {{1.568, 3.571}, {5.927, 14.308}, {22.323, 57.644}, {83.745, 250.437},
                {325.154, Double.POSITIVE_INFINITY}, {920.531, Double.POSITIVE_INFINITY}};
        double alpha = 1e-4;
        for (int r = 1; r <= 6; r++) {
            double[] interval = PlateauBounds.flowInterval(lambdas, r, alpha, 0.01, 0.002);
            assertThat(interval[0]).isCloseTo(expected[r - 1][0], within(5e-4));
            assertThat(interval[1]).isCloseTo(expected[r - 1][1], within(5e-4));
            double level = RankMeasures.plateauLevel(lambdas, r);
            double bound = 0.01 / 0.99 * level + (6 - r) * 0.002;
            double end = Math.min(interval[1], 1500);
            for (int step = 0; step <= 400; step++) {
                double t = interval[0] + (end - interval[0]) * step / 400;
                double[] sigma = new double[6];
                for (int i = 0; i < 6; i++) {
                    sigma[i] = lambdas[i] / (1 + (lambdas[i] / (alpha * alpha) - 1) * Math.exp(-2 * lambdas[i] * t));
                }
                assertThat(Math.abs(RankMeasures.effectiveRank(sigma) - level)).isLessThanOrEqualTo(bound);
            }
        }
    }

    @Test
    void saysWhyNothingIsCertified() {
        PlateauBounds.Accuracies accuracies = PlateauBounds.Accuracies.fixed(0.01, 0.005);
        assertThat(PlateauBounds.predict(FIGURE_3, 3, 0.02, 0.01, Initialization.PERTURBED, accuracies).get(0).reason())
                .contains("observed only").contains("perturbed start");
        assertThat(PlateauBounds.predict(FIGURE_3, 3, 0.02, 0.02, Initialization.IDENTITY, accuracies).get(0).reason())
                .contains("above the condition of Theorem 3.5′");
        assertThat(PlateauBounds.predict(FIGURE_3, 3, 3, 0.001, Initialization.IDENTITY, accuracies).get(0).reason())
                .contains("α too large");
        PlateauCertificate noGap = PlateauBounds.predict(new double[] {8, 4, 4, 1}, 3, 0.02, 0.01, Initialization.IDENTITY, accuracies).get(1);
        assertThat(noGap.certified()).isFalse();
        assertThat(noGap.reason()).contains("no eigenvalue gap");
        assertThat(noGap.plateau().bound()).isEmpty();
        PlateauCertificate tooBig = PlateauBounds.predict(FIGURE_3, 3, 0.5, 0.01, Initialization.IDENTITY, accuracies).get(0);
        assertThat(tooBig.reason()).contains("α too large for δ");
    }

    private static void assertWithinBoundOnCertifiedIntervals(double[] eigenvalues, int depth, double alpha,
                                                              double eta, List<Plateau> plateaus, long iterations) {
        int n = eigenvalues.length;
        double[] x = new double[n];
        double[] sigma = new double[n];
        Arrays.fill(x, alpha);
        for (long k = 0; k <= iterations; k++) {
            for (int i = 0; i < n; i++) {
                sigma[i] = ScalarRecursion.power(x[i], depth);
            }
            double effectiveRank = RankMeasures.effectiveRank(sigma);
            for (Plateau plateau : plateaus) {
                if (plateau.certified() && k >= plateau.start().getAsLong()
                        && (plateau.end().isEmpty() || k <= plateau.end().getAsLong())) {
                    assertThat(Math.abs(effectiveRank - plateau.level()))
                            .as("r=%d k=%d", plateau.r(), k).isLessThanOrEqualTo(plateau.bound().getAsDouble());
                }
            }
            for (int i = 0; i < n; i++) {
                x[i] = ScalarRecursion.identicalStep(x[i], eigenvalues[i], eta, depth);
            }
        }
    }
}
