package org.dmflab.core.table;

import org.dmflab.core.InvalidInputException;
import org.dmflab.core.model.SensingData;
import org.ejml.data.DMatrixRMaj;

/**
 * The measurements table of docs/design.md §2 and {@link SensingData}, both ways: {@code measurement}, {@code y},
 * {@code a1 … a(rows·cols)} (row i holds the measurement matrix Aᵢ in row-major order).
 */
public final class MeasurementTables {
    private MeasurementTables() {
    }

    /** The measurements table: {@code measurement}, {@code y}, {@code a1 … a(rows·cols)}. */
    public static Table toTable(SensingData sensing) {
        int entries = sensing.rows() * sensing.cols();
        double[] observations = sensing.observations();
        DMatrixRMaj operators = sensing.operators();
        Table.Builder builder = Table.builder(Schemas.measurements(entries));
        Object[] cells = new Object[entries + 2];
        for (int i = 0; i < observations.length; i++) {
            cells[0] = i + 1;
            cells[1] = observations[i];
            for (int j = 0; j < entries; j++) {
                cells[j + 2] = operators.unsafe_get(i, j);
            }
            builder.addRow(cells);
        }
        return builder.build();
    }

    /**
     * Reads a measurements table for a {@code rows × cols} target, checking its columns.
     *
     * @param source how the user knows the table, for messages
     */
    public static SensingData fromTable(Table table, int rows, int cols, String source) {
        int entries = rows * cols;
        int yColumn = table.indexOf(Schemas.Y);
        if (yColumn < 0) {
            throw new InvalidInputException(source, "has no column '" + Schemas.Y + "'; a measurements table has "
                    + "columns measurement, y, a1 … a" + entries);
        }
        int[] entryColumns = new int[entries];
        for (int j = 0; j < entries; j++) {
            entryColumns[j] = table.indexOf(Schemas.ENTRY_PREFIX + (j + 1));
            if (entryColumns[j] < 0) {
                throw new InvalidInputException(source, "has no column '" + Schemas.ENTRY_PREFIX + (j + 1) + "'; a "
                        + rows + "×" + cols + " target needs measurement matrices with " + entries + " entries a1 … a"
                        + entries);
            }
        }
        if (table.indexOf(Schemas.ENTRY_PREFIX + (entries + 1)) >= 0) {
            throw new InvalidInputException(source, "has more entry columns than the " + entries + " of a " + rows
                    + "×" + cols + " target; the measurements belong to a target of another size");
        }
        DMatrixRMaj operators = new DMatrixRMaj(table.rowCount(), entries);
        double[] observations = new double[table.rowCount()];
        for (int i = 0; i < table.rowCount(); i++) {
            observations[i] = finite(table, i, yColumn, source);
            for (int j = 0; j < entries; j++) {
                operators.unsafe_set(i, j, finite(table, i, entryColumns[j], source));
            }
        }
        return new SensingData(operators, observations, rows, cols);
    }

    /** The cell as a finite number, or bad input naming the table, its row (file line) and column. */
    private static double finite(Table table, int row, int column, String source) {
        Object cell = table.cell(row, column);
        if (cell instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        throw new InvalidInputException(source + ", " + table.cellLocation(row, column), (cell == null
                ? "missing value" : InvalidInputException.quote(cell) + " is not a finite number")
                + "; every measurement needs finite numbers");
    }
}
