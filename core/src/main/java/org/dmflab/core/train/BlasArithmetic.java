package org.dmflab.core.train;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_daxpy;
import static org.bytedeco.openblas.global.openblas.cblas_dcopy;
import static org.bytedeco.openblas.global.openblas.cblas_ddot;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas.cblas_dgemv;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.ejml.data.DMatrixRMaj;

/**
 * {@link StepArithmetic} on OpenBLAS (single-threaded, see {@link NativeBlas}) with matrices in off-heap row-major
 * buffers, so that a step crosses into native code once per product and copies nothing. From {@link #TWO_THREADS_FROM}
 * rows on, each product is split by rows into two single-threaded {@code dgemm} calls, one per core ({@link RowSplit}):
 * the split depends only on the shape, so the bytes do not depend on whether the second core was free.
 */
final class BlasArithmetic implements StepArithmetic, RowSplit.RowTask {
    /**
     * Rows from which two threads pay. Measured with bench/side_by_side.py (N = 3, full loss, steps/s, one vs two
     * threads): see the README; below this the hand-over to the second thread costs more than the half product saves.
     */
    static final int TWO_THREADS_FROM = 128;

    private static final int MULTIPLY = 0;
    private static final int MULTIPLY_TRANS_A = 1;
    private static final int ADD_MULTIPLY_TRANS_B = 2;

    /** Whether products from {@link #TWO_THREADS_FROM} rows are split in two (on one thread or on two). */
    private final boolean splitRows;
    /** The worker for the upper halves; null when no core was idle (the caller then computes both halves). */
    private final RowSplit split;
    private final List<Buffer> allocated = new ArrayList<>();
    /** The product in progress, read by both halves of a split. */
    private int operation;
    private double scale;
    private Buffer a;
    private Buffer b;
    private Buffer c;

    private BlasArithmetic(boolean splitRows, RowSplit split) {
        // loads OpenBLAS through NativeBlas, which also fixes its own thread count at one
        NativeBlas.failure().ifPresent(reason -> {
            throw new IllegalStateException("OpenBLAS is not available: " + reason);
        });
        this.splitRows = splitRows;
        this.split = split;
    }

    /**
     * Products with at least {@link #TWO_THREADS_FROM} rows are split in two by rows, on two threads when a core is idle
     * ({@link RowSplit#aCoreIsIdle}); the bytes are the same either way.
     */
    static BlasArithmetic forSize(int size) {
        boolean large = size >= TWO_THREADS_FROM;
        return new BlasArithmetic(large, large && RowSplit.aCoreIsIdle() ? RowSplit.withWorker() : null);
    }

    /**
     * One or two threads regardless of size and load (tests, benchmarks); with one thread the products from
     * {@link #TWO_THREADS_FROM} rows are still split, so both give the same bytes.
     */
    static BlasArithmetic withThreads(int threads) {
        return new BlasArithmetic(true, threads > 1 ? RowSplit.withWorker() : null);
    }

    /**
     * A row-major buffer and two views into it: from the first row of the worker's half ({@link RowSplit#splitRow} of
     * the rows) and from the first column of the worker's half (for Aᵀ, whose rows are A's columns).
     */
    private static final class Buffer implements Dense {
        final DoublePointer data;
        final DoublePointer fromSplitRow;
        final DoublePointer fromSplitColumn;
        final int rows;
        final int cols;

        Buffer(int rows, int cols) {
            this.rows = rows;
            this.cols = cols;
            data = new DoublePointer(Math.max(1L, (long) rows * cols));
            data.zero();
            fromSplitRow = new DoublePointer(data).position((long) RowSplit.splitRow(rows) * cols);
            fromSplitColumn = new DoublePointer(data).position(RowSplit.splitRow(cols));
        }

        @Override
        public int rows() {
            return rows;
        }

        @Override
        public int cols() {
            return cols;
        }
    }

    @Override
    public Dense allocate(int rows, int cols) {
        Buffer buffer = new Buffer(rows, cols);
        allocated.add(buffer);
        return buffer;
    }

    @Override
    public void load(DMatrixRMaj values, Dense into) {
        ((Buffer) into).data.put(values.data, 0, values.numRows * values.numCols);
    }

    @Override
    public DMatrixRMaj read(Dense matrix) {
        DMatrixRMaj copy = new DMatrixRMaj(matrix.rows(), matrix.cols());
        ((Buffer) matrix).data.get(copy.data, 0, matrix.rows() * matrix.cols());
        return copy;
    }

    @Override
    public void multiply(Dense a, Dense b, Dense c) {
        run(MULTIPLY, 1.0, a, b, c);
    }

    @Override
    public void multiplyTransA(Dense a, Dense b, Dense c) {
        run(MULTIPLY_TRANS_A, 1.0, a, b, c);
    }

    @Override
    public void addMultiplyTransB(double s, Dense a, Dense b, Dense c) {
        run(ADD_MULTIPLY_TRANS_B, s, a, b, c);
    }

    private void run(int operation, double scale, Dense a, Dense b, Dense c) {
        this.operation = operation;
        this.scale = scale;
        this.a = (Buffer) a;
        this.b = (Buffer) b;
        this.c = (Buffer) c;
        if (!splitRows || c.rows() < TWO_THREADS_FROM) {
            rows(0, c.rows());
        } else if (split == null) {
            RowSplit.runHere(this, c.rows());
        } else {
            split.run(this, c.rows());
        }
    }

    /** Rows [rowStart, rowEnd) of the product in progress; rowStart is 0 or the split row. */
    @Override
    public void rows(int rowStart, int rowEnd) {
        int m = rowEnd - rowStart;
        if (m == 0) {
            return;
        }
        boolean upper = rowStart > 0;
        DoublePointer out = upper ? c.fromSplitRow : c.data;
        switch (operation) {
            case MULTIPLY -> cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, b.cols, a.cols, 1.0,
                    upper ? a.fromSplitRow : a.data, a.cols, b.data, b.cols, 0.0, out, c.cols);
            case MULTIPLY_TRANS_A -> cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, m, b.cols, a.rows, 1.0,
                    upper ? a.fromSplitColumn : a.data, a.cols, b.data, b.cols, 0.0, out, c.cols);
            default -> cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, b.rows, a.cols, scale,
                    upper ? a.fromSplitRow : a.data, a.cols, b.data, b.cols, 1.0, out, c.cols);
        }
    }

    @Override
    public void addScaled(double s, Dense x, Dense y) {
        cblas_daxpy(y.rows() * y.cols(), s, ((Buffer) x).data, 1, ((Buffer) y).data, 1);
    }

    @Override
    public double gather(Dense w, int[] rows, int[] cols, double[] values, Dense g) {
        DoublePointer ws = ((Buffer) w).data;
        DoublePointer gs = ((Buffer) g).data;
        int width = w.cols();
        double sum = 0;
        for (int k = 0; k < values.length; k++) {
            long index = (long) rows[k] * width + cols[k];
            double diff = ws.get(index) - values[k];
            gs.put(index, diff);
            sum += diff * diff;
        }
        return sum;
    }

    @Override
    public double subtract(Dense w, Dense t, Dense d) {
        int size = w.rows() * w.cols();
        DoublePointer difference = ((Buffer) d).data;
        cblas_dcopy(size, ((Buffer) w).data, 1, difference, 1);
        cblas_daxpy(size, -1.0, ((Buffer) t).data, 1, difference, 1);
        return cblas_ddot(size, difference, 1, difference, 1);
    }

    @Override
    public double sensing(Dense operators, Dense observations, Dense residuals, Dense w, Dense g) {
        int count = operators.rows();
        int size = operators.cols();
        DoublePointer ops = ((Buffer) operators).data;
        DoublePointer r = ((Buffer) residuals).data;
        // r = A vec(W) − y, G = Aᵀ r
        cblas_dgemv(CblasRowMajor, CblasNoTrans, count, size, 1.0, ops, size, ((Buffer) w).data, 1, 0.0, r, 1);
        cblas_daxpy(count, -1.0, ((Buffer) observations).data, 1, r, 1);
        cblas_dgemv(CblasRowMajor, CblasTrans, count, size, 1.0, ops, size, r, 1, 0.0, ((Buffer) g).data, 1);
        return cblas_ddot(count, r, 1, r, 1);
    }

    @Override
    public void close() {
        if (split != null) {
            split.close();
        }
        for (Buffer buffer : allocated) {
            buffer.data.close();
        }
        allocated.clear();
    }
}
