package org.dmflab.core.train;

import org.dmflab.core.linalg.KernelThresholds;
import org.ejml.data.DMatrixRMaj;

/**
 * The dense multiplications of one matrix gradient-descent step (docs/design.md §5), allocation-free: C = A·B, C = Aᵀ·B and
 * C += s·A·Bᵀ on matrices stored as arrays of rows ({@code double[rows][cols]}). All three run one row kernel: two rows
 * of C at a time and four k at a time, C[i, :] += Σ A(i, k)·B[k, :] over whole rows of B (i-k-j order), in column blocks
 * of {@link KernelThresholds#JAVA_COLUMN_BLOCK}. C += s·A·Bᵀ first copies Bᵀ into a caller-provided scratch. The 2 ×
 * 4 register block
 * loads each B element once per two rows and each C element once per four k, which is what makes it about 2.5× faster
 * than EJML's {@code CommonOps_DDRM.mult} (bench module, KernelBenchmark, n = 64): about the scalar FMA peak of a core.
 * It is not SIMD-vectorised: C2 (Java 17) treats a store into one {@code double[]} and loads from another as possibly
 * dependent unless escape analysis proves them distinct, so only the Vector API (an incubator module in Java 17)
 * could go further.
 *
 * <p>From {@code parallelThreshold} rows of C on, the rows are split between the calling thread and one persistent
 * worker thread ({@link RowSplit}; the trainer's threshold is {@link KernelThresholds#JAVA_TWO_THREADS_FROM}). Each
 * row of C is computed by exactly one thread with the same operations in the same order whatever
 * the split, so results are bit-identical with and without the worker. Close the kernel to stop the worker.
 */
public final class DenseKernel implements AutoCloseable {
    private final int parallelThreshold;
    private final RowSplit split;
    private final Product product = new Product();

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
        this.split = parallel ? RowSplit.withWorker() : null;
    }

    /** C = A·B with A m×k, B k×n, C m×n (leading parts of the arrays); C distinct from A and B. */
    public void multiply(double[][] a, double[][] b, double[][] c, int m, int k, int n) {
        run(a, false, b, c, m, k, n, 1.0, false);
    }

    /** C = Aᵀ·B with A k×m, B k×n, C m×n; C distinct from A and B. */
    public void multiplyTransA(double[][] a, double[][] b, double[][] c, int m, int k, int n) {
        run(a, true, b, c, m, k, n, 1.0, false);
    }

    /** C += s·A·Bᵀ with A m×k, B n×k, C m×n, using {@code scratch} (at least k×n) for Bᵀ. */
    public void addMultiplyTransB(double s, double[][] a, double[][] b, double[][] c, int m, int k, int n,
                                  double[][] scratch) {
        for (int i = 0; i < n; i++) {
            double[] row = b[i];
            for (int j = 0; j < k; j++) {
                scratch[j][i] = row[j];
            }
        }
        run(a, false, scratch, c, m, k, n, s, true);
    }

    /** The rows of an EJML matrix as a new array of rows. */
    public static double[][] rows(DMatrixRMaj matrix) {
        double[][] rows = new double[matrix.numRows][matrix.numCols];
        for (int i = 0; i < matrix.numRows; i++) {
            System.arraycopy(matrix.data, i * matrix.numCols, rows[i], 0, matrix.numCols);
        }
        return rows;
    }

    /** The leading m×n part of an array of rows as a new EJML matrix. */
    public static DMatrixRMaj matrix(double[][] rows, int m, int n) {
        DMatrixRMaj matrix = new DMatrixRMaj(m, n);
        for (int i = 0; i < m; i++) {
            System.arraycopy(rows[i], 0, matrix.data, i * n, n);
        }
        return matrix;
    }

    private void run(double[][] a, boolean transA, double[][] b, double[][] c, int m, int k, int n, double scale,
                     boolean accumulate) {
        if (split == null || m < parallelThreshold) {
            rows(a, transA, b, c, k, n, 0, m, scale, accumulate);
            return;
        }
        // RowSplit splits at an even row, so both halves pair rows exactly as a single thread would
        product.a = a;
        product.transA = transA;
        product.b = b;
        product.c = c;
        product.inner = k;
        product.cols = n;
        product.scale = scale;
        product.accumulate = accumulate;
        split.run(product, m);
        product.a = null;
        product.b = null;
        product.c = null;
    }

    /**
     * Rows [rowStart, rowEnd) of C (+)= scale·op(A)·B. Rows are processed in pairs starting at even indices (or one at a
     * time for {@link KernelThresholds#JAVA_ONE_ROW_MIN_COLUMNS}…{@link KernelThresholds#JAVA_ONE_ROW_MAX_COLUMNS}
     * columns); every element gets the same
     * expression either way, so any split at an even row gives identical results.
     */
    static void rows(double[][] a, boolean transA, double[][] b, double[][] c, int inner, int cols, int rowStart,
                     int rowEnd, double scale, boolean accumulate) {
        for (int jStart = 0; jStart < cols; jStart += KernelThresholds.JAVA_COLUMN_BLOCK) {
            int jEnd = Math.min(cols, jStart + KernelThresholds.JAVA_COLUMN_BLOCK);
            int i = rowStart;
            boolean twoRows = cols < KernelThresholds.JAVA_ONE_ROW_MIN_COLUMNS
                    || cols > KernelThresholds.JAVA_ONE_ROW_MAX_COLUMNS;
            for (; twoRows && i + 1 < rowEnd; i += 2) {
                double[] c0 = c[i];
                double[] c1 = c[i + 1];
                if (!accumulate) {
                    for (int j = jStart; j < jEnd; j++) {
                        c0[j] = 0;
                        c1[j] = 0;
                    }
                }
                int k = 0;
                for (; k + 3 < inner; k += 4) {
                    double x00 = scale * at(a, transA, i, k);
                    double x01 = scale * at(a, transA, i, k + 1);
                    double x02 = scale * at(a, transA, i, k + 2);
                    double x03 = scale * at(a, transA, i, k + 3);
                    double x10 = scale * at(a, transA, i + 1, k);
                    double x11 = scale * at(a, transA, i + 1, k + 1);
                    double x12 = scale * at(a, transA, i + 1, k + 2);
                    double x13 = scale * at(a, transA, i + 1, k + 3);
                    twoRowsFourTerms(c0, c1, x00, x01, x02, x03, x10, x11, x12, x13, b[k], b[k + 1], b[k + 2],
                            b[k + 3], jStart, jEnd);
                }
                for (; k < inner; k++) {
                    twoRowsOneTerm(c0, c1, scale * at(a, transA, i, k), scale * at(a, transA, i + 1, k), b[k], jStart,
                            jEnd);
                }
            }
            for (; i < rowEnd; i++) {
                double[] c0 = c[i];
                if (!accumulate) {
                    for (int j = jStart; j < jEnd; j++) {
                        c0[j] = 0;
                    }
                }
                int k = 0;
                for (; k + 3 < inner; k += 4) {
                    oneRowFourTerms(c0, scale * at(a, transA, i, k), scale * at(a, transA, i, k + 1),
                            scale * at(a, transA, i, k + 2), scale * at(a, transA, i, k + 3), b[k], b[k + 1],
                            b[k + 2], b[k + 3], jStart, jEnd);
                }
                for (; k < inner; k++) {
                    double x = scale * at(a, transA, i, k);
                    double[] bk = b[k];
                    for (int j = jStart; j < jEnd; j++) {
                        c0[j] += x * bk[j];
                    }
                }
            }
        }
    }

    private static double at(double[][] a, boolean transA, int i, int k) {
        return transA ? a[k][i] : a[i][k];
    }

    private static void twoRowsFourTerms(double[] c0, double[] c1, double x00, double x01, double x02, double x03,
                                         double x10, double x11, double x12, double x13, double[] b0, double[] b1,
                                         double[] b2, double[] b3, int jStart, int jEnd) {
        for (int j = jStart; j < jEnd; j++) {
            double y0 = b0[j];
            double y1 = b1[j];
            double y2 = b2[j];
            double y3 = b3[j];
            c0[j] += x00 * y0 + x01 * y1 + x02 * y2 + x03 * y3;
            c1[j] += x10 * y0 + x11 * y1 + x12 * y2 + x13 * y3;
        }
    }

    private static void twoRowsOneTerm(double[] c0, double[] c1, double x0, double x1, double[] b, int jStart,
                                       int jEnd) {
        for (int j = jStart; j < jEnd; j++) {
            double y = b[j];
            c0[j] += x0 * y;
            c1[j] += x1 * y;
        }
    }

    private static void oneRowFourTerms(double[] c0, double x0, double x1, double x2, double x3, double[] b0,
                                        double[] b1, double[] b2, double[] b3, int jStart, int jEnd) {
        for (int j = jStart; j < jEnd; j++) {
            c0[j] += x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
        }
    }

    @Override
    public void close() {
        if (split != null) {
            split.close();
        }
    }

    /** The operands of the product in progress, read by both halves of a {@link RowSplit}. */
    private static final class Product implements RowSplit.RowTask {
        private double[][] a;
        private boolean transA;
        private double[][] b;
        private double[][] c;
        private int inner;
        private int cols;
        private double scale;
        private boolean accumulate;

        @Override
        public void rows(int rowStart, int rowEnd) {
            DenseKernel.rows(a, transA, b, c, inner, cols, rowStart, rowEnd, scale, accumulate);
        }
    }
}
