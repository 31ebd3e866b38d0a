package org.dmflab.core.train;

import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.model.TracePoint;

/**
 * What the factors W₁ … W_N say beyond their product (docs/theory.md §1.7): the balancedness
 * (Σ_{j<N} ‖W_{j+1}ᵀW_{j+1} − W_jW_jᵀ‖²_F)^{1/2}, which the gradient flow conserves and gradient descent changes by
 * O(η²) per step, and the smallest and largest ‖W_j‖_F. Each solver measures them its own way (the matrix solver from
 * its factors, the decoupled solvers from the factors' eigenvalues) and puts them on its trace row with {@link #on}.
 *
 * @param balancedness   the root of the summed squares above; 0 for N = 1
 * @param smallestNorm   min_j ‖W_j‖_F
 * @param largestNorm    max_j ‖W_j‖_F
 */
record FactorDiagnostics(double balancedness, double smallestNorm, double largestNorm) {

    /** From the squared Frobenius norms of the factors and the summed squared balancedness terms. */
    static FactorDiagnostics of(double[] squaredNorms, double squaredBalancedness) {
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (double square : squaredNorms) {
            double norm = Math.sqrt(Math.max(0, square));
            smallest = Math.min(smallest, norm);
            largest = Math.max(largest, norm);
        }
        return new FactorDiagnostics(Math.sqrt(squaredBalancedness), smallest, largest);
    }

    /** {@code point} with these diagnostics set. */
    TracePoint on(TracePoint point) {
        return point.with(TraceMetric.BALANCEDNESS, balancedness).with(TraceMetric.FACTOR_NORM_MIN, smallestNorm)
                .with(TraceMetric.FACTOR_NORM_MAX, largestNorm);
    }
}
