package org.dmflab.core.train;

import org.dmflab.core.linalg.StepArithmetic;
import org.dmflab.core.loss.Loss;
import org.dmflab.core.linalg.KernelThresholds;
import java.util.ArrayList;
import java.util.List;
import org.dmflab.core.RunCanceledException;
import org.dmflab.core.linalg.SymmetricEigen;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.model.TracePoint;

/**
 * Gradient descent (6) on all factors at once (docs/theory.md §1.3–1.6, docs/design.md §5). {@link #evaluate()} forms the prefix
 * products P_j = W_j ⋯ W₁ (N − 1 products) and the loss gradient G = ∂L/∂W (G = W − Φ for the full loss (5),
 * G = Σᵢ (⟨Aᵢ, W⟩ − yᵢ) Aᵢ for matrix sensing, W − Y on the observed entries and 0 elsewhere for completion: the
 * {@link Loss}). {@link #update()} walks back from j = N with S = W_{j+1}ᵀ ⋯ W_Nᵀ G:
 * W_j −= η S P_{j−1}ᵀ, which is (9), after S ← W_jᵀ S with the old W_j — 2(N − 1) products, 3N − 3 in all, in
 * preallocated buffers through a {@link StepArithmetic} (the Java kernel or OpenBLAS, chosen by size). Factors are updated simultaneously from the iterates of step k.
 *
 * <p>With an identical start, round-off makes the factors differ at the 1e-16 level; when a negative eigenvalue of Φ
 * exceeds a positive one in modulus this difference grows (docs/theory.md §2.3), and for N = 2 it also grows in the channel of
 * a negative eigenvalue once that factor eigenvalue reaches machine precision (the paper's Remark 1.4); the run then
 * leaves the theory's trajectory. That is real floating-point gradient descent; {@link SpectralSolver} stays on it.
 */
final class MatrixSolver implements Solver {

    private final TrainingProblem problem;
    private final int depth;
    private final double eta;
    private final StepArithmetic arithmetic;
    /** W₁ … W_N. */
    private final StepArithmetic.Dense[] factors;
    /** prefix[j] = W_{j+1} ⋯ W₁ for j ≥ 1; prefix[0] is W₁ itself. */
    private final StepArithmetic.Dense[] prefix;
    private final StepArithmetic.Dense gradient;
    /** back[j] holds S = W_{j+1}ᵀ ⋯ W_Nᵀ G of the backward walk after W_{j+1} (rows = W_{j+1}'s columns). */
    private final StepArithmetic.Dense[] back;
    private final StepArithmetic.Dense target;
    /** The loss: its data, value, gradient and own trace metrics. */
    private final Loss objective;
    /** The target's eigenvectors V (symmetric targets), W·V and Vᵀ W V, for the trace in V's basis. */
    private final StepArithmetic.Dense eigenvectors;
    private final StepArithmetic.Dense alongVectors;
    private final StepArithmetic.Dense inEigenbasis;
    /** ‖VᵀV − I‖_F and ‖VᵀΦV − Λ‖_F of the target's eigendecomposition, for the bounds of {@link #measure()}. */
    private final double orthogonality;
    private final double phiResidual;
    /** Workspaces of {@link #measure()}: W, W − Φ and Vᵀ W V copied out of the arithmetic (no allocation per row). */
    private final DMatrixRMaj productCopy;
    private final DMatrixRMaj errorCopy;
    private final DMatrixRMaj eigenbasisCopy;
    /** Workspaces of the factor diagnostics (width × width, and W₁ copied out), allocated at the first record. */
    private StepArithmetic.Dense gram;
    private DMatrixRMaj gramCopy;
    private DMatrixRMaj firstFactorCopy;
    private double loss = Double.NaN;
    private boolean evaluated;
    /** Called between products when one product is long enough to matter for a prompt cancel (large matrices). */
    private Runnable cancelCheck = () -> {
    };
    private final boolean checkBetweenProducts;
    /** Whether a cancel during {@link #update()} waits for the step's end, so the factors are never half updated. */
    private boolean deferCancel;
    private boolean cancelPending;

    MatrixSolver(TrainingProblem problem, StepArithmetic arithmetic) {
        this.problem = problem;
        this.arithmetic = arithmetic;
        TrainConfig config = problem.config();
        depth = config.depth();
        eta = config.step();
        int m = problem.rows();
        int n = problem.cols();
        DMatrixRMaj[] initial = initialFactors(problem);
        factors = new StepArithmetic.Dense[depth];
        prefix = new StepArithmetic.Dense[depth];
        back = new StepArithmetic.Dense[depth];
        for (int j = 0; j < depth; j++) {
            factors[j] = arithmetic.allocate(initial[j].numRows, initial[j].numCols);
            arithmetic.load(initial[j], factors[j]);
            prefix[j] = j == 0 ? factors[0] : arithmetic.allocate(initial[j].numRows, n);
            back[j] = j == 0 ? null : arithmetic.allocate(initial[j].numCols, n);
        }
        gradient = arithmetic.allocate(m, n);
        target = arithmetic.allocate(m, n);
        arithmetic.load(problem.target(), target);
        if (problem.eigen().isPresent()) {
            eigenvectors = arithmetic.allocate(n, n);
            arithmetic.load(problem.eigen().orElseThrow().vectors(), eigenvectors);
            alongVectors = arithmetic.allocate(m, n);
            inEigenbasis = arithmetic.allocate(n, n);
            arithmetic.multiplyTransA(eigenvectors, eigenvectors, inEigenbasis);
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1.0);
            orthogonality = EigenbasisReading.distanceToDiagonal(arithmetic.read(inEigenbasis), ones);
            arithmetic.multiply(target, eigenvectors, alongVectors);
            arithmetic.multiplyTransA(eigenvectors, alongVectors, inEigenbasis);
            phiResidual = EigenbasisReading.distanceToDiagonal(arithmetic.read(inEigenbasis),
                    problem.eigen().orElseThrow().values());
        } else {
            eigenvectors = null;
            alongVectors = null;
            inEigenbasis = null;
            orthogonality = Double.NaN;
            phiResidual = Double.NaN;
        }
        long largest = Math.max(Math.max(m, n), problem.width());
        checkBetweenProducts = largest * largest * largest >= KernelThresholds.CANCEL_BETWEEN_PRODUCTS_FLOPS;
        objective = Loss.of(config.loss(), new Loss.Data(problem.target(), problem.targetKnown(), problem.sensing(),
                problem.observations()), arithmetic, target);
        productCopy = new DMatrixRMaj(m, n);
        errorCopy = new DMatrixRMaj(m, n);
        eigenbasisCopy = eigenvectors != null ? new DMatrixRMaj(n, n) : null;
    }

    /** The start's factors W_j(0) for this problem's factor shapes (docs/theory.md §1.4–1.6). */
    static DMatrixRMaj[] initialFactors(TrainingProblem problem) {
        TrainConfig config = problem.config();
        int depth = config.depth();
        int[] rows = new int[depth];
        int[] cols = new int[depth];
        for (int j = 1; j <= depth; j++) {
            rows[j - 1] = problem.factorRows(j);
            cols[j - 1] = problem.factorCols(j);
        }
        return config.dynamics().start().initialFactors(rows, cols);
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
        if (!checkBetweenProducts || cancelPending) {
            return;
        }
        if (!deferCancel) {
            cancelCheck.run();
            return;
        }
        try {
            cancelCheck.run();
        } catch (RunCanceledException canceled) {
            cancelPending = true;
        }
    }

    @Override
    public double evaluate() {
        for (int j = 1; j < depth; j++) {
            arithmetic.multiply(factors[j], prefix[j - 1], prefix[j]);
            betweenProducts();
        }
        StepArithmetic.Dense w = prefix[depth - 1];
        loss = objective.valueAndGradient(arithmetic, w, gradient);
        evaluated = true;
        return loss;
    }

    /**
     * One step from W(k) to W(k + 1). A cancel noticed between its products is thrown only once the step is complete,
     * so an interrupted run's factors are always an iterate.
     */
    @Override
    public void update() {
        deferCancel = true;
        try {
            step();
        } finally {
            deferCancel = false;
        }
        if (cancelPending) {
            cancelPending = false;
            throw new RunCanceledException();
        }
    }

    private void step() {
        StepArithmetic.Dense s = gradient;
        for (int j = depth - 1; j >= 1; j--) {
            // S ← W_jᵀ S with the old W_j, then W_j −= η S P_{j−1}ᵀ
            StepArithmetic.Dense next = back[j];
            arithmetic.multiplyTransA(factors[j], s, next);
            betweenProducts();
            arithmetic.addMultiplyTransB(-eta, s, prefix[j - 1], factors[j]);
            s = next;
        }
        arithmetic.addScaled(-eta, s, factors[0]);
        evaluated = false;
    }

    @Override
    public TracePoint measure() {
        if (!evaluated) {
            evaluate();
        }
        DMatrixRMaj w = productCopy;
        arithmetic.readInto(prefix[depth - 1], w);
        FactorDiagnostics diagnostics = factorDiagnostics(w);
        if (!problem.targetKnown()) {
            return diagnostics.on(TracePoint.of(new double[0], RecordingSpectra.singularValues(w, false))
                    .with(TraceMetric.LOSS, loss));
        }
        DMatrixRMaj error = errorCopy;
        CommonOps_DDRM.subtract(w, problem.target(), error);
        // fastNormF: the plain √(Σ e²) (no rescaling against overflow: the error is far from 1e154 before the run
        // is stopped as diverging)
        double errorFro = NormOps_DDRM.fastNormF(error);
        double[] lambda = new double[0];
        double[] sigma = null;
        double errorOp = Double.NaN;
        if (eigenvectors != null) {
            // M = Vᵀ W V: λᵢ = Mᵢᵢ, and while M is diagonal up to rounding σ(W) and ‖W − Φ‖₂ follow from its diagonal
            arithmetic.multiply(prefix[depth - 1], eigenvectors, alongVectors);
            arithmetic.multiplyTransA(eigenvectors, alongVectors, inEigenbasis);
            arithmetic.readInto(inEigenbasis, eigenbasisCopy);
            EigenbasisReading reading = EigenbasisReading.of(eigenbasisCopy,
                    problem.eigen().orElseThrow().values(), orthogonality, phiResidual);
            lambda = reading.lambda();
            sigma = reading.sigma().orElse(null);
            errorOp = reading.errorOp().orElse(Double.NaN);
        }
        // otherwise values-only decompositions, symmetric ones while W (and so W − Φ) is symmetric up to rounding
        boolean symmetric = eigenvectors != null && (sigma == null || Double.isNaN(errorOp))
                && RecordingSpectra.nearlySymmetric(w);
        if (Double.isNaN(errorOp)) {
            errorOp = RecordingSpectra.norm2(error, symmetric && RecordingSpectra.nearlySymmetric(error));
        }
        if (sigma == null) {
            sigma = RecordingSpectra.singularValues(w, symmetric);
        }
        TracePoint point = TracePoint.of(lambda, sigma).with(TraceMetric.LOSS, loss)
                .with(TraceMetric.ERROR_FRO, errorFro).with(TraceMetric.ERROR_OP, errorOp);
        return diagnostics.on(objective.measure(point, error, errorFro));
    }

    /**
     * The factors' diagnostics on the step's arithmetic: for each pair, D = W_{j+1}ᵀW_{j+1} (its trace is
     * ‖W_{j+1}‖²_F), then D −= W_jW_jᵀ (its Frobenius norm is the pair's balancedness term); ‖W₁‖_F from W₁ itself.
     * All D are width × width. 2(N − 1) products, at record time only.
     */
    private FactorDiagnostics factorDiagnostics(DMatrixRMaj product) {
        double[] squaredNorms = new double[depth];
        if (depth == 1) {
            double norm = NormOps_DDRM.normF(product);
            squaredNorms[0] = norm * norm;
            return FactorDiagnostics.of(squaredNorms, 0);
        }
        if (gram == null) {
            int width = problem.width();
            gram = arithmetic.allocate(width, width);
            gramCopy = new DMatrixRMaj(width, width);
            firstFactorCopy = new DMatrixRMaj(factors[0].rows(), factors[0].cols());
        }
        arithmetic.readInto(factors[0], firstFactorCopy);
        double firstNorm = NormOps_DDRM.normF(firstFactorCopy);
        squaredNorms[0] = firstNorm * firstNorm;
        double imbalance = 0;
        for (int j = 0; j + 1 < depth; j++) {
            arithmetic.multiplyTransA(factors[j + 1], factors[j + 1], gram);
            arithmetic.readInto(gram, gramCopy);
            squaredNorms[j + 1] = CommonOps_DDRM.trace(gramCopy);
            arithmetic.addMultiplyTransB(-1, factors[j], factors[j], gram);
            arithmetic.readInto(gram, gramCopy);
            double term = NormOps_DDRM.normF(gramCopy);
            imbalance += term * term;
        }
        return FactorDiagnostics.of(squaredNorms, imbalance);
    }

    /** vᵢᵀ W vᵢ for each eigenvector vᵢ of the target. */
    static double[] alongEigenvectors(SymmetricEigen eigen, DMatrixRMaj w) {
        DMatrixRMaj v = eigen.vectors();
        DMatrixRMaj wv = new DMatrixRMaj(w.numRows, v.numCols);
        CommonOps_DDRM.mult(w, v, wv);
        return columnDots(v, wv);
    }

    /** ⟨vᵢ, uᵢ⟩ for the columns vᵢ of V and uᵢ of U (same shape). */
    private static double[] columnDots(DMatrixRMaj v, DMatrixRMaj u) {
        int rows = v.numRows;
        int cols = v.numCols;
        double[] dots = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < cols; i++) {
                dots[i] += v.data[r * cols + i] * u.data[r * cols + i];
            }
        }
        return dots;
    }

    @Override
    public DMatrixRMaj product() {
        if (!evaluated) {
            evaluate();
        }
        return arithmetic.read(prefix[depth - 1]);
    }

    @Override
    public List<DMatrixRMaj> factors() {
        List<DMatrixRMaj> copies = new ArrayList<>(depth);
        for (int j = 0; j < depth; j++) {
            copies.add(arithmetic.read(factors[j]));
        }
        return copies;
    }

    @Override
    public void close() {
        arithmetic.close();
    }
}
