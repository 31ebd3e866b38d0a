package org.dmflab.core.theory;

import java.util.OptionalLong;

/**
 * The perturbed start (13) in the flow limit and the phase transition (46) (docs/theory.md §6). In the gradient flow of (40)
 * the difference of squares y² − x² = γ² = α² − β² is conserved (44′), so with q(x) = (x² + γ²)^{(N−1)/2} and the product
 * eigenvalue p(x) = x q(x) the dynamics reduce to ẋ = q(x)(λ − p(x)). Flow times are integrals of 1/(q(λ − p)), computed
 * by adaptive Gauss–Kronrod quadrature. Everything here is an estimate (CONJ in docs/theory.md) except
 * {@link #signChangeBound}, which is Lemma 2.11′ (DERIVED, proved).
 */
public final class PerturbedFlow {
    private static final double RELATIVE_TOLERANCE = 1e-10;

    private PerturbedFlow() {
    }

    /**
     * (47′): t_K = ∫_0^β du / (q(u)(p(u) + |λ|)), the flow time until the perturbed factor's eigenvalue x reaches 0, for
     * λ &lt; 0 and N ≥ 2. K ≈ t_K/η.
     */
    public static double signChangeTime(int depth, double lambda, double alpha, double beta) {
        double gammaSquared = alpha * alpha - beta * beta;
        double magnitude = Math.abs(lambda);
        return Quadrature.integrateRelative(u -> {
            double q = spread(u, gammaSquared, depth);
            return 1 / (q * (u * q + magnitude));
        }, 0, beta, RELATIVE_TOLERANCE);
    }

    /**
     * The flow time from x = {@code start} until the product eigenvalue p(x) = x(x² + γ²)^{(N−1)/2} is within
     * {@code tolerance} of λ (0 if it already is), for N ≥ 2 and start ≥ 0. Used for (16′): t₂ is this time with λ
     * replaced by |λ| and start 0 (the mirrored dynamics (53) after the sign change), and for λ ≥ 0 from start β.
     */
    public static double accuracyTime(int depth, double lambda, double gammaSquared, double start, double tolerance) {
        double startProduct = product(start, gammaSquared, depth);
        if (Math.abs(startProduct - lambda) <= tolerance) {
            return 0;
        }
        double target = startProduct < lambda ? lambda - tolerance : lambda + tolerance;
        double end = solveProduct(target, gammaSquared, depth);
        double low = Math.min(start, end);
        double high = Math.max(start, end);
        // λ − p(u) is evaluated with absolute rounding ~1e-16·max(|λ|, p), relative noise up to that over the tolerance
        double noise = Math.max(1e-13, 1e-15 * Math.max(Math.abs(lambda), startProduct) / tolerance);
        return Quadrature.integrateRelative(u -> {
            double q = spread(u, gammaSquared, depth);
            return 1 / (q * Math.abs(lambda - u * q));
        }, low, high, RELATIVE_TOLERANCE, noise);
    }

    /**
     * Lemma 2.11′: for λ &lt; 0, 0 &lt; β &lt; α and N ≥ 2, with ρ̄ = η(α^N + |λ|)α^{N−2},
     * S* = ln((α+β)/(α−β))/(2 − ρ̄) and ρ_low = η|λ|((α² − β²)(1 − ρ̄S*))^{(N−2)/2}: if ρ̄ &lt; 1 and ρ̄S* &lt; 1 then
     * K ≤ ⌊S* /ρ_low⌋ + 1. Empty when the conditions fail.
     */
    public static OptionalLong signChangeBound(int depth, double lambda, double alpha, double beta, double eta) {
        double magnitude = Math.abs(lambda);
        double rhoBar = eta * (ScalarRecursion.power(alpha, depth) + magnitude) * ScalarRecursion.power(alpha, depth - 2);
        double sStar = Math.log((alpha + beta) / (alpha - beta)) / (2 - rhoBar);
        if (!(rhoBar < 1) || !(rhoBar * sStar < 1)) {
            return OptionalLong.empty();
        }
        double rhoLow = eta * magnitude
                * Math.pow((alpha * alpha - beta * beta) * (1 - rhoBar * sStar), (depth - 2) / 2.0);
        return OptionalLong.of(Saturating.add(Saturating.floor(sStar / rhoLow), 1));
    }

    /** p(x) = x (x² + γ²)^{(N−1)/2}. */
    static double product(double x, double gammaSquared, int depth) {
        return x * spread(x, gammaSquared, depth);
    }

    private static double spread(double x, double gammaSquared, int depth) {
        return Math.pow(x * x + gammaSquared, (depth - 1) / 2.0);
    }

    /** The u ≥ 0 with p(u) = target ≥ 0 (p is increasing on [0, ∞)), by bisection to full precision. */
    private static double solveProduct(double target, double gammaSquared, int depth) {
        double low = 0;
        double high = 1;
        while (product(high, gammaSquared, depth) < target) {
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > Math.ulp(high); i++) {
            double middle = 0.5 * (low + high);
            if (product(middle, gammaSquared, depth) < target) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return 0.5 * (low + high);
    }
}
