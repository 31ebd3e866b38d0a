package org.dmflab.core.train;

import org.dmflab.core.linalg.StepArithmetic;
import org.dmflab.core.linalg.KernelThresholds;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/** {@link StepArithmetic} on arrays of rows through the pure-Java {@link DenseKernel}. */
final class JavaArithmetic implements StepArithmetic {

    private final DenseKernel kernel;
    /** Bᵀ for {@link #addMultiplyTransB}, sized for the largest dimension. */
    private final double[][] scratch;

    private JavaArithmetic(DenseKernel kernel, int size) {
        this.kernel = kernel;
        this.scratch = new double[size][size];
    }

    /**
     * Products from {@link KernelThresholds#JAVA_TWO_THREADS_FROM} rows split between two threads when the machine
     * has two processors
     * ({@link RowSplit#twoProcessors}), single-threaded otherwise; the bytes are the same either way.
     */
    static JavaArithmetic forSize(int size) {
        boolean split = size >= KernelThresholds.JAVA_TWO_THREADS_FROM && RowSplit.twoProcessors();
        return new JavaArithmetic(split ? DenseKernel.withParallelThreshold(KernelThresholds.JAVA_TWO_THREADS_FROM)
                : DenseKernel.singleThreaded(), size);
    }

    /** With an explicit kernel (tests, benchmarks). */
    static JavaArithmetic with(DenseKernel kernel, int size) {
        return new JavaArithmetic(kernel, size);
    }

    private record Rows(double[][] data, int rows, int cols) implements Dense {
    }

    private static double[][] data(Dense matrix) {
        return ((Rows) matrix).data;
    }

    @Override
    public Dense allocate(int rows, int cols) {
        return new Rows(new double[rows][cols], rows, cols);
    }

    @Override
    public void load(DMatrixRMaj values, Dense into) {
        double[][] rows = data(into);
        for (int i = 0; i < values.numRows; i++) {
            System.arraycopy(values.data, i * values.numCols, rows[i], 0, values.numCols);
        }
    }

    @Override
    public void readInto(Dense matrix, DMatrixRMaj into) {
        double[][] rows = data(matrix);
        int cols = matrix.cols();
        for (int i = 0; i < matrix.rows(); i++) {
            System.arraycopy(rows[i], 0, into.data, i * cols, cols);
        }
    }

    @Override
    public void multiply(Dense a, Dense b, Dense c) {
        kernel.multiply(data(a), data(b), data(c), a.rows(), a.cols(), b.cols());
    }

    @Override
    public void multiplyTransA(Dense a, Dense b, Dense c) {
        kernel.multiplyTransA(data(a), data(b), data(c), a.cols(), a.rows(), b.cols());
    }

    @Override
    public void addMultiplyTransB(double s, Dense a, Dense b, Dense c) {
        kernel.addMultiplyTransB(s, data(a), data(b), data(c), a.rows(), a.cols(), b.rows(), scratch);
    }

    @Override
    public void addScaled(double s, Dense x, Dense y) {
        double[][] xs = data(x);
        double[][] ys = data(y);
        for (int r = 0; r < y.rows(); r++) {
            double[] xr = xs[r];
            double[] yr = ys[r];
            for (int c = 0; c < y.cols(); c++) {
                yr[c] += s * xr[c];
            }
        }
    }

    @Override
    public double entryResidual(Dense w, int[] rows, int[] cols, double[] values, Dense g) {
        double[][] ws = data(w);
        double[][] gs = data(g);
        double sum = 0;
        for (int k = 0; k < values.length; k++) {
            double diff = ws[rows[k]][cols[k]] - values[k];
            gs[rows[k]][cols[k]] = diff;
            sum += diff * diff;
        }
        return sum;
    }

    @Override
    public double residual(Dense w, Dense t, Dense d) {
        double[][] ws = data(w);
        double[][] ts = data(t);
        double[][] ds = data(d);
        double sum = 0;
        for (int r = 0; r < w.rows(); r++) {
            double[] wr = ws[r];
            double[] tr = ts[r];
            double[] dr = ds[r];
            for (int c = 0; c < w.cols(); c++) {
                double diff = wr[c] - tr[c];
                dr[c] = diff;
                sum += diff * diff;
            }
        }
        return sum;
    }

    @Override
    public double operatorResidual(Dense operators, Dense observations, Dense residuals, Dense w, Dense g) {
        double[][] ops = data(operators);
        double[][] ys = data(observations);
        double[][] rs = data(residuals);
        double[][] ws = data(w);
        double[][] gs = data(g);
        int m = w.rows();
        int n = w.cols();
        for (double[] gr : gs) {
            Arrays.fill(gr, 0, n, 0.0);
        }
        double sum = 0;
        for (int i = 0; i < operators.rows(); i++) {
            double[] op = ops[i];
            double dot = 0;
            for (int r = 0; r < m; r++) {
                double[] wr = ws[r];
                int offset = r * n;
                for (int c = 0; c < n; c++) {
                    dot += op[offset + c] * wr[c];
                }
            }
            double residual = dot - ys[i][0];
            rs[i][0] = residual;
            sum += residual * residual;
            for (int r = 0; r < m; r++) {
                double[] gr = gs[r];
                int offset = r * n;
                for (int c = 0; c < n; c++) {
                    gr[c] += residual * op[offset + c];
                }
            }
        }
        return sum;
    }

    @Override
    public void close() {
        kernel.close();
    }
}
