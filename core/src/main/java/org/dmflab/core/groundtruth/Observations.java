package org.dmflab.core.groundtruth;

import java.util.Arrays;
import java.util.Random;
import org.dmflab.core.Checks;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.Table;
import org.ejml.data.DMatrixRMaj;

/**
 * Observed entries of an m×n matrix, the data of matrix completion (docs/theory.md §8.3): the completion loss is
 * ½ Σ_{(i,j) observed} (W_ij − y_ij)². Each entry appears at most once; indices are 0-based here and 1-based in the
 * observations table ({@code row}, {@code column}, {@code value}, docs/design.md §2).
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

    /** The observations table: {@code row}, {@code column} (1-based), {@code value}. */
    public Table toTable() {
        Table.Builder builder = Table.builder(Schemas.OBSERVATIONS);
        for (int k = 0; k < values.length; k++) {
            builder.addRow(row[k] + 1, column[k] + 1, values[k]);
        }
        return builder.build();
    }

    /**
     * Reads an observations table for an m×n matrix: columns {@code row}, {@code column} (whole numbers, 1-based,
     * within the shape) and {@code value} (finite), each entry at most once.
     *
     * @param source how the user knows the table, for messages
     */
    public static Observations fromTable(Table table, int rows, int cols, String source) {
        int[] index = new int[3];
        for (int c = 0; c < 3; c++) {
            Column column = Schemas.OBSERVATIONS.get(c);
            index[c] = table.indexOf(column.name());
            if (index[c] < 0 || !table.columns().get(index[c]).type().isNumeric()) {
                throw new InvalidInputException(source, (index[c] < 0 ? "has no column '" : "has a non-numeric column '")
                        + column.name() + "'; an observations table has numeric columns row, column (1-based) and "
                        + "value");
            }
        }
        if (table.rowCount() == 0) {
            throw new InvalidInputException(source, "has no observations; completion needs at least one observed entry");
        }
        int count = table.rowCount();
        int[] rowIndex = new int[count];
        int[] colIndex = new int[count];
        double[] values = new double[count];
        boolean[] seen = new boolean[rows * cols];
        for (int k = 0; k < count; k++) {
            String where = source + ", " + table.rowLocation(k);
            rowIndex[k] = position(table, k, index[0], rows, where) - 1;
            colIndex[k] = position(table, k, index[1], cols, where) - 1;
            values[k] = Checks.finiteCell(where + ", column 'value'", table.cell(k, index[2]),
                    "every observation needs its value");
            int flat = rowIndex[k] * cols + colIndex[k];
            if (seen[flat]) {
                throw new InvalidInputException(where, "entry (" + (rowIndex[k] + 1) + ", " + (colIndex[k] + 1)
                        + ") is observed twice; list each entry once (remove the duplicate)");
            }
            seen[flat] = true;
        }
        return new Observations(rows, cols, rowIndex, colIndex, values);
    }

    private static int position(Table table, int k, int column, int limit, String where) {
        String name = table.columns().get(column).name();
        Object cell = table.cell(k, column);
        if (!(cell instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new InvalidInputException(where + ", column '" + name + "'", (cell == null ? "missing value"
                    : InvalidInputException.quote(cell) + " is not a whole number") + "; give the 1-based " + name + " index");
        }
        double value = number.doubleValue();
        if (value < 1 || value > limit) {
            throw new InvalidInputException(where + ", column '" + name + "'", (long) value + " is outside 1 … "
                    + limit + " (the matrix has " + limit + " " + (name.equals("row") ? "rows" : "columns")
                    + "); use 1-based indices within the matrix's shape");
        }
        return (int) value;
    }
}
