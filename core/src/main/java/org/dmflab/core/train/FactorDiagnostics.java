package org.dmflab.core.train;

import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.model.TracePoint;

/**
 * What the factors W₁ … W_N say beyond their product (docs/theory.md §1.7), as every solver measures it: the squared
 * Frobenius norms ‖W_j‖²_F and the summed squared balancedness terms Σ_{j<N} ‖W_{j+1}ᵀW_{j+1} − W_jW_jᵀ‖²_F (which the
 * gradient flow conserves and gradient descent changes by O(η²) per step). Each solver measures them its own way (the
 * matrix solver from its factors, the decoupled solvers from the factors' eigenvalues); {@link #on} puts every metric
 * declared of them ({@link TraceMetric.Basis#FACTORS}: the balancedness, the smallest and largest ‖W_j‖_F) on its
 * trace row.
 *
 * @param squaredNorms      ‖W_j‖²_F, W₁ first
 * @param squaredImbalance  the summed squared balancedness terms; 0 for N = 1
 */
record FactorDiagnostics(double[] squaredNorms, double squaredImbalance) {

    /** From the squared Frobenius norms of the factors and the summed squared balancedness terms. */
    static FactorDiagnostics of(double[] squaredNorms, double squaredImbalance) {
        return new FactorDiagnostics(squaredNorms.clone(), squaredImbalance);
    }

    /** {@code point} with every metric of the factors set. */
    TracePoint on(TracePoint point) {
        TracePoint row = point;
        for (TraceMetric metric : TraceMetric.of(TraceMetric.Basis.FACTORS)) {
            row = row.with(metric, metric.ofFactors(squaredNorms, squaredImbalance));
        }
        return row;
    }
}
