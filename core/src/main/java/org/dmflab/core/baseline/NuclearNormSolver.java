package org.dmflab.core.baseline;

import java.util.Locale;
import org.dmflab.core.Progress;
import org.dmflab.core.linalg.SingularDecomposition;
import org.dmflab.core.linalg.Spectra;
import org.dmflab.core.linalg.SpectralProduct;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Nuclear-norm minimization min ‖W‖_* subject to 𝒜(W) = b (docs/theory.md §8.4) by ADMM on the splitting W = Z, W
 * carrying the nuclear norm and Z the constraint (Boyd et al. 2011, §3 and §4.4): W ← SVT_{1/ρ}(Z − U) (singular value
 * thresholding), Z ← P(W + U) (projection onto the affine set), U ← U + W − Z, with ρ balanced between the primal and
 * the dual residual (×2 or ÷2 when one exceeds ten times the other). Deterministic: no randomness, a fixed order of
 * operations. Each iteration is one compact SVD ({@link SingularDecomposition}: LAPACK where OpenBLAS loads, EJML
 * otherwise) and one projection.
 *
 * <p>On return the scaled multiplier gives the dual certificate Y = −ρU, supported on the observed entries (in the range
 * of 𝒜* for sensing); ⟨Y, P(0)⟩ / max(1, ‖Y‖₂) is a lower bound on the optimal value (weak duality), so
 * {@link NuclearNormResult#gap()} bounds how far the solution's nuclear norm can be above the minimum.
 */
public final class NuclearNormSolver {
    /** The first threshold 1/ρ₀ as a fraction of ‖P(0)‖₂; residual balancing adapts ρ from there. */
    static final double FIRST_THRESHOLD = 0.1;
    /** Residual balancing: ρ changes when one residual exceeds the other by this factor (Boyd et al., (3.13)). */
    private static final double BALANCE = 10;

    private NuclearNormSolver() {
    }

    /** Solves the problem; checks for a cancel and reports progress every iteration. */
    public static NuclearNormResult solve(AffineConstraint constraint, NuclearNormConfig config, Progress progress) {
        DMatrixRMaj feasible = constraint.project(new DMatrixRMaj(constraint.rows(), constraint.cols()));
        double scale = Spectra.singularValues(feasible)[0];
        double dataNorm = constraint.dataNorm();
        if (scale == 0) {
            // b = 0: W = 0 is feasible and has the least possible nuclear norm
            DMatrixRMaj zero = new DMatrixRMaj(constraint.rows(), constraint.cols());
            return new NuclearNormResult(zero, new double[0], 0, 0, zero, 0, 0, true);
        }
        double rho = 1 / (FIRST_THRESHOLD * scale);
        DMatrixRMaj z = feasible;
        DMatrixRMaj u = new DMatrixRMaj(constraint.rows(), constraint.cols());
        DMatrixRMaj w = z;
        double[] kept = new double[0];
        double objective = Double.NaN;
        long iteration = 0;
        double firstResidual = 0;
        double done = 0;
        boolean converged = false;
        while (iteration < config.iterations() && !converged) {
            progress.checkCanceled();
            iteration++;
            double previous = objective;
            DMatrixRMaj shrinking = new DMatrixRMaj(z.numRows, z.numCols);
            CommonOps_DDRM.subtract(z, u, shrinking);
            Thresholded thresholded = threshold(shrinking, 1 / rho);
            w = thresholded.matrix();
            kept = thresholded.values();
            objective = sum(kept);
            DMatrixRMaj shifted = new DMatrixRMaj(w.numRows, w.numCols);
            CommonOps_DDRM.add(w, u, shifted);
            DMatrixRMaj previousZ = z;
            z = constraint.project(shifted);
            CommonOps_DDRM.subtractEquals(shifted, z); // now W + U − Z, the new U
            u = shifted;
            double residual = constraint.residual(w);
            double change = Math.abs(objective - previous);
            converged = residual <= config.tolerance() * dataNorm && change <= config.tolerance() * objective;
            firstResidual = iteration == 1 ? residual : firstResidual;
            // the residual is not monotone under ADMM; the reported fraction never goes back
            done = Math.max(done, fractionDone(iteration, config, firstResidual, residual, dataNorm));
            progress.report(done, String.format(Locale.ROOT,
                    "iteration %d of %d: nuclear norm %.6g, relative residual %.2e", iteration, config.iterations(),
                    objective, residual / dataNorm));
            double primal = distance(w, z);
            double dual = rho * distance(z, previousZ);
            if (primal > BALANCE * dual) {
                rho *= 2;
                CommonOps_DDRM.scale(0.5, u);
            } else if (dual > BALANCE * primal) {
                rho /= 2;
                CommonOps_DDRM.scale(2, u);
            }
        }
        DMatrixRMaj certificate = u.copy();
        CommonOps_DDRM.scale(-rho, certificate);
        double bound = inner(certificate, feasible)
                / Math.max(1, Spectra.singularValues(certificate)[0]);
        return new NuclearNormResult(w, kept, objective, constraint.residual(w) / dataNorm, certificate, bound,
                iteration, converged);
    }

    /**
     * How far the run is, for the time-left estimate: the larger of the budget's share spent and the residual's way
     * down to the tolerance on a log scale (it falls about linearly in log there), so that a run converging long before
     * its budget is not announced as taking the whole budget.
     */
    private static double fractionDone(long iteration, NuclearNormConfig config, double first, double residual,
                                       double dataNorm) {
        double spent = (double) iteration / config.iterations();
        double target = config.tolerance() * dataNorm;
        if (!(first > target && residual > 0)) {
            return spent;
        }
        double descent = Math.log(first / residual) / Math.log(first / target);
        return Math.min(1, Math.max(spent, descent));
    }

    /** SVT_τ(V) = Σ max(σᵢ − τ, 0) uᵢvᵢᵀ, the proximal map of τ‖·‖_* (Cai, Candès, Shen 2010). */
    static Thresholded threshold(DMatrixRMaj matrix, double tau) {
        SingularDecomposition svd = SingularDecomposition.of(matrix);
        double[] values = svd.values();
        int count = 0;
        while (count < values.length && values[count] > tau) {
            count++;
        }
        double[] shrunk = new double[count];
        for (int i = 0; i < count; i++) {
            shrunk[i] = values[i] - tau;
        }
        if (count == 0) {
            return new Thresholded(new DMatrixRMaj(matrix.numRows, matrix.numCols), shrunk);
        }
        DMatrixRMaj left = CommonOps_DDRM.extract(svd.left(), 0, matrix.numRows, 0, count);
        DMatrixRMaj right = CommonOps_DDRM.extract(svd.right(), 0, matrix.numCols, 0, count);
        return new Thresholded(SpectralProduct.of(left, shrunk, right), shrunk);
    }

    private static double distance(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj difference = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.subtract(a, b, difference);
        return NormOps_DDRM.normF(difference);
    }

    /** ⟨A, B⟩ = Σ A_ij B_ij. */
    static double inner(DMatrixRMaj a, DMatrixRMaj b) {
        double total = 0;
        for (int k = 0; k < a.getNumElements(); k++) {
            total += a.data[k] * b.data[k];
        }
        return total;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    /** A thresholded matrix and its non-zero singular values, descending. */
    record Thresholded(DMatrixRMaj matrix, double[] values) {
    }
}
