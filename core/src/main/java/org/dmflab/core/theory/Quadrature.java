package org.dmflab.core.theory;

import java.util.function.DoubleUnaryOperator;

/**
 * Adaptive Gauss–Kronrod (7/15-point) quadrature for the one-dimensional flow-time integrals that have no closed form:
 * (47′) and (16′) of docs/theory.md §6. Recursive bisection until the Kronrod–Gauss difference on a piece is below its share
 * (proportional to its width) of the requested tolerance, or at the integrand's noise level. The integrands here are smooth and positive on closed intervals, the setting in
 * which this rule converges fast.
 */
final class Quadrature {
    private static final double[] NODES = {
            0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
            0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
            0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
            0.207784955007898467600689403773245, 0.0};
    private static final double[] KRONROD_WEIGHTS = {
            0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
            0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
            0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
            0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    /** Gauss weights of the nodes 1, 3, 5 and 7 (0-based) above. */
    private static final double[] GAUSS_WEIGHTS = {
            0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
            0.381830050505118944950369775488975, 0.417959183673469387755102040816327};
    private static final int MAX_DEPTH = 50;
    /** Default relative noise of an integrand's values (a few ulps, accumulated). */
    private static final double DEFAULT_NOISE = 1e-13;

    private Quadrature() {
    }

    /**
     * ∫_a^b h(u) du to relative tolerance {@code relative}, measured against a first 15-point estimate of the whole
     * integral (a ≤ b).
     */
    static double integrateRelative(DoubleUnaryOperator integrand, double a, double b, double relative) {
        return integrateRelative(integrand, a, b, relative, DEFAULT_NOISE);
    }

    /**
     * As {@link #integrateRelative(DoubleUnaryOperator, double, double, double)} for an integrand whose values carry
     * relative rounding noise up to {@code noise} (pieces whose Kronrod–Gauss difference is below it are accepted).
     */
    static double integrateRelative(DoubleUnaryOperator integrand, double a, double b, double relative, double noise) {
        if (a == b) {
            return 0;
        }
        double rough = Math.abs(adapt(integrand, a, b, Double.POSITIVE_INFINITY, noise, 0));
        return adapt(integrand, a, b, relative * rough / (b - a), noise, 0);
    }

    /**
     * A piece of width w is accepted when |Kronrod − Gauss| ≤ w·(tolerance per unit length), or when that difference is
     * below {@code noise} times the piece's value: the flow integrands 1/(q(λ − p)) are evaluated with cancellation in
     * λ − p near their end point, so their values carry relative noise that no bisection removes.
     */
    private static double adapt(DoubleUnaryOperator h, double a, double b, double tolerancePerLength, double noise,
                                int depth) {
        double center = 0.5 * (a + b);
        double half = 0.5 * (b - a);
        double centerValue = h.applyAsDouble(center);
        double kronrod = KRONROD_WEIGHTS[7] * centerValue;
        double gauss = GAUSS_WEIGHTS[3] * centerValue;
        for (int i = 0; i < 7; i++) {
            double offset = half * NODES[i];
            double pair = h.applyAsDouble(center - offset) + h.applyAsDouble(center + offset);
            kronrod += KRONROD_WEIGHTS[i] * pair;
            if (i % 2 == 1) {
                gauss += GAUSS_WEIGHTS[i / 2] * pair;
            }
        }
        kronrod *= half;
        gauss *= half;
        double difference = Math.abs(kronrod - gauss);
        if (difference <= 2 * half * tolerancePerLength || difference <= noise * Math.abs(kronrod)
                || depth >= MAX_DEPTH || half <= Math.ulp(center) * 8) {
            return kronrod;
        }
        return adapt(h, a, center, tolerancePerLength, noise, depth + 1)
                + adapt(h, center, b, tolerancePerLength, noise, depth + 1);
    }
}
