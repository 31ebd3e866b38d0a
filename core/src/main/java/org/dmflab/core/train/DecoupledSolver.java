package org.dmflab.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dmflab.core.linalg.SpectralProduct;
import org.dmflab.core.linalg.SymmetricEigen;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.theory.ScalarRecursion;
import org.ejml.data.DMatrixRMaj;
import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.model.TracePoint;

/**
 * The common part of the solvers that work in the target's eigenbasis (docs/theory.md §2, (39)): for a symmetric
 * Φ = VΛVᵀ and an identity or perturbed start, W₁ = V diag(x) Vᵀ, W₂ = … = W_N = V diag(y) Vᵀ and
 * W = V diag(p) Vᵀ with pᵢ = xᵢ yᵢ^{N−1}. All trace columns follow from p without any decomposition: lambda = p,
 * sigma = |p| sorted descending, error_fro = ‖p − λ‖₂, error_op = max|p − λ|, loss = ½‖p − λ‖². For an identity start
 * (and for N = 1) y is x.
 */
abstract class DecoupledSolver implements Solver {
    protected final int depth;
    protected final double eta;
    protected final double[] lambda;
    protected final double[] x;
    /** Eigenvalues of W₂ … W_N; the same array as x for an identity start or N = 1. */
    protected final double[] y;
    protected final boolean perturbed;
    private final DMatrixRMaj vectors;
    private final double[] product;
    /** Scratch for element-wise powers, preallocated so that no step allocates. */
    protected final double[] powers;

    DecoupledSolver(TrainingProblem problem) {
        TrainConfig config = problem.config();
        SymmetricEigen eigen = problem.eigen().orElseThrow(() -> new IllegalStateException(
                "the decoupled solvers need a symmetric target"));
        depth = config.depth();
        eta = config.step();
        lambda = eigen.values();
        vectors = eigen.vectors();
        int n = lambda.length;
        perturbed = config.init() == Initialization.PERTURBED && depth >= 2;
        x = new double[n];
        double start = config.init() == Initialization.PERTURBED ? config.beta() : config.alpha();
        Arrays.fill(x, start);
        if (perturbed) {
            y = new double[n];
            Arrays.fill(y, config.alpha());
        } else {
            y = x;
        }
        product = new double[n];
        powers = new double[n];
    }

    @Override
    public double evaluate() {
        ScalarRecursion.powers(y, depth - 1, powers); // product x·y^{N−1} (39), as ScalarRecursion.productEigenvalue
        // four partial sums: one running sum is a chain of dependent additions that costs more than the products
        double sum0 = 0;
        double sum1 = 0;
        double sum2 = 0;
        double sum3 = 0;
        int n = x.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            sum0 += squaredResidual(i);
            sum1 += squaredResidual(i + 1);
            sum2 += squaredResidual(i + 2);
            sum3 += squaredResidual(i + 3);
        }
        for (; i < n; i++) {
            sum0 += squaredResidual(i);
        }
        return 0.5 * ((sum0 + sum1) + (sum2 + sum3));
    }

    private double squaredResidual(int i) {
        product[i] = x[i] * powers[i];
        double d = product[i] - lambda[i];
        return d * d;
    }

    @Override
    public TracePoint measure() {
        double loss = evaluate();
        double max = 0;
        double[] sigma = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(product[i] - lambda[i]));
            sigma[i] = Math.abs(product[i]);
        }
        Arrays.sort(sigma);
        for (int i = 0, j = sigma.length - 1; i < j; i++, j--) {
            double swap = sigma[i];
            sigma[i] = sigma[j];
            sigma[j] = swap;
        }
        return factorDiagnostics().on(TracePoint.of(product.clone(), sigma).with(TraceMetric.LOSS, loss)
                .with(TraceMetric.ERROR_FRO, Math.sqrt(2 * loss)).with(TraceMetric.ERROR_OP, max));
    }

    /**
     * The factors' diagnostics from their eigenvalues: ‖W₁‖_F = ‖x‖, ‖W_j‖_F = ‖y‖ (j ≥ 2), and since the factors
     * share the eigenvectors V, W₂ᵀW₂ − W₁W₁ᵀ = V diag(y² − x²) Vᵀ while the other pairs are equal (zero terms).
     */
    private FactorDiagnostics factorDiagnostics() {
        double xSquares = 0;
        double ySquares = 0;
        double imbalance = 0;
        for (int i = 0; i < x.length; i++) {
            xSquares += x[i] * x[i];
            ySquares += y[i] * y[i];
            double difference = y[i] * y[i] - x[i] * x[i];
            imbalance += difference * difference;
        }
        double[] squaredNorms = new double[depth];
        java.util.Arrays.fill(squaredNorms, ySquares);
        squaredNorms[0] = xSquares;
        return FactorDiagnostics.of(squaredNorms, depth == 1 ? 0 : imbalance);
    }

    @Override
    public DMatrixRMaj product() {
        evaluate();
        return inBasis(product);
    }

    @Override
    public List<DMatrixRMaj> factors() {
        List<DMatrixRMaj> factors = new ArrayList<>(depth);
        factors.add(inBasis(x));
        DMatrixRMaj others = inBasis(y);
        for (int j = 2; j <= depth; j++) {
            factors.add(others.copy());
        }
        return factors;
    }

    /** V diag(d) Vᵀ. */
    private DMatrixRMaj inBasis(double[] diagonal) {
        return SpectralProduct.symmetric(vectors, diagonal);
    }

    @Override
    public void close() {
    }
}
