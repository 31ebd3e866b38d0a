package org.dmflab.core.train;

import org.dmflab.core.linalg.NativeBlas;
import org.ejml.data.DMatrixRMaj;

/**
 * The dense storage and arithmetic of one matrix gradient-descent step (docs/design.md §5), so that {@link MatrixSolver}
 * states the step once and runs it on either of two kernels: {@link JavaArithmetic} (the pure-Java {@link DenseKernel}
 * on arrays of rows, fastest for small matrices and the fallback everywhere) or {@link BlasArithmetic} (OpenBLAS on
 * off-heap row-major buffers, fastest from {@link #NATIVE_FROM} on). {@link #forSize} picks one by the benchmark.
 *
 * <p>A loss enters the step only through its gradient G = ∂L/∂W of the end-to-end product: {@link #subtract} for the
 * full loss (5), {@link #sensing} for matrix sensing; a further loss (e.g. matrix completion, G = P_Ω(W − Φ)) adds one
 * such method and reuses every product. No method allocates on the Java heap.
 */
interface StepArithmetic extends AutoCloseable {
    /** Largest dimension from which OpenBLAS beats the Java kernel ({@link NativeBlas#NATIVE_FROM}, where it is measured). */
    int NATIVE_FROM = NativeBlas.NATIVE_FROM;

    /** A matrix held by one arithmetic. */
    interface Dense {
        int rows();

        int cols();
    }

    /** The arithmetic for a problem whose largest dimension is {@code size}: OpenBLAS from {@link #NATIVE_FROM} on. */
    static StepArithmetic forSize(int size) {
        if (MatrixKernel.autoUsesBlas(size)) {
            return BlasArithmetic.forSize(size);
        }
        return JavaArithmetic.forSize(size);
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

    /** D = W − T (the full loss's gradient); returns ‖D‖_F². */
    double subtract(Dense w, Dense t, Dense d);

    /**
     * The sensing loss's gradient G = Σᵢ rᵢ Aᵢ with residuals rᵢ = ⟨Aᵢ, W⟩ − yᵢ; returns Σᵢ rᵢ². {@code operators} holds
     * vec(Aᵢ) (row-major) as row i, {@code observations} and {@code residuals} are column vectors.
     */
    double sensing(Dense operators, Dense observations, Dense residuals, Dense w, Dense g);

    /**
     * The completion loss's gradient at the observed entries: G_ij = W_ij − y_ij for each (rows[k], cols[k]) with
     * y = values[k], the other entries of G left as they are (0); returns Σ (W_ij − y_ij)². O(M).
     */
    double gather(Dense w, int[] rows, int[] cols, double[] values, Dense g);

    /** Frees native memory and stops worker threads. */
    @Override
    void close();
}
