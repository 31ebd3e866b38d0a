package org.dmflab.core.theory;

import java.util.OptionalDouble;

/**
 * The simplified iteration count (12′) of docs/theory.md §5.7 for an identical start with small α (DERIVED; an estimate, not
 * a bound): T ≈ T⁽¹⁾ + T⁽²⁾ + T⁽³⁾ with T⁽¹⁾ = t* /η from the small-α expansion of Lemma E.1′,
 * t* ≈ 1/((N−2)λα^{N−2}) − c_N λ^{−(2N−2)/N} (N ≥ 3; for N = 2 the exact t* = ln((λ−α²)/(2α²))/(2λ)),
 * T⁽²⁾ = ln(N(1−v*)λ/ε)/(−ln(1 − ηN(v*)^{2N−2}λ^{(2N−2)/N})) and T⁽³⁾ = L t* + 1. ε is absolute.
 */
public final class SmallAlphaEstimate {
    private SmallAlphaEstimate() {
    }

    /**
     * Lemma E.1′: c_N = (v*)^{2−N}/(N − 2) − Σ_{m≥0} (v*)^{mN+2}/(mN + 2), v* = ((N−1)/(2N−1))^{1/N}, for N ≥ 3. The series
     * is ∫_0^{v*} v/(1 − v^N) dv expanded geometrically; its ratio (v*)^N = (N−1)/(2N−1) ≤ 1/2·(1 + 1/(2N−1)) keeps it short.
     */
    public static double constant(int depth) {
        if (depth < 3) {
            throw new IllegalArgumentException("c_N is defined for N ≥ 3, got " + depth);
        }
        double vStar = Math.pow((depth - 1.0) / (2 * depth - 1), 1.0 / depth);
        double ratio = ScalarRecursion.power(vStar, depth);
        double series = 0;
        double power = vStar * vStar;
        for (int m = 0; m < 2000; m++) {
            double term = power / (m * depth + 2);
            series += term;
            if (term < 1e-18 * series) {
                break;
            }
            power *= ratio;
        }
        return Math.pow(vStar, 2 - depth) / (depth - 2) - series;
    }

    /**
     * (12′) for eigenvalue λ &gt; 0, or empty where it does not apply: it needs N ≥ 2, α below the inflection point x*
     * and (λ − ε)^{1/N} &gt; x* (the two-phase case of (24′)).
     */
    public static OptionalDouble iterations(int depth, double lambda, double alpha, double eta, double epsilon) {
        int n = depth;
        if (n < 2 || HittingRegime.of(n, lambda, alpha, epsilon) != HittingRegime.TWO_PHASE
                || alpha >= FlowTime.inflectionPoint(n, lambda)) {
            return OptionalDouble.empty();
        }
        double scale = Math.pow(lambda, (2.0 * n - 2) / n);
        double tStar = n == 2
                ? Math.log((lambda - alpha * alpha) / (2 * alpha * alpha)) / (2 * lambda)
                : 1 / ((n - 2) * lambda * ScalarRecursion.power(alpha, n - 2)) - constant(n) / scale;
        double vStar = Math.pow((n - 1.0) / (2 * n - 1), 1.0 / n);
        double contraction = 1 - eta * n * ScalarRecursion.power(vStar, 2 * n - 2) * scale;
        if (contraction <= 0) {
            return OptionalDouble.empty();
        }
        double t2 = Math.log(n * (1 - vStar) * lambda / epsilon) / -Math.log(contraction);
        double t3 = HittingTimeBounds.maxRateDerivative(n, lambda, alpha) * tStar + 1;
        return OptionalDouble.of(tStar / eta + t2 + t3);
    }
}
