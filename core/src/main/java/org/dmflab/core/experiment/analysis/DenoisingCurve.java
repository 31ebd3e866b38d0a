package org.dmflab.core.experiment.analysis;

import org.dmflab.core.linalg.SymmetricEigen;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.Table;
import org.dmflab.core.model.Trace;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Generalisation error of a denoising run (docs/theory.md §8.1, Fig. 9(b), on a synthetic target): the distance
 * ‖W(k) − Φ_clean‖_F of every recorded product to the clean matrix, the best rank-r approximations of the noisy matrix as
 * benchmarks, and the early-stopping point (the recorded iteration of least distance).
 *
 * <p><b>Method.</b> The run trains on the symmetric noisy target Φ̃ = Ṽ Λ̃ Ṽᵀ from an identical start αI. By Lemma 2.1
 * (docs/theory.md §2.1) every iterate is W(k) = Ṽ diag(p(k)) Ṽᵀ, and the trace's {@code lambda_i} columns are exactly
 * p_i(k) = ṽᵢᵀ W(k) ṽᵢ (the spectral solver computes them from the recursion (18) itself). With C = Ṽᵀ Φ_clean Ṽ,
 * <pre>‖W(k) − Φ_clean‖²_F = ‖diag(p) − C‖²_F = ‖Φ_clean‖²_F − 2 Σᵢ pᵢ Cᵢᵢ + Σᵢ pᵢ²,</pre>
 * so the distance at every recorded iteration follows from the trace without forming any product. This holds only for
 * identical starts on the noisy matrix's own eigenbasis; the runner refuses other runs for this analysis.
 *
 * <p>Best rank-r approximation (Eckart–Young, Frobenius norm): keep the r eigenpairs of Φ̃ of largest |λ|.
 */
public final class DenoisingCurve {
    private final long[] iterations;
    private final double[] distance;
    private final double[] benchmarks;
    private final int best;

    private DenoisingCurve(long[] iterations, double[] distance, double[] benchmarks) {
        this.iterations = iterations;
        this.distance = distance;
        this.benchmarks = benchmarks;
        int argmin = 0;
        for (int point = 1; point < distance.length; point++) {
            if (distance[point] < distance[argmin]) {
                argmin = point;
            }
        }
        this.best = argmin;
    }

    /**
     * @param noisy    the symmetric matrix the run trained on
     * @param clean    the clean matrix
     * @param trace    the run's trace (identical start, lambda columns along {@code noisy}'s eigenvectors)
     * @param maxRank  benchmarks for r = 1 … maxRank
     */
    public static DenoisingCurve of(DMatrixRMaj noisy, DMatrixRMaj clean, Trace trace, int maxRank) {
        SymmetricEigen eigen = SymmetricEigen.of(noisy);
        DMatrixRMaj v = eigen.vectors();
        int n = v.numCols;
        if (trace.eigenCount() != n) {
            throw new IllegalArgumentException("trace has " + trace.eigenCount() + " lambda columns, target has " + n);
        }
        DMatrixRMaj vtc = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(v, clean, vtc);
        double[] diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int row = 0; row < n; row++) {
                sum += vtc.unsafe_get(i, row) * v.unsafe_get(row, i);
            }
            diagonal[i] = sum;
        }
        double cleanSquared = square(NormOps_DDRM.normF(clean));
        long[] iterations = trace.iterations();
        double[] distance = new double[trace.size()];
        for (int point = 0; point < trace.size(); point++) {
            double squared = cleanSquared;
            for (int i = 0; i < n; i++) {
                double p = trace.lambda(point, i);
                squared += p * p - 2 * p * diagonal[i];
            }
            distance[point] = Math.sqrt(Math.max(0, squared));
        }
        double[] benchmarks = new double[maxRank];
        double[] values = eigen.values();
        Integer[] byModulus = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -Math.abs(values[i])).thenComparing(i -> i))
                .toArray(Integer[]::new);
        DMatrixRMaj approximation = new DMatrixRMaj(n, n);
        for (int r = 1; r <= maxRank; r++) {
            int i = byModulus[r - 1];
            for (int row = 0; row < n; row++) {
                for (int col = 0; col < n; col++) {
                    approximation.add(row, col, values[i] * v.unsafe_get(row, i) * v.unsafe_get(col, i));
                }
            }
            DMatrixRMaj difference = new DMatrixRMaj(n, n);
            CommonOps_DDRM.subtract(approximation, clean, difference);
            benchmarks[r - 1] = NormOps_DDRM.normF(difference);
        }
        return new DenoisingCurve(iterations, distance, benchmarks);
    }

    private static double square(double x) {
        return x * x;
    }

    /** Recorded iterations. */
    public long[] iterations() {
        return iterations.clone();
    }

    /** ‖W(k) − Φ_clean‖_F at each recorded iteration. */
    public double[] distance() {
        return distance.clone();
    }

    /** ‖Φ̃_r − Φ_clean‖_F for r = 1 … maxRank (index r − 1). */
    public double[] benchmarks() {
        return benchmarks.clone();
    }

    /** The early-stopping iteration: the recorded iteration of least distance (the first on a tie). */
    public long earlyStoppingIteration() {
        return iterations[best];
    }

    /** The distance at the early-stopping iteration. */
    public double earlyStoppingError() {
        return distance[best];
    }

    /** The distance at the last recorded iteration (the fully trained run). */
    public double finalError() {
        return distance[distance.length - 1];
    }

    /** The rank r whose best approximation is closest to the clean matrix (1-based). */
    public int bestBenchmarkRank() {
        int r = 0;
        for (int i = 1; i < benchmarks.length; i++) {
            if (benchmarks[i] < benchmarks[r]) {
                r = i;
            }
        }
        return r + 1;
    }

    /** Columns {@code iteration}, {@code error_clean}: the curve as a table. */
    public Table curveTable() {
        Table.Builder table = Table.builder(List.of(Column.of("iteration", ColumnType.LONG),
                Column.of("error_clean", ColumnType.DOUBLE)));
        for (int point = 0; point < iterations.length; point++) {
            table.addRow(iterations[point], distance[point]);
        }
        return table.build();
    }

    /** Columns {@code rank}, {@code error_clean}: the benchmarks as a table. */
    public Table benchmarkTable() {
        Table.Builder table = Table.builder(List.of(Column.of("rank", ColumnType.INTEGER),
                Column.of("error_clean", ColumnType.DOUBLE)));
        for (int r = 1; r <= benchmarks.length; r++) {
            table.addRow(r, benchmarks[r - 1]);
        }
        return table.build();
    }

    @Override
    public String toString() {
        return "DenoisingCurve[early stop " + earlyStoppingIteration() + " at " + earlyStoppingError() + ", final "
                + finalError() + ", benchmarks " + Arrays.toString(benchmarks) + "]";
    }
}
