package org.dmflab.core.model;

import java.util.Arrays;
import java.util.Random;
import org.dmflab.core.InvalidInputException;
import org.ejml.data.DMatrixRMaj;

/**
 * Observed entries of an m×n matrix, the data of matrix completion (docs/theory.md §8.3): the completion loss is
 * ½ Σ_{(i,j) observed} (W_ij − y_ij)². Each entry appears at most once; indices are 0-based here and 1-based in the
 * observations table ({@code row}, {@code column}, {@code value}, docs/design.md §2; {@code table.ObservationTables}).
 *
 * @param rows    m, the rows of the matrix the entries belong to
 * @param cols    n
 * @param row     0-based row of each observation
 * @param column  0-based column of each observation
 * @param values  the observed value y_ij of each observation
 */
public record Observations(int rows, int cols, int[] row, int[] column, double[] values) {

    public Observations {
        row = row.clone();
        column = column.clone();
        values = values.clone();
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a " + rows + "×" + cols + " matrix has no entries");
        }
        if (row.length != values.length || column.length != values.length) {
            throw new IllegalArgumentException(row.length + " rows, " + column.length + " columns and "
                    + values.length + " values");
        }
    }

    @Override
    public int[] row() {
        return row.clone();
    }

    @Override
    public int[] column() {
        return column.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** M, the number of observed entries. */
    public int count() {
        return values.length;
    }

    /**
     * Samples {@code count} distinct entries of {@code target} uniformly without replacement (a partial Fisher–Yates
     * shuffle of the m·n positions), listed in row-major order of their position.
     */
    public static Observations sample(DMatrixRMaj target, int count, Random random) {
        int size = target.numRows * target.numCols;
        if (count < 1 || count > size) {
            throw new IllegalArgumentException("cannot observe " + count + " of " + size + " entries");
        }
        int[] positions = new int[size];
        for (int k = 0; k < size; k++) {
            positions[k] = k;
        }
        for (int k = 0; k < count; k++) {
            int pick = k + random.nextInt(size - k);
            int swap = positions[k];
            positions[k] = positions[pick];
            positions[pick] = swap;
        }
        int[] chosen = Arrays.copyOf(positions, count);
        Arrays.sort(chosen);
        int[] rows = new int[count];
        int[] cols = new int[count];
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            rows[k] = chosen[k] / target.numCols;
            cols[k] = chosen[k] % target.numCols;
            values[k] = target.data[chosen[k]];
        }
        return new Observations(target.numRows, target.numCols, rows, cols, values);
    }

    /** Whether each entry is observed, row-major (m·n flags). */
    public boolean[] mask() {
        boolean[] mask = new boolean[rows * cols];
        for (int k = 0; k < values.length; k++) {
            mask[row[k] * cols + column[k]] = true;
        }
        return mask;
    }
}
