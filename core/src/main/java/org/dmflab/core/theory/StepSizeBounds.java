package org.dmflab.core.theory;

/**
 * Step-size limits of docs/theory.md §3 and §6.4 (all DERIVED for this project; the paper's constants (10), (14), (19)/(20)
 * are unrecovered): the per-eigenvalue condition (20′) of Lemma 2.2′, the uniform condition (10′), its perturbed
 * analogue (14′), and the divergence thresholds of Lemma B.1′. Pure functions.
 */
public final class StepSizeBounds {
    private StepSizeBounds() {
    }

    /**
     * (20′): the largest η for which the identical-start recursion (18) for eigenvalue λ converges monotonically. For
     * N = 1 this is 1 (monotone convergence, Lemma 2.2′); convergence itself holds for η &lt; 2.
     */
    public static double perEigenvalue(double lambda, double alpha, int depth) {
        if (depth == 1) {
            return 1;
        }
        int n = depth;
        if (lambda > 0) {
            double root = Math.pow(lambda, 1.0 / n);
            if (alpha <= root) {
                return 1 / (n * Math.pow(lambda, 2 - 2.0 / n));
            }
            return 1 / ((2 * n - 1) * ScalarRecursion.power(alpha, 2 * n - 2)
                    - (n - 1) * lambda * ScalarRecursion.power(alpha, n - 2));
        }
        return 1 / (ScalarRecursion.power(alpha, n - 2)
                * ((n - 1) * Math.abs(lambda) + (2 * n - 1) * ScalarRecursion.power(alpha, n)));
    }

    /** (10′): η ≤ 1/((3N − 2) M^{2N−2}) with M = max{α, ‖Φ‖₂^{1/N}}; implies (20′) for every eigenvalue. */
    public static double uniform(double operatorNorm, double alpha, int depth) {
        double m = Math.max(alpha, Math.pow(operatorNorm, 1.0 / depth));
        return 1 / ((3 * depth - 2) * ScalarRecursion.power(m, 2 * depth - 2));
    }

    /**
     * (14′): η ≤ 1/((3N − 2) M_p^{2N−2}) with M_p = √(max{α, ‖Φ‖₂^{1/N}}² + α² − β²), the numerically validated
     * condition for perturbed starts (CONJ in docs/theory.md §6.4).
     */
    public static double perturbed(double operatorNorm, double alpha, double beta, int depth) {
        double m = Math.max(alpha, Math.pow(operatorNorm, 1.0 / depth));
        double mp = Math.sqrt(m * m + alpha * alpha - beta * beta);
        return 1 / ((3 * depth - 2) * ScalarRecursion.power(mp, 2 * depth - 2));
    }

    /**
     * Lemma B.1′: the step size beyond which the recursion provably does not converge to its limit — 2 for N = 1; for
     * N ≥ 2 and λ &gt; 0, 2/(N λ^{2−2/N}) (the fixed point λ^{1/N} becomes unstable); for λ ≤ 0 with α^N &gt; |λ|,
     * 2/(α^{N−2}(α^N − |λ|)) (growth by a constant factor); +∞ when the lemma says nothing.
     */
    public static double divergence(double lambda, double alpha, int depth) {
        if (depth == 1) {
            return 2;
        }
        int n = depth;
        if (lambda > 0) {
            return 2 / (n * Math.pow(lambda, 2 - 2.0 / n));
        }
        double excess = ScalarRecursion.power(alpha, n) - Math.abs(lambda);
        return excess > 0 ? 2 / (ScalarRecursion.power(alpha, n - 2) * excess) : Double.POSITIVE_INFINITY;
    }
}
