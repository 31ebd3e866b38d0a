package org.dmflab.core.train;

import org.dmflab.core.linalg.StepArithmetic;
import org.dmflab.core.linalg.KernelThresholds;
import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_daxpy;
import static org.bytedeco.openblas.global.openblas.cblas_dcopy;
import static org.bytedeco.openblas.global.openblas.cblas_ddot;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas.cblas_dgemv;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Pointer;
import org.dmflab.core.linalg.NativeBlas;
import org.ejml.data.DMatrixRMaj;

/**
 * {@link StepArithmetic} on OpenBLAS (single-threaded, see {@link NativeBlas}) with matrices in off-heap row-major
 * buffers, so that a step crosses into native code once per product and copies nothing. Large operations are split in
 * two by a rule on the shape alone ({@link RowSplit}): products from {@link KernelThresholds#BLAS_TWO_THREADS_FROM}
 * rows by rows into two
 * {@code dgemm} calls, the sensing step from {@link KernelThresholds#BLAS_SENSING_TWO_THREADS_FROM} operator entries
 * by rows of A (the fused
 * pass of {@link KernelThresholds#BLAS_SENSING_BLOCK_DOUBLES}, each half with its own partial G) or, for operators
 * too large to fuse, into
 * two {@code dgemv} calls per pass (A·vec(W) by rows of A, Aᵀr by columns of A, i.e. by entries of G). Every result
 * element comes from the same fixed BLAS calls in the same order whichever thread runs them, so the bytes are the same
 * with one thread and with two. With two processors the upper halves run on a persistent worker thread, started at the
 * first split; with one, or with {@link #withThreads withThreads(1)}, the caller runs both halves.
 */
final class BlasArithmetic implements StepArithmetic, RowSplit.RowTask {

    private static final int MULTIPLY = 0;
    private static final int MULTIPLY_TRANS_A = 1;
    private static final int ADD_MULTIPLY_TRANS_B = 2;
    /** Rows [start, end) of r = A·vec(W): a = A, b = W, c = r. */
    private static final int SENSING_FORWARD = 3;
    /** Entries [start, end) of vec(G) = Aᵀr: a = A, b = r, c = G. */
    private static final int SENSING_BACKWARD = 4;
    /** Rows [start, end) of A in cache-sized blocks, r and G in one pass over A ({@link
     * KernelThresholds#BLAS_SENSING_BLOCK_DOUBLES}). */
    private static final int SENSING_FUSED = 5;

    /** Whether the upper halves of split operations run on a worker thread (started at the first split). */
    private final boolean twoThreads;
    /** Rows of a product, and operator entries of a sensing pass, from which the operation is split. */
    private final int splitRowsFrom;
    private final long splitEntriesFrom;
    /** The worker for the upper halves; null until the first split with {@link #twoThreads}. */
    private RowSplit split;
    private final List<Buffer> allocated = new ArrayList<>();
    /** The operation in progress, read by both halves of a split. */
    private int operation;
    private double scale;
    private Buffer a;
    private Buffer b;
    private Buffer c;
    /** The fused sensing pass: observations, rows per block, the worker half's partial G and movable views. */
    private Buffer y;
    private int block;
    private Buffer partialGradient;
    /** A, r and y the views were made for. */
    private final Buffer[] viewsFor = new Buffer[3];
    /** Whether the fused pass in progress is split (its upper half then ends at the last row). */
    private boolean fusedSplit;
    private final DoublePointer[] lowerViews = new DoublePointer[3];
    private final DoublePointer[] upperViews = new DoublePointer[3];

    private BlasArithmetic(boolean twoThreads, int splitRowsFrom, long splitEntriesFrom) {
        // loads OpenBLAS through NativeBlas, which also fixes its own thread count at one
        NativeBlas.failure().ifPresent(reason -> {
            throw new IllegalStateException("OpenBLAS is not available: " + reason);
        });
        this.twoThreads = twoThreads;
        this.splitRowsFrom = splitRowsFrom;
        this.splitEntriesFrom = splitEntriesFrom;
    }

    /**
     * The trainer's arithmetic for a problem of largest dimension {@code size}: two threads for the split operations
     * when the machine has two processors ({@link RowSplit#twoProcessors}). Which operations are split depends on each
     * one's shape only, so {@code size} itself decides nothing here.
     */
    static BlasArithmetic forSize(int size) {
        return new BlasArithmetic(RowSplit.twoProcessors(), KernelThresholds.BLAS_TWO_THREADS_FROM,
                KernelThresholds.BLAS_SENSING_TWO_THREADS_FROM);
    }

    /**
     * One or two threads regardless of the processors (tests, benchmarks); with one thread the same operations are
     * split as with two, so both give the same bytes.
     */
    static BlasArithmetic withThreads(int threads) {
        return new BlasArithmetic(threads > 1, KernelThresholds.BLAS_TWO_THREADS_FROM,
                KernelThresholds.BLAS_SENSING_TWO_THREADS_FROM);
    }

    /**
     * For measuring the thresholds (bench {@code TwoThreadThreshold}): {@code split} = every product and sensing pass
     * split in two, on two threads; otherwise none split, one thread.
     */
    static BlasArithmetic forThresholds(boolean split) {
        return split ? new BlasArithmetic(true, 2, 2) : new BlasArithmetic(false, Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * A row-major buffer and three views into it: from the first row of the worker's half ({@link RowSplit#splitRow}
     * of the rows), from the first column of the worker's half (for Aᵀ, whose rows are A's columns), and from the
     * first element of the worker's half of the buffer read as one vector. {@link #elements()}: a direct
     * {@link DoubleBuffer} on the same memory for element-wise access without a native call per element.
     */
    private static final class Buffer implements Dense {
        final DoublePointer data;
        final DoublePointer fromSplitRow;
        final DoublePointer fromSplitColumn;
        final DoublePointer fromSplitElement;
        final int rows;
        final int cols;
        private DoubleBuffer elements;

        Buffer(int rows, int cols) {
            this.rows = rows;
            this.cols = cols;
            data = new DoublePointer(Math.max(1L, (long) rows * cols));
            data.zero();
            fromSplitRow = new DoublePointer(data).position((long) RowSplit.splitRow(rows) * cols);
            fromSplitColumn = new DoublePointer(data).position(RowSplit.splitRow(cols));
            fromSplitElement = new DoublePointer(data).position(RowSplit.splitRow(rows * cols));
        }

        /** The buffer's memory as a direct, native-order {@link DoubleBuffer}, made once (at most 2³¹ − 1 entries). */
        DoubleBuffer elements() {
            if (elements == null) {
                elements = data.asBuffer();
            }
            return elements;
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
    public void readInto(Dense matrix, DMatrixRMaj into) {
        ((Buffer) matrix).data.get(into.data, 0, matrix.rows() * matrix.cols());
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
        runSplit(c.rows(), c.rows() >= splitRowsFrom);
    }

    /** Runs the operation in progress on [0, count), in the two halves of a split when {@code split}. */
    private void runSplit(int count, boolean split) {
        if (!split) {
            rows(0, count);
        } else if (!twoThreads) {
            RowSplit.runHere(this, count);
        } else {
            if (this.split == null) {
                this.split = RowSplit.withWorker();
            }
            this.split.run(this, count);
        }
    }

    /**
     * Rows [rowStart, rowEnd) of the product in progress (for the sensing passes: rows of A, entries of G); rowStart
     * is 0 or the split row.
     */
    @Override
    public void rows(int rowStart, int rowEnd) {
        int m = rowEnd - rowStart;
        boolean upper = rowStart > 0;
        if (operation == SENSING_FUSED) {
            // the lower half is [0, split) with split < the row count, the upper [split, count), split possibly 0
            fusedRows(rowStart, rowEnd, fusedSplit && rowEnd == a.rows);
            return;
        }
        if (m == 0) {
            return;
        }
        DoublePointer out = upper ? c.fromSplitRow : c.data;
        switch (operation) {
            case MULTIPLY -> cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, b.cols, a.cols, 1.0,
                    upper ? a.fromSplitRow : a.data, a.cols, b.data, b.cols, 0.0, out, c.cols);
            case MULTIPLY_TRANS_A -> cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, m, b.cols, a.rows, 1.0,
                    upper ? a.fromSplitColumn : a.data, a.cols, b.data, b.cols, 0.0, out, c.cols);
            case ADD_MULTIPLY_TRANS_B -> cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, b.rows, a.cols,
                    scale, upper ? a.fromSplitRow : a.data, a.cols, b.data, b.cols, 1.0, out, c.cols);
            case SENSING_FORWARD -> cblas_dgemv(CblasRowMajor, CblasNoTrans, m, a.cols, 1.0,
                    upper ? a.fromSplitRow : a.data, a.cols, b.data, 1, 0.0, out, 1);
            default -> cblas_dgemv(CblasRowMajor, CblasTrans, a.rows, m, 1.0, upper ? a.fromSplitColumn : a.data,
                    a.cols, b.data, 1, 0.0, upper ? c.fromSplitElement : c.data, 1);
        }
    }

    @Override
    public void addScaled(double s, Dense x, Dense y) {
        cblas_daxpy(y.rows() * y.cols(), s, ((Buffer) x).data, 1, ((Buffer) y).data, 1);
    }

    @Override
    public double entryResidual(Dense w, int[] rows, int[] cols, double[] values, Dense g) {
        // absolute get/put on direct buffers: plain memory accesses once compiled, no JNI call per entry
        DoubleBuffer ws = ((Buffer) w).elements();
        DoubleBuffer gs = ((Buffer) g).elements();
        int width = w.cols();
        double sum = 0;
        for (int k = 0; k < values.length; k++) {
            int index = rows[k] * width + cols[k];
            double diff = ws.get(index) - values[k];
            gs.put(index, diff);
            sum += diff * diff;
        }
        return sum;
    }

    @Override
    public double residual(Dense w, Dense t, Dense d) {
        int size = w.rows() * w.cols();
        DoublePointer difference = ((Buffer) d).data;
        cblas_dcopy(size, ((Buffer) w).data, 1, difference, 1);
        cblas_daxpy(size, -1.0, ((Buffer) t).data, 1, difference, 1);
        return cblas_ddot(size, difference, 1, difference, 1);
    }

    @Override
    public double operatorResidual(Dense operators, Dense observations, Dense residuals, Dense w, Dense g) {
        int count = operators.rows();
        int size = operators.cols();
        boolean split = (long) count * size >= splitEntriesFrom;
        DoublePointer r = ((Buffer) residuals).data;
        this.a = (Buffer) operators;
        this.b = (Buffer) w;
        this.y = (Buffer) observations;
        block = KernelThresholds.BLAS_SENSING_BLOCK_DOUBLES / Math.max(1, size) - 1;
        if (block >= 2) {
            // one pass over A: per block of rows r_B = A_B vec(W) − y_B, then G += A_Bᵀ r_B; with a split the upper
            // half of the rows accumulates into its own partial G, added to G after both halves (a fixed order)
            this.c = (Buffer) g;
            prepareFused(residuals, g);
            operation = SENSING_FUSED;
            fusedSplit = split;
            runSplit(count, split);
            if (split) {
                cblas_daxpy(size, 1.0, partialGradient.data, 1, ((Buffer) g).data, 1);
            }
            return cblas_ddot(count, r, 1, r, 1);
        }
        // r = A vec(W) − y (split by rows of A), G = Aᵀ r (split by columns of A, i.e. by entries of G)
        this.c = (Buffer) residuals;
        operation = SENSING_FORWARD;
        runSplit(count, split);
        cblas_daxpy(count, -1.0, ((Buffer) observations).data, 1, r, 1);
        this.b = (Buffer) residuals;
        this.c = (Buffer) g;
        operation = SENSING_BACKWARD;
        runSplit(size, split);
        return cblas_ddot(count, r, 1, r, 1);
    }

    /** The partial G and the views onto A, r and y that each half moves block by block; made once per operator set. */
    private void prepareFused(Dense residuals, Dense g) {
        if (partialGradient == null || partialGradient.rows != g.rows() || partialGradient.cols != g.cols()) {
            partialGradient = (Buffer) allocate(g.rows(), g.cols());
        }
        Buffer r = (Buffer) residuals;
        if (viewsFor[0] != a || viewsFor[1] != r || viewsFor[2] != y) {
            for (DoublePointer[] views : new DoublePointer[][]{lowerViews, upperViews}) {
                views[0] = new DoublePointer(a.data);
                views[1] = new DoublePointer(r.data);
                views[2] = new DoublePointer(y.data);
            }
            viewsFor[0] = a;
            viewsFor[1] = r;
            viewsFor[2] = y;
        }
    }

    /** Rows [rowStart, rowEnd) of A in blocks of {@link #block}: their residuals and their sum Σ rᵢ Aᵢ. */
    private void fusedRows(int rowStart, int rowEnd, boolean upper) {
        int size = a.cols;
        DoublePointer[] views = upper ? upperViews : lowerViews;
        DoublePointer target = upper ? partialGradient.data : c.data;
        if (rowStart == rowEnd) {
            Pointer.memset(target, 0, 8L * size);
            return;
        }
        for (int start = rowStart; start < rowEnd; start += block) {
            int rows = Math.min(block, rowEnd - start);
            DoublePointer ab = views[0].position((long) start * size);
            DoublePointer rb = views[1].position(start);
            cblas_dgemv(CblasRowMajor, CblasNoTrans, rows, size, 1.0, ab, size, b.data, 1, 0.0, rb, 1);
            cblas_daxpy(rows, -1.0, views[2].position(start), 1, rb, 1);
            cblas_dgemv(CblasRowMajor, CblasTrans, rows, size, 1.0, ab, size, rb, 1, start == rowStart ? 0.0 : 1.0,
                    target, 1);
        }
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
