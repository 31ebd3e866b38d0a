package org.dmflab.core.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The dense storage and arithmetic of one matrix gradient-descent step (docs/design.md §5), so that the trainer's
 * matrix solver states the step once and runs it on either of two kernels: {@code train.JavaArithmetic} (the pure-Java
 * dense kernel on arrays of rows, fastest for small matrices and the fallback everywhere) or
 * {@code train.BlasArithmetic} (OpenBLAS on off-heap row-major buffers, fastest from {@link KernelThresholds#NATIVE_FROM}
 * on); {@code train.MatrixKernel} picks one by the benchmark. Declared here, below the trainer and the losses, because
 * both use it: a loss ({@code loss.Loss}) holds its data on it and composes its primitives into its value and gradient.
 *
 * <p>Only primitives of linear algebra live here, named by what they compute (the full loss uses {@link #residual},
 * sensing {@link #operatorResidual}, completion {@link #entryResidual}). No method allocates on the Java heap.
 * {@code StepArithmeticCheck} (tests) holds every implementation to the same results.
 */
public interface StepArithmetic extends AutoCloseable {
    /** A matrix held by one arithmetic. */
    interface Dense {
        int rows();

        int cols();
    }

    /** A zero matrix. */
    Dense allocate(int rows, int cols);

    /** Copies {@code values} (same shape) into {@code into}. */
    void load(DMatrixRMaj values, Dense into);

    /** A copy of {@code matrix} as an EJML matrix. */
    default DMatrixRMaj read(Dense matrix) {
        DMatrixRMaj copy = new DMatrixRMaj(matrix.rows(), matrix.cols());
        readInto(matrix, copy);
        return copy;
    }

    /** Copies {@code matrix} into {@code into} (same shape), allocating nothing. */
    void readInto(Dense matrix, DMatrixRMaj into);

    /** C = A·B; C distinct from A and B. */
    void multiply(Dense a, Dense b, Dense c);

    /** C = Aᵀ·B; C distinct from A and B. */
    void multiplyTransA(Dense a, Dense b, Dense c);

    /** C += s·A·Bᵀ; C distinct from A and B. */
    void addMultiplyTransB(double s, Dense a, Dense b, Dense c);

    /** Y += s·X. */
    void addScaled(double s, Dense x, Dense y);

    /** D = W − T; returns ‖D‖_F². */
    double residual(Dense w, Dense t, Dense d);

    /**
     * The residual of a linear map and its adjoint: rᵢ = ⟨Aᵢ, W⟩ − yᵢ and G = Σᵢ rᵢ Aᵢ; returns Σᵢ rᵢ². {@code operators}
     * holds vec(Aᵢ) (row-major) as row i, {@code observations} (y) and {@code residuals} (r) are column vectors.
     */
    double operatorResidual(Dense operators, Dense observations, Dense residuals, Dense w, Dense g);

    /**
     * The residual at listed entries: G_ij = W_ij − y_ij for each (rows[k], cols[k]) with y = values[k], the other
     * entries of G left as they are; returns Σ (W_ij − y_ij)². O(M).
     */
    double entryResidual(Dense w, int[] rows, int[] cols, double[] values, Dense g);

    /** Frees native memory and stops worker threads. */
    @Override
    void close();
}
