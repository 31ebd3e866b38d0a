package org.dmflab.core.theory;

import org.dmflab.core.dynamics.Initialization;

/**
 * The exact decoupled dynamics of gradient descent for a symmetric target Φ = VΛVᵀ (docs/theory.md §2): with identical
 * initialization every factor is V diag(x) Vᵀ with x following (18); with perturbed initialization W₁ = V diag(x) Vᵀ and
 * W₂…W_N = V diag(y) Vᵀ following (40)/(41). These are the same iterates as matrix gradient descent in exact arithmetic,
 * at O(1) cost per eigenvalue and step. Pure functions, no allocation.
 */
public final class ScalarRecursion {
    private ScalarRecursion() {
    }

    /** uᵏ for small non-negative k by repeated multiplication (exact to rounding, much faster than Math.pow). */
    public static double power(double u, int k) {
        double result = 1;
        for (int i = 0; i < k; i++) {
            result *= u;
        }
        return result;
    }

    /**
     * {@code out[i] = power(base[i], k)} for every i, computed power by power over the whole array so that the JIT can
     * vectorise it; the same left-to-right products as {@link #power}, hence bit-identical results.
     */
    public static void powers(double[] base, int k, double[] out) {
        int n = base.length;
        if (k == 0) {
            java.util.Arrays.fill(out, 0, n, 1.0);
            return;
        }
        System.arraycopy(base, 0, out, 0, n);
        for (int m = 1; m < k; m++) {
            for (int i = 0; i < n; i++) {
                out[i] *= base[i];
            }
        }
    }

    /** (18): x(k+1) = x + η x^{N−1}(λ − x^N). */
    public static double identicalStep(double x, double lambda, double eta, int depth) {
        double xToNMinus1 = power(x, depth - 1);
        return x + eta * xToNMinus1 * (lambda - xToNMinus1 * x);
    }

    /** (40), first line: x(k+1) = x − η y^{N−1}(x y^{N−1} − λ). For N = 1 this is (18) with N = 1. */
    public static double perturbedStepX(double x, double y, double lambda, double eta, int depth) {
        double yToNMinus1 = power(y, depth - 1);
        return x - eta * yToNMinus1 * (x * yToNMinus1 - lambda);
    }

    /** (40), second line: y(k+1) = y − η x y^{N−2}(x y^{N−1} − λ); requires N ≥ 2. */
    public static double perturbedStepY(double x, double y, double lambda, double eta, int depth) {
        double yToNMinus2 = power(y, depth - 2);
        return y - eta * x * yToNMinus2 * (x * yToNMinus2 * y - lambda);
    }

    /** The product's eigenvalue x y^{N−1} under perturbed initialization (39); x^N when x = y. */
    public static double productEigenvalue(double x, double y, int depth) {
        return x * power(y, depth - 1);
    }

    /**
     * What the product's eigenvalue converges to (docs/theory.md §3, §6.4): λ for N = 1 and for perturbed or Gaussian
     * starts, λ₊ = max(λ, 0) for an identical start with N ≥ 2 (negative eigenvalues are never recovered).
     */
    public static double limit(double lambda, Initialization init, int depth) {
        return depth >= 2 && init == Initialization.IDENTITY ? Math.max(lambda, 0) : lambda;
    }
}
