package org.dmflab.core.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.Stream;
import org.dmflab.core.RandomCases;
import org.ejml.data.ComplexPolar_F64;
import org.ejml.data.Complex_F64;
import org.ejml.ops.ComplexMath_F64;
import org.dmflab.core.CasesRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The closed-form flow time (22′)/(29′) of theory.md §4.2 against its two forms, quadrature and the N = 2 solution. */
@ExtendWith(CasesRun.Counter.class)
class FlowTimeTest {

    /**
     * App. C′ real form = real part of the complex-log form (22′), value by value. Tolerance 1e-11 relative to the
     * largest term (|P_N(u)| and the log sum), which is where their rounding differs.
     */
    static Stream<Arguments> realFormEqualsComplexLogFormCases() {
        return RandomCases.of(101, 300, random -> new Object[] {
                RandomCases.integer(random, 2, 7),
                RandomCases.uniform(random, -5, 5),
                RandomCases.uniform(random, 0.01, 3)});
    }

    @CasesRun(300)
    @ParameterizedTest
    @MethodSource("realFormEqualsComplexLogFormCases")
    void realFormEqualsComplexLogForm(int depth, double lambda, double u) {
        assumeTrue(Math.abs(lambda) > 1e-3);
        assumeTrue(Math.abs(u - Math.pow(Math.max(lambda, 0), 1.0 / depth)) > 1e-6);
        double real = FlowTime.antiderivative(depth, lambda, u);
        double complex = antiderivativeComplexLog(depth, lambda, u);
        double scale = (Math.abs(depth == 2 ? Math.log(u) : Math.pow(u, 2 - depth)) + Math.abs(Math.log(u) + 1)
                * Math.pow(Math.abs(lambda), 2.0 / depth) / Math.abs(lambda)) / Math.abs(lambda);
        assertThat(real).isCloseTo(complex, within(1e-11 * scale + 1e-13));
    }

    /**
     * τ(a → b) = ∫_a^b du/f(u): the closed form against the test's own adaptive Simpson rule on 1/f, for a and b on the
     * same side of λ₊^{1/N}, at relative tolerance 1e-8 (Simpson is asked for 1e-12 relative).
     */
    static Stream<Arguments> flowTimeEqualsQuadratureOfTheReciprocalRateCases() {
        return RandomCases.of(102, 300, random -> new Object[] {
                RandomCases.integer(random, 2, 5),
                RandomCases.uniform(random, -4, 4),
                RandomCases.uniform(random, 0.05, 0.95),
                RandomCases.uniform(random, 0.05, 0.95)});
    }

    @CasesRun(300)
    @ParameterizedTest
    @MethodSource("flowTimeEqualsQuadratureOfTheReciprocalRateCases")
    void flowTimeEqualsQuadratureOfTheReciprocalRate(int depth, double lambda, double from, double to) {
        assumeTrue(Math.abs(lambda) > 1e-2);
        double root = Math.pow(Math.max(lambda, 0), 1.0 / depth);
        // map the two fractions into one side of the fixed point: below it (λ > 0) or (0, 2) for λ ≤ 0 / above it
        double a;
        double b;
        if (lambda > 0 && from < 0.5) {
            a = root * (0.05 + from);
            b = root * (0.05 + to * 0.5);
        } else {
            a = root + 0.05 + from;
            b = root + 0.05 + to;
        }
        double expected = Integrals.simpson(u -> 1 / FlowTime.rate(depth, lambda, u), Math.min(a, b), Math.max(a, b),
                1e-12) * Math.signum(b - a);
        double actual = FlowTime.time(depth, lambda, a, b);
        assertThat(actual).isCloseTo(expected, within(1e-8 * Math.abs(expected) + 1e-12));
        if (lambda > 0 && a < root && b < root) {
            assertThat(actual * Math.signum(b - a)).isGreaterThanOrEqualTo(0);
        }
    }

    /** Remark 2.6′: G_{2,λ}(u) = ln(u²/|λ − u²|)/(2λ) up to a constant, and (30′) x(t)² solves (29′). */
    static Stream<Arguments> depthTwoClosedFormCases() {
        return RandomCases.of(103, 200, random -> new Object[] {
                RandomCases.uniform(random, -3, 3),
                RandomCases.uniform(random, 0.01, 0.5),
                RandomCases.uniform(random, 0.01, 5)});
    }

    @CasesRun(197)
    @ParameterizedTest
    @MethodSource("depthTwoClosedFormCases")
    void depthTwoClosedForm(double lambda, double alpha, double t) {
        assumeTrue(Math.abs(lambda) > 1e-2 && Math.abs(lambda - alpha * alpha) > 1e-3);
        double xSquared = lambda * alpha * alpha * Math.exp(2 * lambda * t)
                / (lambda - alpha * alpha + alpha * alpha * Math.exp(2 * lambda * t));
        double x = Math.sqrt(xSquared);
        assumeTrue(Math.abs(xSquared - lambda) > 1e-9 * Math.abs(lambda));
        // recovering t from x is ill-conditioned near the fixed point: rounding of λ − x² (≈1e-16·max(|λ|, x²))
        // moves t by that over 2|λ||λ − x²|
        double conditioning = 1e-15 * Math.max(Math.abs(lambda), xSquared)
                / (2 * Math.abs(lambda) * Math.abs(lambda - xSquared));
        assertThat(FlowTime.time(2, lambda, alpha, x)).isCloseTo(t, within(1e-9 * (1 + t) + 10 * conditioning));
        double closed = Math.log(x * x / Math.abs(lambda - x * x)) / (2 * lambda)
                - Math.log(alpha * alpha / Math.abs(lambda - alpha * alpha)) / (2 * lambda);
        assertThat(FlowTime.time(2, lambda, alpha, x))
                .isCloseTo(closed, within(1e-9 * (1 + Math.abs(closed)) + 10 * conditioning));
    }

    /** Lemma 2.5 (λ = 0): x(t) = (α^{−(2N−2)} + (2N−2)t)^{−1/(2N−2)}, so τ(α → x(t)) = t. */
    @Test
    void zeroEigenvalueIsExplicit() {
        for (int depth = 2; depth <= 5; depth++) {
            double alpha = 0.7;
            double t = 3.5;
            double x = Math.pow(Math.pow(alpha, -(2 * depth - 2)) + (2 * depth - 2) * t, -1.0 / (2 * depth - 2));
            assertThat(FlowTime.time(depth, 0, alpha, x)).isCloseTo(t, within(1e-12));
        }
        // N = 1: x(t) = λ + (α − λ)e^{−t}
        assertThat(FlowTime.time(1, -2, 0.5, -2 + 2.5 * Math.exp(-1.5))).isCloseTo(1.5, within(1e-12));
    }

    /**
     * Lemma E.1′: c_N from the series equals the integral form (v*)^{2−N}/(N−2) − ∫_0^{v*} v/(1−v^N) dv (Simpson), and
     * matches theory.md's table to its 6 decimals; t* = τ(α → x*) approaches 1/((N−2)λα^{N−2}) − c_N λ^{−(2N−2)/N} with
     * error |h_N(a)| λ^{−(2N−2)/N} ≤ a²/(2(1−a^N)) λ^{−(2N−2)/N}, a = α/λ^{1/N}.
     */
    @Test
    void smallAlphaConstantMatchesTableAndIntegral() {
        int[] depths = {3, 4, 5, 6, 8};
        double[] table = {1.026829, 0.372063, 0.117176, -0.022224, -0.171752};
        for (int k = 0; k < depths.length; k++) {
            int n = depths[k];
            double constant = SmallAlphaEstimate.constant(n);
            assertThat(constant).isCloseTo(table[k], within(5e-7));
            double vStar = Math.pow((n - 1.0) / (2 * n - 1), 1.0 / n);
            double integral = Integrals.simpson(v -> v / (1 - Math.pow(v, n)), 0, vStar, 1e-13);
            assertThat(constant).isCloseTo(Math.pow(vStar, 2 - n) / (n - 2) - integral, within(1e-12));
            for (double lambda : new double[] {0.5, 2, 8}) {
                double alpha = 0.01;
                double tStar = FlowTime.time(n, lambda, alpha, FlowTime.inflectionPoint(n, lambda));
                double scale = Math.pow(lambda, -(2.0 * n - 2) / n);
                double expansion = 1 / ((n - 2) * lambda * Math.pow(alpha, n - 2)) - constant * scale;
                double a = alpha / Math.pow(lambda, 1.0 / n);
                assertThat(Math.abs(tStar - expansion))
                        .isLessThanOrEqualTo(a * a / (2 * (1 - Math.pow(a, n))) * scale * (1 + 1e-6) + 1e-9 * tStar);
            }
        }
    }

    /**
     * G_{N,λ}(u) in the complex-logarithm form (22′): the roots z_j of z^N = λ from EJML's complex root, the principal
     * branch Log(re^{iθ}) = ln r + iθ with θ ∈ (−π, π], and the real part of the complex sum. Independent of
     * {@link FlowTime#antiderivative} except for P_N: the test's own second form of (22′).
     */
    private static double antiderivativeComplexLog(int depth, double lambda, double u) {
        if (depth == 1 || lambda == 0) {
            return FlowTime.antiderivative(depth, lambda, u);
        }
        Complex_F64 constant = new Complex_F64(lambda, 0);
        Complex_F64 root = new Complex_F64();
        Complex_F64 rootSquared = new Complex_F64();
        Complex_F64 difference = new Complex_F64();
        Complex_F64 log = new Complex_F64();
        Complex_F64 term = new Complex_F64();
        ComplexPolar_F64 polar = new ComplexPolar_F64();
        Complex_F64 point = new Complex_F64(u, 0);
        double sumReal = 0;
        for (int j = 0; j < depth; j++) {
            ComplexMath_F64.root(constant, depth, j, root);
            ComplexMath_F64.multiply(root, root, rootSquared);
            ComplexMath_F64.minus(point, root, difference);
            ComplexMath_F64.convert(difference, polar);
            log.setTo(Math.log(polar.r), polar.theta);
            ComplexMath_F64.multiply(rootSquared, log, term);
            sumReal += term.real;
        }
        // the imaginary part of G is constant along each interval not containing λ₊^{1/N} (docs/theory.md §4.2), so the
        // real part carries every difference G(b) − G(a)
        return (FlowTime.polynomialPart(depth, u) - sumReal / (depth * lambda)) / lambda;
    }
}
