package org.dmflab.core.train;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ejml.data.DMatrixRMaj;

/**
 * The trace columns of a recorded iterate read off M = Vᵀ W V, V the target's eigenvectors (docs/theory.md §1.2, §2):
 * λᵢ = Mᵢᵢ always, and — while the iterates stay diagonal in V's basis, as they do from an identity or perturbed-identity
 * start (§2) — the singular values of W and ‖W − Φ‖₂ without any decomposition. Write M = D + F (D its diagonal) and
 * VᵀV = I + Δ. Weyl's inequality for singular values gives |σᵢ(W) − |d|₍ᵢ₎| ≤ ‖F‖₂ + 2‖Δ‖₂‖W‖₂ (to first order in Δ)
 * and, with VᵀΦV = Λ + R, |‖W − Φ‖₂ − maxᵢ|dᵢ − λᵢ|| ≤ ‖F‖₂ + ‖R‖₂ + 2‖Δ‖₂‖W − Φ‖₂. Each reading is used only when
 * its bound (norms bounded by Frobenius norms) is at most {@value #RELATIVE_BOUND} of ‖W‖_F, resp. of ‖W − Φ‖₂
 * itself; otherwise it is empty and the caller decomposes ({@link RecordingSpectra}) — e.g. from a Gaussian start, or
 * where EJML's V is orthogonal only to ~1e-12 (n ≳ 1000). Two products instead of two eigendecompositions.
 *
 * @param lambda  Mᵢᵢ = vᵢᵀ W vᵢ
 * @param sigma   σ(W) descending, when its bound holds
 * @param errorOp ‖W − Φ‖₂, when its bound holds
 */
record EigenbasisReading(double[] lambda, Optional<double[]> sigma, OptionalDouble errorOp) {
    /** Largest bound, relative to the value read, at which a reading replaces the decomposition. */
    static final double RELATIVE_BOUND = 1e-12;

    /**
     * @param inEigenbasis M = Vᵀ W V
     * @param phiValues    Λ in V's column order
     * @param orthogonality ‖VᵀV − I‖_F
     * @param phiResidual  ‖VᵀΦV − Λ‖_F
     */
    static EigenbasisReading of(DMatrixRMaj inEigenbasis, double[] phiValues, double orthogonality,
                                double phiResidual) {
        int n = inEigenbasis.numRows;
        double[] diagonal = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            diagonal[i] = inEigenbasis.data[i * n + i];
        }
        for (double x : inEigenbasis.data) {
            total += x * x;
        }
        double offDiagonal = distanceToDiagonal(inEigenbasis, diagonal);
        double wFro = Math.sqrt(total); // ‖M‖_F = ‖W‖_F up to Δ
        double largestDiagonal = 0;
        for (double x : diagonal) {
            largestDiagonal = Math.max(largestDiagonal, Math.abs(x));
        }
        // ‖W‖₂ ≤ max|dᵢ| + ‖F‖₂ to first order
        Optional<double[]> sigma = Optional.empty();
        if (offDiagonal + 2 * orthogonality * (largestDiagonal + offDiagonal) <= RELATIVE_BOUND * wFro) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = Math.abs(diagonal[i]);
            }
            Arrays.sort(values);
            for (int i = 0, j = n - 1; i < j; i++, j--) {
                double swap = values[i];
                values[i] = values[j];
                values[j] = swap;
            }
            sigma = Optional.of(values);
        }
        double largest = 0;
        for (int i = 0; i < n; i++) {
            largest = Math.max(largest, Math.abs(diagonal[i] - phiValues[i]));
        }
        // ‖W − Φ‖₂ ≤ max|dᵢ − λᵢ| + ‖F‖₂ + ‖R‖₂ to first order
        double slack = offDiagonal + phiResidual;
        OptionalDouble errorOp = slack + 2 * orthogonality * (largest + slack) <= RELATIVE_BOUND * largest
                ? OptionalDouble.of(largest) : OptionalDouble.empty();
        return new EigenbasisReading(diagonal, sigma, errorOp);
    }

    /** ‖M − diag(d)‖_F. */
    static double distanceToDiagonal(DMatrixRMaj m, double[] d) {
        int n = m.numRows;
        double sum = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double x = r == c ? m.data[r * n + c] - d[r] : m.data[r * n + c];
                sum += x * x;
            }
        }
        return Math.sqrt(sum);
    }
}
