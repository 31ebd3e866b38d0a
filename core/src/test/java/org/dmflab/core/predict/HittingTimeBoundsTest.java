package org.dmflab.core.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.OptionalLong;
import java.util.stream.Stream;
import org.dmflab.core.Progress;
import org.dmflab.core.RandomCases;
import org.dmflab.core.CasesRun;
import org.dmflab.core.theory.HittingTimeBounds;
import org.dmflab.core.theory.RecursionCounts;
import org.dmflab.core.theory.ScalarRecursion;
import org.dmflab.core.theory.SmallAlphaEstimate;
import org.dmflab.core.theory.StepSizeBounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Theorem 2.4′ of theory.md §5: the bracket (27′) ≤ K_ε ≤ (24′) against the exact recursion (18). */
@ExtendWith(CasesRun.Counter.class)
class HittingTimeBoundsTest {

    /**
     * theory.md §9 check (b), the table "(N, λ, α, η/η_max, ε | lower, K_emp, upper)": η_max is the per-eigenvalue
     * condition (20′) and ε is absolute (0.3λ, 0.01λ, 10⁻⁶λ). Every row is reproduced exactly.
     */
    @Test
    void reproducesTheCheckTable() {
        double[][] rows = {
                {2, 4, 0.05, 0.2, 1.2, 38, 43, 51}, {2, 4, 0.2, 0.2, 4e-2, 40, 45, 87},
                {2, 4, 0.9, 0.2, 4e-6, 65, 70, 202}, {2, 1, 0.05, 1, 0.3, 6, 8, 11},
                {2, 1, 0.2, 1, 1e-2, 3, 6, 15}, {2, 0.3, 0.05, 0.2, 3e-3, 41, 46, 88},
                {2, 0.3, 0.2, 0.2, 3e-7, 67, 72, 205}, {3, 4, 0.05, 1, 1.2, 93, 97, 117},
                {3, 4, 0.2, 1, 4e-2, 21, 26, 39}, {3, 4, 0.9, 1, 4e-6, 2, 7, 42},
                {3, 1, 0.2, 0.2, 0.3, 64, 68, 78}, {3, 1, 0.9, 0.2, 1e-6, 57, 59, 208},
                {3, 0.3, 0.05, 1, 3e-3, 38, 43, 59}, {3, 0.3, 0.2, 1, 3e-7, 7, 13, 48},
                {4, 4, 0.2, 0.2, 1.2, 497, 503, 525}, {4, 4, 0.9, 0.2, 4e-2, 33, 39, 90},
                {4, 1, 0.05, 0.2, 1e-6, 4054, 4064, 4379}, {4, 1, 0.2, 1, 0.3, 49, 52, 61},
                {4, 1, 0.9, 1, 1e-2, 0, 3, 12}, {4, 0.3, 0.05, 1, 3e-7, 437, 446, 562}};
        for (double[] row : rows) {
            int n = (int) row[0];
            double lambda = row[1];
            double alpha = row[2];
            double eta = row[3] * StepSizeBounds.perEigenvalue(lambda, alpha, n);
            double epsilon = row[4];
            long exact = RecursionCounts.firstWithin(n, lambda, alpha, alpha, eta, lambda, epsilon, 100_000,
                    Progress.NONE).iteration();
            assertThat(new long[] {HittingTimeBounds.lower(n, lambda, alpha, eta, epsilon).getAsLong(), exact,
                    HittingTimeBounds.upper(n, lambda, alpha, eta, epsilon)})
                    .as("N=%d λ=%s α=%s", n, lambda, alpha)
                    .containsExactly((long) row[5], (long) row[6], (long) row[7]);
        }
    }

    /**
     * theory.md §9 check (b), small α = 0.02, η = 0.1·η_max (20′), ε = 10⁻³λ: (N, λ, lower, K_emp, upper), e.g.
     * (3, 2.0, 1923, 1938, 2127); and (12′) agrees with the upper bound (24′) it approximates to 0.1 % + rounding.
     */
    @Test
    void reproducesTheSmallAlphaRows() {
        double[][] rows = {{2, 2, 143, 153, 282}, {2, 0.5, 129, 139, 267}, {3, 2, 1923, 1938, 2127},
                {3, 0.5, 1223, 1238, 1411}, {4, 2, 70759, 70777, 72266}, {4, 0.5, 35404, 35421, 36243}};
        for (double[] row : rows) {
            int n = (int) row[0];
            double lambda = row[1];
            double alpha = 0.02;
            double eta = 0.1 * StepSizeBounds.perEigenvalue(lambda, alpha, n);
            double epsilon = 1e-3 * lambda;
            long exact = RecursionCounts.firstWithin(n, lambda, alpha, alpha, eta, lambda, epsilon, 1_000_000,
                    Progress.NONE).iteration();
            long upper = HittingTimeBounds.upper(n, lambda, alpha, eta, epsilon);
            assertThat(new long[] {HittingTimeBounds.lower(n, lambda, alpha, eta, epsilon).getAsLong(), exact, upper})
                    .containsExactly((long) row[2], (long) row[3], (long) row[4]);
            // (24′) rounds its phases separately (⌊T1+T3⌋ + ⌈T2⌉): up to 2 iterations, plus the E.1′ expansion error
            assertThat(SmallAlphaEstimate.iterations(n, lambda, alpha, eta, epsilon).getAsDouble())
                    .isCloseTo(upper, within(0.001 * upper + 2));
        }
    }

    /**
     * Property sweep of Theorem 2.4′: N ∈ {2, 3, 4}, λ of both signs, α, η up to the admissible (20′), relative ε. The
     * exact count (engine) equals an independent brute-force run of (18) written here; it lies in [T^L, T_N] whenever
     * the theorem gives them; and the error stays within ε afterwards (26′).
     */
    static Stream<Arguments> bracketHoldsAndExactCountIsTheRecursionCases() {
        return RandomCases.of(201, 400, random -> new Object[] {
                RandomCases.integer(random, 2, 4),
                RandomCases.uniform(random, -4, 4),
                RandomCases.uniform(random, 0.02, 1.2),
                RandomCases.uniform(random, 0.01, 1),
                RandomCases.uniform(random, -6, -0.5)});
    }

    @CasesRun(399)
    @ParameterizedTest
    @MethodSource("bracketHoldsAndExactCountIsTheRecursionCases")
    void bracketHoldsAndExactCountIsTheRecursion(int depth, double lambda, double alpha, double stepFraction, double logEpsilon) {
        assumeTrue(Math.abs(lambda) > 0.02);
        double eta = stepFraction * StepSizeBounds.perEigenvalue(lambda, alpha, depth);
        double epsilon = Math.pow(10, logEpsilon) * Math.abs(lambda);
        double limit = Math.max(lambda, 0);
        long upper = HittingTimeBounds.upper(depth, lambda, alpha, eta, epsilon);
        assumeTrue(upper <= 2_000_000);

        long exact = RecursionCounts.firstWithin(depth, lambda, alpha, alpha, eta, limit, epsilon, upper,
                Progress.NONE).iteration();
        long bruteForce = bruteForceHit(depth, lambda, alpha, eta, limit, epsilon, upper + 1);
        assertThat(exact).isEqualTo(bruteForce);
        assertThat(exact).isLessThanOrEqualTo(upper);
        OptionalLong lower = HittingTimeBounds.lower(depth, lambda, alpha, eta, epsilon);
        if (lambda > Math.pow(alpha, depth) + epsilon) {
            assertThat(lower).isPresent();
            assertThat(lower.getAsLong()).isLessThanOrEqualTo(exact);
        } else {
            assertThat(lower).isEmpty();
        }
        double x = alpha;
        for (long k = 0; k < exact + 300; k++) {
            if (k >= exact) {
                assertThat(Math.abs(Math.pow(x, depth) - limit)).isLessThanOrEqualTo(epsilon * (1 + 1e-9));
            }
            x += eta * Math.pow(x, depth - 1) * (lambda - Math.pow(x, depth));
        }
    }

    /**
     * The flow estimate k_flow = τ(α → ε-accuracy)/η (22′)/(29′) approaches the exact count as η → 0: at 1 % of (20′)
     * the per-step discretisation error ηL is ≤ 1 %, so the counts agree to 3 % (+ 2 iterations of rounding).
     */
    static Stream<Arguments> flowEstimateApproachesTheExactCountForSmallStepsCases() {
        return RandomCases.of(202, 100, random -> new Object[] {
                RandomCases.integer(random, 2, 4),
                RandomCases.uniform(random, -3, 3),
                RandomCases.uniform(random, 0.1, 1)});
    }

    @CasesRun(99)
    @ParameterizedTest
    @MethodSource("flowEstimateApproachesTheExactCountForSmallStepsCases")
    void flowEstimateApproachesTheExactCountForSmallSteps(int depth, double lambda, double alpha) {
        assumeTrue(Math.abs(lambda) > 0.05);
        double eta = 0.01 * StepSizeBounds.perEigenvalue(lambda, alpha, depth);
        double tolerance = 1e-3 * Math.abs(lambda);
        double flow = Predictor.identicalFlowTime(depth, lambda, alpha, tolerance) / eta;
        assumeTrue(flow < 1_000_000);
        long exact = RecursionCounts.firstWithin(depth, lambda, alpha, alpha, eta, Math.max(lambda, 0), tolerance,
                2_000_000, Progress.NONE).iteration();
        assertThat(flow).isCloseTo(exact, within(0.03 * exact + 2));
    }

    /** Lemma 3.8′: x(k)^N ≤ c for every k ≤ Λ_N(λ, α, η, c), and Λ_N is not absurdly small (the next 2·Λ_N+5 exceed c). */
    static Stream<Arguments> levelTimeIsALowerBoundOnCrossingTheLevelCases() {
        return RandomCases.of(203, 200, random -> new Object[] {
                RandomCases.integer(random, 2, 4),
                RandomCases.uniform(random, 0.1, 4),
                RandomCases.uniform(random, 0.02, 0.5),
                RandomCases.uniform(random, 0.01, 0.99),
                RandomCases.uniform(random, 0, 0.999)});
    }

    @CasesRun(200)
    @ParameterizedTest
    @MethodSource("levelTimeIsALowerBoundOnCrossingTheLevelCases")
    void levelTimeIsALowerBoundOnCrossingTheLevel(int depth, double lambda, double alpha, double stepFraction, double levelFraction) {
        double start = Math.pow(alpha, depth);
        assumeTrue(lambda > start * 1.01);
        double level = start + levelFraction * (lambda - start);
        double eta = stepFraction * HittingTimeBounds.lowerBoundStepLimit(depth, lambda);
        long bound = HittingTimeBounds.levelTime(depth, lambda, alpha, eta, level);
        assumeTrue(bound < 1_000_000);
        double x = alpha;
        long crossing = -1;
        for (long k = 0; k <= 2 * bound + 5 && crossing < 0; k++) {
            if (Math.pow(x, depth) > level) {
                crossing = k;
            }
            x = ScalarRecursion.identicalStep(x, lambda, eta, depth);
        }
        assertThat(crossing).as("first k with x^N > c").isGreaterThan(bound);
    }

    /** Lemma 2.2′ (N = 1): the exact count equals the recursion, for λ of both signs and η ∈ (0, 2). */
    static Stream<Arguments> depthOneCountIsExactCases() {
        return RandomCases.of(204, 200, random -> new Object[] {
                RandomCases.uniform(random, -3, 3),
                RandomCases.uniform(random, 0.01, 2),
                RandomCases.uniform(random, 0.01, 1.9),
                RandomCases.uniform(random, -6, -1)});
    }

    @CasesRun(199)
    @ParameterizedTest
    @MethodSource("depthOneCountIsExactCases")
    void depthOneCountIsExact(double lambda, double alpha, double eta, double logEpsilon) {
        assumeTrue(Math.abs(lambda) > 0.01 && Math.abs(1 - eta) > 1e-3);
        double epsilon = Math.pow(10, logEpsilon) * Math.abs(lambda);
        long expected = HittingTimeBounds.depthOne(lambda, alpha, eta, epsilon);
        long actual = RecursionCounts.firstWithin(1, lambda, alpha, alpha, eta, lambda, epsilon, 1_000_000,
                Progress.NONE).iteration();
        // the closed form's logarithm and the recursion's rounding may disagree only on an exact tie
        assertThat(actual).isBetween(expected - 1, expected);
    }

    private static long bruteForceHit(int depth, double lambda, double alpha, double eta, double limit,
                                      double epsilon, long horizon) {
        double x = alpha;
        for (long k = 0; k <= horizon; k++) {
            double product = 1;
            for (int j = 0; j < depth; j++) {
                product *= x;
            }
            if (Math.abs(product - limit) <= epsilon) {
                return k;
            }
            double xToNMinus1 = product / x;
            double power = 1;
            for (int j = 0; j < depth - 1; j++) {
                power *= x;
            }
            x = x + eta * power * (lambda - power * x);
            assertThat(xToNMinus1).isNotNaN();
        }
        return -1;
    }
}
