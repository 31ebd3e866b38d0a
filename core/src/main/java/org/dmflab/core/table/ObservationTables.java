package org.dmflab.core.table;

import org.dmflab.core.Checks;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.model.Observations;

/**
 * The observations table of docs/design.md §2 and {@link Observations}, both ways: {@code row}, {@code column}
 * (1-based) and {@code value}, each entry at most once.
 */
public final class ObservationTables {
    private ObservationTables() {
    }

    /** The observations table: {@code row}, {@code column} (1-based), {@code value}. */
    public static Table toTable(Observations observations) {
        Table.Builder builder = Table.builder(Schemas.OBSERVATIONS);
        int[] row = observations.row();
        int[] column = observations.column();
        double[] values = observations.values();
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
