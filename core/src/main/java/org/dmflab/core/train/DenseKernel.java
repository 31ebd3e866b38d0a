package org.dmflab.core.train;

import java.util.concurrent.locks.LockSupport;
import org.ejml.data.DMatrixRMaj;

/**
 * The dense multiplications of one matrix gradient-descent step (design.md §5), allocation-free on row-major EJML
 * storage: C = A·B, C = Aᵀ·B and C += s·A·Bᵀ. All three run the same row kernel: for each row i of C (two rows at a
 * time) and four k at a time, C[i, :] += Σ A(i, k)·B[k, :] over contiguous rows of B (i-k-j order, which the JIT
 * vectorises), in column blocks of {@link #COLUMN_BLOCK} so that the touched part of B stays in cache. C += s·A·Bᵀ
 * first copies Bᵀ into a scratch buffer.
 *
 * <p>From {@link #parallelThreshold} rows of C on, the rows are split between the calling thread and one persistent
 * worker thread. Each row of C is computed by exactly one thread with the same operations in the same order whatever
 * the split, so results are bit-identical with and without the worker. Close the kernel to stop the worker.
 */
public final class DenseKernel implements AutoCloseable {
    /** Columns of C (and B) processed per block. */
    static final int COLUMN_BLOCK = 256;
    /** Default row count from which two threads are used (chosen by the bench module's KernelBenchmark). */
    public static final int DEFAULT_PARALLEL_THRESHOLD = 64;

    private final int parallelThreshold;
    private final RowWorker worker;

    /** A single-threaded kernel. */
    public static DenseKernel singleThreaded() {
        return new DenseKernel(Integer.MAX_VALUE, false);
    }

    /**
     * A kernel that splits products with at least {@code parallelThreshold} rows between two threads when the machine
     * has more than one processor.
     */
    public static DenseKernel withParallelThreshold(int parallelThreshold) {
        boolean parallel = parallelThreshold < Integer.MAX_VALUE && Runtime.getRuntime().availableProcessors() > 1;
        return new DenseKernel(parallelThreshold, parallel);
    }

    private DenseKernel(int parallelThreshold, boolean parallel) {
        this.parallelThreshold = parallelThreshold;
        this.worker = parallel ? new RowWorker() : null;
    }

    /** C = A·B; C must be A.rows × B.cols and distinct from A and B. */
    public void multiply(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        check(a.numCols == b.numRows && c.numRows == a.numRows && c.numCols == b.numCols, "A·B", a, b, c);
        run(a.data, a.numCols, 1, b.data, b.numCols, c.data, c.numCols, a.numCols, b.numCols, c.numRows, 1.0, false);
    }

    /** C = Aᵀ·B; C must be A.cols × B.cols and distinct from A and B. */
    public void multiplyTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        check(a.numRows == b.numRows && c.numRows == a.numCols && c.numCols == b.numCols, "Aᵀ·B", a, b, c);
        run(a.data, 1, a.numCols, b.data, b.numCols, c.data, c.numCols, a.numRows, b.numCols, c.numRows, 1.0, false);
    }

    /**
     * C += s·A·Bᵀ, using {@code scratch} (reshaped to B.cols × B.rows, no allocation once large enough) for Bᵀ. C must
     * be A.rows × B.rows and distinct from A, B and scratch.
     */
    public void addMultiplyTransB(double s, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, DMatrixRMaj scratch) {
        check(a.numCols == b.numCols && c.numRows == a.numRows && c.numCols == b.numRows, "A·Bᵀ", a, b, c);
        scratch.reshape(b.numCols, b.numRows, false);
        transpose(b, scratch);
        run(a.data, a.numCols, 1, scratch.data, scratch.numCols, c.data, c.numCols, a.numCols, scratch.numCols,
                c.numRows, s, true);
    }

    private static void transpose(DMatrixRMaj b, DMatrixRMaj bt) {
        int rows = b.numRows;
        int cols = b.numCols;
        double[] src = b.data;
        double[] dst = bt.data;
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                dst[j * rows + i] = src[row + j];
            }
        }
    }

    private static void check(boolean ok, String what, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (!ok || c == a || c == b) {
            throw new IllegalArgumentException(what + ": incompatible or aliased shapes " + a.numRows + "×" + a.numCols
                    + ", " + b.numRows + "×" + b.numCols + " → " + c.numRows + "×" + c.numCols);
        }
    }

    private void run(double[] a, int aRowStride, int aColStride, double[] b, int ldb, double[] c, int ldc, int inner,
                     int cols, int rows, double scale, boolean accumulate) {
        if (worker == null || rows < parallelThreshold) {
            rows(a, aRowStride, aColStride, b, ldb, c, ldc, inner, cols, 0, rows, scale, accumulate);
            return;
        }
        // split at an even row so that both halves use the two-row kernel the same way as a single thread would
        int split = (rows / 2) & ~1;
        worker.start(a, aRowStride, aColStride, b, ldb, c, ldc, inner, cols, split, rows, scale, accumulate);
        rows(a, aRowStride, aColStride, b, ldb, c, ldc, inner, cols, 0, split, scale, accumulate);
        worker.await();
    }

    /**
     * Rows [rowStart, rowEnd) of C (+)= scale·op(A)·B, where op(A)(i, k) = a[i·aRowStride + k·aColStride]. Rows are
     * processed in pairs starting at even indices; the pairing depends only on the row index, so any split at an even
     * row gives identical results.
     */
    static void rows(double[] a, int aRowStride, int aColStride, double[] b, int ldb, double[] c, int ldc, int inner,
                     int cols, int rowStart, int rowEnd, double scale, boolean accumulate) {
        for (int jStart = 0; jStart < cols; jStart += COLUMN_BLOCK) {
            int jEnd = Math.min(cols, jStart + COLUMN_BLOCK);
            int i = rowStart;
            for (; i + 1 < rowEnd; i += 2) {
                twoRows(a, aRowStride, aColStride, b, ldb, c, ldc, inner, jStart, jEnd, i, scale, accumulate);
            }
            if (i < rowEnd) {
                oneRow(a, aRowStride, aColStride, b, ldb, c, ldc, inner, jStart, jEnd, i, scale, accumulate);
            }
        }
    }

    private static void twoRows(double[] a, int ars, int acs, double[] b, int ldb, double[] c, int ldc, int inner,
                                int jStart, int jEnd, int i, double scale, boolean accumulate) {
        int c0 = i * ldc;
        int c1 = c0 + ldc;
        if (!accumulate) {
            for (int j = jStart; j < jEnd; j++) {
                c[c0 + j] = 0;
                c[c1 + j] = 0;
            }
        }
        int a0 = i * ars;
        int a1 = a0 + ars;
        int k = 0;
        for (; k + 3 < inner; k += 4) {
            double x00 = scale * a[a0 + k * acs];
            double x01 = scale * a[a0 + (k + 1) * acs];
            double x02 = scale * a[a0 + (k + 2) * acs];
            double x03 = scale * a[a0 + (k + 3) * acs];
            double x10 = scale * a[a1 + k * acs];
            double x11 = scale * a[a1 + (k + 1) * acs];
            double x12 = scale * a[a1 + (k + 2) * acs];
            double x13 = scale * a[a1 + (k + 3) * acs];
            int b0 = k * ldb;
            int b1 = b0 + ldb;
            int b2 = b1 + ldb;
            int b3 = b2 + ldb;
            for (int j = jStart; j < jEnd; j++) {
                double y0 = b[b0 + j];
                double y1 = b[b1 + j];
                double y2 = b[b2 + j];
                double y3 = b[b3 + j];
                c[c0 + j] += x00 * y0 + x01 * y1 + x02 * y2 + x03 * y3;
                c[c1 + j] += x10 * y0 + x11 * y1 + x12 * y2 + x13 * y3;
            }
        }
        for (; k < inner; k++) {
            double x0 = scale * a[a0 + k * acs];
            double x1 = scale * a[a1 + k * acs];
            int b0 = k * ldb;
            for (int j = jStart; j < jEnd; j++) {
                double y = b[b0 + j];
                c[c0 + j] += x0 * y;
                c[c1 + j] += x1 * y;
            }
        }
    }

    private static void oneRow(double[] a, int ars, int acs, double[] b, int ldb, double[] c, int ldc, int inner,
                               int jStart, int jEnd, int i, double scale, boolean accumulate) {
        int c0 = i * ldc;
        if (!accumulate) {
            for (int j = jStart; j < jEnd; j++) {
                c[c0 + j] = 0;
            }
        }
        int a0 = i * ars;
        int k = 0;
        for (; k + 3 < inner; k += 4) {
            double x0 = scale * a[a0 + k * acs];
            double x1 = scale * a[a0 + (k + 1) * acs];
            double x2 = scale * a[a0 + (k + 2) * acs];
            double x3 = scale * a[a0 + (k + 3) * acs];
            int b0 = k * ldb;
            int b1 = b0 + ldb;
            int b2 = b1 + ldb;
            int b3 = b2 + ldb;
            for (int j = jStart; j < jEnd; j++) {
                c[c0 + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j];
            }
        }
        for (; k < inner; k++) {
            double x = scale * a[a0 + k * acs];
            int b0 = k * ldb;
            for (int j = jStart; j < jEnd; j++) {
                c[c0 + j] += x * b[b0 + j];
            }
        }
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.shutdown();
        }
    }

    /**
     * One persistent daemon thread that computes a range of rows on request. Hand-over by volatile fields, spinning
     * briefly and then parking, so that no object is allocated per product.
     */
    private static final class RowWorker implements Runnable {
        private static final int SPINS = 20_000;
        private final Thread thread;
        private volatile int requested;
        private volatile int completed;
        private volatile boolean stopped;
        private volatile Thread waiter;
        private double[] a;
        private int ars;
        private int acs;
        private double[] b;
        private int ldb;
        private double[] c;
        private int ldc;
        private int inner;
        private int cols;
        private int rowStart;
        private int rowEnd;
        private double scale;
        private boolean accumulate;
        private volatile Throwable failure;

        RowWorker() {
            thread = new Thread(this, "dmflab-kernel-worker");
            thread.setDaemon(true);
            thread.start();
        }

        void start(double[] a, int ars, int acs, double[] b, int ldb, double[] c, int ldc, int inner, int cols,
                   int rowStart, int rowEnd, double scale, boolean accumulate) {
            this.a = a;
            this.ars = ars;
            this.acs = acs;
            this.b = b;
            this.ldb = ldb;
            this.c = c;
            this.ldc = ldc;
            this.inner = inner;
            this.cols = cols;
            this.rowStart = rowStart;
            this.rowEnd = rowEnd;
            this.scale = scale;
            this.accumulate = accumulate;
            waiter = Thread.currentThread();
            requested = requested + 1; // volatile write publishes the fields above
            LockSupport.unpark(thread);
        }

        void await() {
            int target = requested;
            int spins = 0;
            while (completed != target) {
                if (++spins > SPINS) {
                    LockSupport.parkNanos(this, 50_000);
                } else {
                    Thread.onSpinWait();
                }
            }
            if (failure != null) {
                throw new IllegalStateException("kernel worker failed", failure);
            }
        }

        void shutdown() {
            stopped = true;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            int done = 0;
            while (!stopped) {
                int spins = 0;
                while (requested == done && !stopped) {
                    if (++spins > SPINS) {
                        LockSupport.park(this);
                    } else {
                        Thread.onSpinWait();
                    }
                }
                if (stopped) {
                    return;
                }
                try {
                    rows(a, ars, acs, b, ldb, c, ldc, inner, cols, rowStart, rowEnd, scale, accumulate);
                } catch (Throwable t) {
                    failure = t;
                }
                done = requested;
                completed = done;
                Thread w = waiter;
                if (w != null) {
                    LockSupport.unpark(w);
                }
            }
        }
    }
}
