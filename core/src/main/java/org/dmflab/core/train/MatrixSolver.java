package org.dmflab.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dmflab.core.linalg.RandomMatrices;
import org.dmflab.core.linalg.Spectra;
import org.dmflab.core.linalg.SymmetricEigen;
import org.dmflab.core.theory.Initialization;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Gradient descent (6) on all factors at once (theory.md §1.3–1.6, design.md §5). {@link #evaluate()} forms the prefix
 * products P_j = W_j ⋯ W₁ (N − 1 products) and the loss gradient G = ∂L/∂W (G = W − Φ for the full loss (5),
 * G = Σᵢ (⟨Aᵢ, W⟩ − yᵢ) Aᵢ for matrix sensing). {@link #update()} walks back from j = N with S = W_{j+1}ᵀ ⋯ W_Nᵀ G:
 * W_j −= η S P_{j−1}ᵀ, which is (9), after S ← W_jᵀ S with the old W_j — 2(N − 1) products, 3N − 3 in all, in
 * preallocated buffers through {@link DenseKernel}. Factors are updated simultaneously from the iterates of step k.
 *
 * <p>With an identical start, round-off makes the factors differ at the 1e-16 level; when a negative eigenvalue of Φ
 * exceeds a positive one in modulus this difference grows (theory.md §2.3) and the run leaves the theory's trajectory.
 * That is real floating-point gradient descent; {@link SpectralSolver} stays on it.
 */
final class MatrixSolver implements Solver {
    private final TrainingProblem problem;
    private final int depth;
    private final double eta;
    private final DenseKernel kernel;
    private final DMatrixRMaj[] factors;
    /** prefix[j] = W_{j+1} ⋯ W₁ for j ≥ 1; prefix[0] is W₁ itself. */
    private final DMatrixRMaj[] prefix;
    private final DMatrixRMaj gradient;
    private final DMatrixRMaj backA;
    private final DMatrixRMaj backB;
    private final DMatrixRMaj scratch;
    private final double[] target;
    private final double[] operators;
    private final double[] observations;
    private final double[] residuals;
    private double loss = Double.NaN;
    private boolean evaluated;

    MatrixSolver(TrainingProblem problem, DenseKernel kernel) {
        this.problem = problem;
        this.kernel = kernel;
        TrainConfig config = problem.config();
        depth = config.depth();
        eta = config.step();
        factors = initialFactors(problem);
        prefix = new DMatrixRMaj[depth];
        prefix[0] = factors[0];
        for (int j = 1; j < depth; j++) {
            prefix[j] = new DMatrixRMaj(problem.factorRows(j + 1), problem.cols());
        }
        int m = problem.rows();
        int n = problem.cols();
        gradient = new DMatrixRMaj(m, n);
        int maxRows = Math.max(m, problem.width());
        backA = new DMatrixRMaj(maxRows, n);
        backB = new DMatrixRMaj(maxRows, n);
        scratch = new DMatrixRMaj(n, maxRows);
        target = problem.target().data;
        if (config.loss() == LossKind.SENSING) {
            operators = problem.sensing().orElseThrow().operators().data;
            observations = problem.sensing().orElseThrow().observations();
            residuals = new double[observations.length];
        } else {
            operators = null;
            observations = null;
            residuals = null;
        }
    }

    /** The start of theory.md §1.4–1.6: αI (7), W₁ = βI and the others αI (13), or seeded Gaussian entries. */
    static DMatrixRMaj[] initialFactors(TrainingProblem problem) {
        TrainConfig config = problem.config();
        int depth = config.depth();
        DMatrixRMaj[] factors = new DMatrixRMaj[depth];
        Random random = config.init() == Initialization.GAUSSIAN ? new Random(config.seed().orElseThrow()) : null;
        for (int j = 1; j <= depth; j++) {
            int rows = problem.factorRows(j);
            int cols = problem.factorCols(j);
            DMatrixRMaj factor;
            if (random != null) {
                factor = RandomMatrices.gaussian(rows, cols, config.sigma(), random);
            } else {
                factor = new DMatrixRMaj(rows, cols);
                double scale = j == 1 && config.init() == Initialization.PERTURBED ? config.beta() : config.alpha();
                for (int i = 0; i < Math.min(rows, cols); i++) {
                    factor.unsafe_set(i, i, scale);
                }
            }
            factors[j - 1] = factor;
        }
        return factors;
    }

    @Override
    public SolverKind kind() {
        return SolverKind.MATRIX;
    }

    @Override
    public double evaluate() {
        for (int j = 1; j < depth; j++) {
            kernel.multiply(factors[j], prefix[j - 1], prefix[j]);
        }
        double[] w = prefix[depth - 1].data;
        double[] g = gradient.data;
        int size = g.length;
        double sum = 0;
        if (operators == null) {
            for (int k = 0; k < size; k++) {
                double d = w[k] - target[k];
                g[k] = d;
                sum += d * d;
            }
        } else {
            for (int k = 0; k < size; k++) {
                g[k] = 0;
            }
            for (int i = 0; i < residuals.length; i++) {
                int row = i * size;
                double dot = 0;
                for (int k = 0; k < size; k++) {
                    dot += operators[row + k] * w[k];
                }
                double r = dot - observations[i];
                residuals[i] = r;
                sum += r * r;
                for (int k = 0; k < size; k++) {
                    g[k] += r * operators[row + k];
                }
            }
        }
        loss = 0.5 * sum;
        evaluated = true;
        return loss;
    }

    @Override
    public void update() {
        DMatrixRMaj s = gradient;
        DMatrixRMaj next = backA;
        for (int j = depth - 1; j >= 1; j--) {
            DMatrixRMaj factor = factors[j];
            next.reshape(factor.numCols, s.numCols, false);
            kernel.multiplyTransA(factor, s, next); // with the old W_j, before it is updated below
            kernel.addMultiplyTransB(-eta, s, prefix[j - 1], factor, scratch);
            s = next;
            next = s == backA ? backB : backA;
        }
        double[] w1 = factors[0].data;
        double[] sd = s.data;
        for (int k = 0; k < w1.length; k++) {
            w1[k] -= eta * sd[k];
        }
        evaluated = false;
    }

    @Override
    public TracePoint measure() {
        if (!evaluated) {
            evaluate();
        }
        DMatrixRMaj w = prefix[depth - 1];
        DMatrixRMaj error = new DMatrixRMaj(w.numRows, w.numCols);
        CommonOps_DDRM.subtract(w, problem.target(), error);
        double errorFro = CommonOps_DDRM.elementSum(elementSquares(error));
        double[] errorSingular = Spectra.singularValues(error);
        double[] sigma = Spectra.singularValues(w);
        double[] lambda = problem.eigen().map(eigen -> alongEigenvectors(eigen, w)).orElse(new double[0]);
        return new TracePoint(loss, Math.sqrt(errorFro), errorSingular.length == 0 ? 0 : errorSingular[0], lambda,
                sigma);
    }

    private static DMatrixRMaj elementSquares(DMatrixRMaj matrix) {
        DMatrixRMaj squares = matrix.copy();
        CommonOps_DDRM.elementMult(squares, matrix);
        return squares;
    }

    /** vᵢᵀ W vᵢ for each eigenvector vᵢ of the target. */
    static double[] alongEigenvectors(SymmetricEigen eigen, DMatrixRMaj w) {
        DMatrixRMaj v = eigen.vectors();
        int n = v.numRows;
        double[] lambda = new double[n];
        double[] wv = new double[n];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < n; r++) {
                double sum = 0;
                for (int c = 0; c < n; c++) {
                    sum += w.unsafe_get(r, c) * v.unsafe_get(c, i);
                }
                wv[r] = sum;
            }
            double quad = 0;
            for (int r = 0; r < n; r++) {
                quad += v.unsafe_get(r, i) * wv[r];
            }
            lambda[i] = quad;
        }
        return lambda;
    }

    @Override
    public DMatrixRMaj product() {
        if (evaluated || depth == 1) {
            return prefix[depth - 1].copy();
        }
        DMatrixRMaj w = factors[0].copy();
        for (int j = 1; j < depth; j++) {
            DMatrixRMaj next = new DMatrixRMaj(factors[j].numRows, w.numCols);
            CommonOps_DDRM.mult(factors[j], w, next);
            w = next;
        }
        return w;
    }

    @Override
    public List<DMatrixRMaj> factors() {
        List<DMatrixRMaj> copies = new ArrayList<>(depth);
        for (DMatrixRMaj factor : factors) {
            copies.add(factor.copy());
        }
        return copies;
    }

    @Override
    public void close() {
        kernel.close();
    }
}
