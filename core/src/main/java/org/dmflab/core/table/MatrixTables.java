package org.dmflab.core.table;

import org.dmflab.core.Checks;
import org.dmflab.core.InvalidInputException;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/** Converts between matrices and the matrix table of docs/design.md §2 ({@code c1 … cn}, RowIDs {@code r1 … rm}). */
public final class MatrixTables {
    private MatrixTables() {
    }

    /** The matrix table of {@code matrix}. */
    public static Table toTable(DMatrixRMaj matrix) {
        Table.Builder builder = Table.builder(Schemas.matrix(matrix.numCols));
        Object[] cells = new Object[matrix.numCols];
        for (int i = 0; i < matrix.numRows; i++) {
            for (int j = 0; j < matrix.numCols; j++) {
                cells[j] = matrix.unsafe_get(i, j);
            }
            builder.addRowWithKey(Schemas.matrixRowId(i), cells);
        }
        return builder.build();
    }

    /**
     * The factors table of docs/design.md §2 ({@link Schemas#factors}) of W₁ … W_N with {@code columns} value columns
     * (at least the widest factor's), RowIDs {@code W<j>_r<i>}.
     */
    public static Table factorsTable(List<DMatrixRMaj> factors, int columns) {
        Table.Builder builder = Table.builder(Schemas.factors(columns));
        for (int f = 0; f < factors.size(); f++) {
            DMatrixRMaj factor = factors.get(f);
            if (factor.numCols > columns) {
                throw new IllegalArgumentException("factor " + (f + 1) + " has " + factor.numCols + " columns, the "
                        + "table " + columns);
            }
            for (int i = 0; i < factor.numRows; i++) {
                Object[] cells = new Object[columns + 2];
                cells[0] = f + 1;
                cells[1] = i + 1;
                for (int j = 0; j < factor.numCols; j++) {
                    cells[j + 2] = factor.unsafe_get(i, j);
                }
                builder.addRowWithKey("W" + (f + 1) + "_" + Schemas.matrixRowId(i), cells);
            }
        }
        return builder.build();
    }

    /**
     * Reads a matrix from any table whose columns are all numeric, in column order. Rejects non-numeric columns,
     * missing and non-finite cells and empty tables, naming the column or cell.
     *
     * @param source how the user knows the table, e.g. {@code "input table"} or {@code "gt/matrix.csv"}
     */
    public static DMatrixRMaj fromTable(Table table, String source) {
        if (table.columnCount() == 0 || table.rowCount() == 0) {
            throw new InvalidInputException(source, "the table is empty (" + table.rowCount() + " rows, "
                    + table.columnCount() + " columns); a matrix table needs at least one row and one numeric column");
        }
        for (Column column : table.columns()) {
            if (!column.type().isNumeric()) {
                throw new InvalidInputException(source + ", column '" + column.name() + "'",
                        "is not numeric; a matrix table may only have number columns (remove or convert this column)");
            }
        }
        DMatrixRMaj matrix = new DMatrixRMaj(table.rowCount(), table.columnCount());
        for (int i = 0; i < table.rowCount(); i++) {
            for (int j = 0; j < table.columnCount(); j++) {
                matrix.unsafe_set(i, j, Checks.finiteCell(source + ", " + table.cellLocation(i, j),
                        table.cell(i, j), "fill it in or remove the row"));
            }
        }
        return matrix;
    }
}
