package org.dmflab.core.theory;

import java.util.function.DoubleUnaryOperator;

/**
 * Adaptive Simpson quadrature written for the tests, independent of the engine's Gauss–Kronrod rule: the reference
 * against which the closed-form flow times (22′) and the engine's quadrature are checked.
 */
final class Integrals {
    private Integrals() {
    }

    /** ∫_a^b f to relative tolerance {@code relative} of a first estimate (recursion depth at most 40 per branch). */
    static double simpson(DoubleUnaryOperator f, double a, double b, double relative) {
        double fa = f.applyAsDouble(a);
        double fb = f.applyAsDouble(b);
        double m = 0.5 * (a + b);
        double fm = f.applyAsDouble(m);
        double whole = (b - a) / 6 * (fa + 4 * fm + fb);
        double rough = Math.abs(refine(f, a, b, fa, fm, fb, whole, Double.POSITIVE_INFINITY, 6));
        return refine(f, a, b, fa, fm, fb, whole, relative * rough, 40);
    }

    private static double refine(DoubleUnaryOperator f, double a, double b, double fa, double fm, double fb,
                                 double whole, double tolerance, int depth) {
        double m = 0.5 * (a + b);
        double lm = 0.5 * (a + m);
        double rm = 0.5 * (m + b);
        double flm = f.applyAsDouble(lm);
        double frm = f.applyAsDouble(rm);
        double left = (m - a) / 6 * (fa + 4 * flm + fm);
        double right = (b - m) / 6 * (fm + 4 * frm + fb);
        double difference = left + right - whole;
        if (depth <= 0 || Math.abs(difference) <= 15 * tolerance && depth < 34) {
            return left + right + difference / 15;
        }
        return refine(f, a, m, fa, flm, fm, left, tolerance / 2, depth - 1)
                + refine(f, m, b, fm, frm, fb, right, tolerance / 2, depth - 1);
    }
}
