package org.dmflab.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dmflab.core.linalg.RandomMatrices;
import org.dmflab.core.linalg.Spectra;
import org.dmflab.core.linalg.SymmetricEigen;
import org.dmflab.core.model.Initialization;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.dmflab.core.model.TracePoint;

/**
 * Gradient descent (6) on all factors at once (docs/theory.md §1.3–1.6, docs/design.md §5). {@link #evaluate()} forms the prefix
 * products P_j = W_j ⋯ W₁ (N − 1 products) and the loss gradient G = ∂L/∂W (G = W − Φ for the full loss (5),
 * G = Σᵢ (⟨Aᵢ, W⟩ − yᵢ) Aᵢ for matrix sensing, W − Y on the observed entries and 0 elsewhere for completion, by
 * {@link CompletionLoss}). {@link #update()} walks back from j = N with S = W_{j+1}ᵀ ⋯ W_Nᵀ G:
 * W_j −= η S P_{j−1}ᵀ, which is (9), after S ← W_jᵀ S with the old W_j — 2(N − 1) products, 3N − 3 in all, in
 * preallocated buffers through {@link DenseKernel}. Factors are updated simultaneously from the iterates of step k.
 *
 * <p>With an identical start, round-off makes the factors differ at the 1e-16 level; when a negative eigenvalue of Φ
 * exceeds a positive one in modulus this difference grows (docs/theory.md §2.3), and for N = 2 it also grows in the channel of
 * a negative eigenvalue once that factor eigenvalue reaches machine precision (the paper's Remark 1.4); the run then
 * leaves the theory's trajectory. That is real floating-point gradient descent; {@link SpectralSolver} stays on it.
 */
final class MatrixSolver implements Solver {
    /** About a millisecond of work: from this size of product on, the run's cancel check also runs between products. */
    static final long LONG_PRODUCT_FLOPS = 5_000_000L;

    private final TrainingProblem problem;
    private final int depth;
    private final double eta;
    private final DenseKernel kernel;
    /** W₁ … W_N as arrays of rows. */
    private final double[][][] factors;
    private final int[] factorRows;
    private final int[] factorCols;
    /** prefix[j] = W_{j+1} ⋯ W₁ for j ≥ 1; prefix[0] is W₁ itself. */
    private final double[][][] prefix;
    private final double[][] gradient;
    private final double[][] backA;
    private final double[][] backB;
    private final double[][] scratch;
    private final double[][] target;
    private final int m;
    private final int n;
    private final double[] operators;
    private final double[] observations;
    private final double[] residuals;
    private final CompletionLoss completion;
    /** Completion with a known target: which entries are observed (row-major), for the error on the others. */
    private final boolean[] observedMask;
    private final double targetFro;
    private double loss = Double.NaN;
    private boolean evaluated;
    /** Called between products when one product is long enough to matter for a prompt cancel (large matrices). */
    private Runnable cancelCheck = () -> {
    };
    private final boolean checkBetweenProducts;

    MatrixSolver(TrainingProblem problem, DenseKernel kernel) {
        this.problem = problem;
        this.kernel = kernel;
        TrainConfig config = problem.config();
        depth = config.depth();
        eta = config.step();
        m = problem.rows();
        n = problem.cols();
        DMatrixRMaj[] initial = initialFactors(problem);
        factors = new double[depth][][];
        factorRows = new int[depth];
        factorCols = new int[depth];
        for (int j = 0; j < depth; j++) {
            factors[j] = DenseKernel.rows(initial[j]);
            factorRows[j] = initial[j].numRows;
            factorCols[j] = initial[j].numCols;
        }
        prefix = new double[depth][][];
        prefix[0] = factors[0];
        for (int j = 1; j < depth; j++) {
            prefix[j] = new double[factorRows[j]][n];
        }
        gradient = new double[m][n];
        int maxRows = Math.max(m, problem.width());
        backA = new double[maxRows][n];
        backB = new double[maxRows][n];
        scratch = new double[n][problem.width()];
        target = DenseKernel.rows(problem.target());
        long largest = Math.max(Math.max(m, n), problem.width());
        checkBetweenProducts = largest * largest * largest >= LONG_PRODUCT_FLOPS;
        if (config.loss() == LossKind.SENSING) {
            operators = problem.sensing().orElseThrow().operators().data;
            observations = problem.sensing().orElseThrow().observations();
            residuals = new double[observations.length];
        } else {
            operators = null;
            observations = null;
            residuals = null;
        }
        completion = problem.observations().map(CompletionLoss::new).orElse(null);
        observedMask = problem.observations().map(o -> o.mask()).orElse(null);
        targetFro = problem.targetKnown() ? CommonOps_DDRM.elementSum(elementSquares(problem.target())) : Double.NaN;
    }

    /** The start of docs/theory.md §1.4–1.6: αI (7), W₁ = βI and the others αI (13), or seeded Gaussian entries. */
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

    /** The run loop's cancel check, for large matrices where one step takes longer than the cancel budget of 100 ms. */
    void cancelCheck(Runnable check) {
        cancelCheck = check;
    }

    private void betweenProducts() {
        if (checkBetweenProducts) {
            cancelCheck.run();
        }
    }

    @Override
    public double evaluate() {
        for (int j = 1; j < depth; j++) {
            kernel.multiply(factors[j], prefix[j - 1], prefix[j], factorRows[j], factorCols[j], n);
            betweenProducts();
        }
        double[][] w = prefix[depth - 1];
        double sum = 0;
        if (completion != null) {
            sum = completion.gather(w, gradient);
        } else if (operators == null) {
            for (int r = 0; r < m; r++) {
                double[] wr = w[r];
                double[] tr = target[r];
                double[] gr = gradient[r];
                for (int c = 0; c < n; c++) {
                    double d = wr[c] - tr[c];
                    gr[c] = d;
                    sum += d * d;
                }
            }
        } else {
            int size = m * n;
            for (double[] gr : gradient) {
                java.util.Arrays.fill(gr, 0, n, 0.0);
            }
            for (int i = 0; i < residuals.length; i++) {
                int row = i * size;
                double dot = 0;
                for (int r = 0; r < m; r++) {
                    double[] wr = w[r];
                    int offset = row + r * n;
                    for (int c = 0; c < n; c++) {
                        dot += operators[offset + c] * wr[c];
                    }
                }
                double residual = dot - observations[i];
                residuals[i] = residual;
                sum += residual * residual;
                for (int r = 0; r < m; r++) {
                    double[] gr = gradient[r];
                    int offset = row + r * n;
                    for (int c = 0; c < n; c++) {
                        gr[c] += residual * operators[offset + c];
                    }
                }
            }
        }
        loss = 0.5 * sum;
        evaluated = true;
        return loss;
    }

    @Override
    public void update() {
        double[][] s = gradient;
        double[][] next = backA;
        for (int j = depth - 1; j >= 1; j--) {
            // S ← W_jᵀ S with the old W_j, then W_j −= η S P_{j−1}ᵀ
            kernel.multiplyTransA(factors[j], s, next, factorCols[j], factorRows[j], n);
            betweenProducts();
            kernel.addMultiplyTransB(-eta, s, prefix[j - 1], factors[j], factorRows[j], n, factorCols[j], scratch);
            s = next;
            next = s == backA ? backB : backA;
        }
        double[][] w1 = factors[0];
        for (int r = 0; r < factorRows[0]; r++) {
            double[] wr = w1[r];
            double[] sr = s[r];
            for (int c = 0; c < n; c++) {
                wr[c] -= eta * sr[c];
            }
        }
        evaluated = false;
    }

    @Override
    public TracePoint measure() {
        if (!evaluated) {
            evaluate();
        }
        DMatrixRMaj w = DenseKernel.matrix(prefix[depth - 1], m, n);
        double[] sigma = Spectra.singularValues(w);
        double[] lambda = problem.eigen().map(eigen -> alongEigenvectors(eigen, w)).orElse(new double[0]);
        if (!problem.targetKnown()) {
            return new TracePoint(loss, Double.NaN, Double.NaN, lambda, sigma);
        }
        DMatrixRMaj error = new DMatrixRMaj(m, n);
        CommonOps_DDRM.subtract(w, problem.target(), error);
        double errorFro = CommonOps_DDRM.elementSum(elementSquares(error));
        double[] errorSingular = Spectra.singularValues(error);
        double errorOp = errorSingular.length == 0 ? 0 : errorSingular[0];
        if (observedMask == null) {
            return new TracePoint(loss, Math.sqrt(errorFro), errorOp, lambda, sigma);
        }
        double unobserved = 0;
        for (int k = 0; k < observedMask.length; k++) {
            if (!observedMask[k]) {
                unobserved += error.data[k] * error.data[k];
            }
        }
        return new TracePoint(loss, Math.sqrt(errorFro), errorOp, lambda, sigma, Math.sqrt(unobserved),
                Math.sqrt(errorFro / targetFro));
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
        if (!evaluated) {
            evaluate();
        }
        return DenseKernel.matrix(prefix[depth - 1], m, n);
    }

    @Override
    public List<DMatrixRMaj> factors() {
        List<DMatrixRMaj> copies = new ArrayList<>(depth);
        for (int j = 0; j < depth; j++) {
            copies.add(DenseKernel.matrix(factors[j], factorRows[j], factorCols[j]));
        }
        return copies;
    }

    @Override
    public void close() {
        kernel.close();
    }
}
