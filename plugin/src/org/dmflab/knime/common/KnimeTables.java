package org.dmflab.knime.common;

import java.util.ArrayList;
import java.util.List;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.MatrixTables;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.Table;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.RowIterator;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/**
 * Converts between the engine's {@link Table} and KNIME data tables: one engine column type per KNIME cell type
 * (INTEGER ↔ IntCell, LONG ↔ LongCell, DOUBLE ↔ DoubleCell, STRING ↔ StringCell), missing cells ↔ {@code null}.
 */
public final class KnimeTables {
    private KnimeTables() {
    }

    /** The KNIME spec of a table with these columns. */
    public static DataTableSpec spec(List<Column> columns) {
        DataColumnSpec[] specs = new DataColumnSpec[columns.size()];
        for (int c = 0; c < specs.length; c++) {
            specs[c] = new DataColumnSpecCreator(columns.get(c).name(), dataType(columns.get(c).type())).createSpec();
        }
        return new DataTableSpec(specs);
    }

    /** Writes an engine table into a new KNIME table. */
    public static BufferedDataTable write(Table table, ExecutionContext exec) throws CanceledExecutionException {
        BufferedDataContainer container = exec.createDataContainer(spec(table.columns()));
        DataCell[] cells = new DataCell[table.columnCount()];
        for (int row = 0; row < table.rowCount(); row++) {
            if (row % 1024 == 0) {
                exec.checkCanceled();
            }
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cell(table.cell(row, c));
            }
            container.addRowToTable(new DefaultRow(new RowKey(table.rowId(row)), cells));
        }
        container.close();
        return container.getTable();
    }

    /**
     * Writes a matrix as the matrix table of docs/design.md §2 ({@code c1 … cn}, RowIDs {@code r1 … rm}), the table
     * {@code KnimeTables.write(MatrixTables.toTable(matrix), exec)} gives, straight from the matrix's array: no boxed
     * doubles and no intermediate engine table (a 2000 × 2000 product is 4 million cells).
     */
    public static BufferedDataTable writeMatrix(DMatrixRMaj matrix, ExecutionContext exec)
            throws CanceledExecutionException {
        BufferedDataContainer container = exec.createDataContainer(spec(Schemas.matrix(matrix.numCols)));
        double[] data = matrix.data;
        int cols = matrix.numCols;
        for (int row = 0; row < matrix.numRows; row++) {
            if (row % 64 == 0) {
                exec.checkCanceled();
                exec.setProgress((double) row / matrix.numRows);
            }
            DataCell[] cells = new DataCell[cols]; // DefaultRow keeps the array it is given
            for (int c = 0, offset = row * cols; c < cols; c++) {
                cells[c] = new DoubleCell(data[offset + c]);
            }
            container.addRowToTable(new DefaultRow(new RowKey(Schemas.matrixRowId(row)), cells));
        }
        container.close();
        return container.getTable();
    }

    /**
     * Reads a matrix from a table whose columns are all numeric, in column order, as
     * {@code MatrixTables.fromTable(KnimeTables.read(table, monitor), source)} does, straight into the matrix's array.
     * Whatever that path refuses (an empty table, a non-numeric column, a missing or non-finite cell) is handed to it,
     * so the message naming the column or cell is the engine's.
     *
     * @param source how the user knows the table, e.g. {@code "target table"}
     */
    public static DMatrixRMaj readMatrix(BufferedDataTable table, ExecutionMonitor monitor, String source)
            throws CanceledExecutionException {
        DataTableSpec spec = table.getDataTableSpec();
        int cols = spec.getNumColumns();
        long rows = table.size();
        boolean numeric = cols > 0 && rows > 0 && rows * cols <= Integer.MAX_VALUE;
        for (int c = 0; numeric && c < cols; c++) {
            numeric = columnType(spec.getColumnSpec(c).getType()).isNumeric();
        }
        if (!numeric) {
            return MatrixTables.fromTable(read(table, monitor), source);
        }
        DMatrixRMaj matrix = new DMatrixRMaj((int) rows, cols);
        double[] data = matrix.data;
        int offset = 0;
        try (CloseableRowIterator iterator = table.iterator()) {
            for (int row = 0; iterator.hasNext(); row++) {
                DataRow dataRow = iterator.next();
                if (row % 64 == 0) {
                    monitor.checkCanceled();
                    monitor.setProgress((double) row / rows);
                }
                for (int c = 0; c < cols; c++) {
                    DataCell cell = dataRow.getCell(c);
                    double value = cell.isMissing() ? Double.NaN : ((DoubleValue) cell).getDoubleValue();
                    if (!Double.isFinite(value)) { // the engine names the cell and says what is wrong
                        return MatrixTables.fromTable(read(table, monitor), source);
                    }
                    data[offset++] = value;
                }
            }
        }
        return matrix;
    }

    /**
     * Reads a KNIME table into an engine table. Numeric columns keep their type; every other column becomes STRING
     * (the engine then names it if it must be numeric). Missing cells become {@code null}; the engine decides whether
     * that is allowed and names the cell if not.
     */
    public static Table read(DataTable table, ExecutionMonitor monitor) throws CanceledExecutionException {
        List<Column> columns = columns(table.getDataTableSpec());
        Table.Builder builder = Table.builder(columns);
        Object[] values = new Object[columns.size()];
        long row = 0;
        RowIterator rows = table.iterator();
        try {
            while (rows.hasNext()) {
                DataRow dataRow = rows.next();
                if (row++ % 1024 == 0) {
                    monitor.checkCanceled();
                }
                for (int c = 0; c < values.length; c++) {
                    values[c] = value(dataRow.getCell(c), columns.get(c).type());
                }
                builder.addRowWithKey(dataRow.getKey().getString(), values);
            }
        } finally {
            if (rows instanceof CloseableRowIterator closeable) {
                closeable.close();
            }
        }
        return builder.build();
    }

    /**
     * A table with the spec's columns and no rows: lets configure run the engine's own checks of an input's columns
     * (which name the table and the missing columns) before any data exists.
     */
    public static Table empty(DataTableSpec spec) {
        return Table.builder(columns(spec)).build();
    }

    private static List<Column> columns(DataTableSpec spec) {
        List<Column> columns = new ArrayList<>(spec.getNumColumns());
        for (int c = 0; c < spec.getNumColumns(); c++) {
            columns.add(Column.nullable(spec.getColumnSpec(c).getName(), columnType(spec.getColumnSpec(c).getType())));
        }
        return columns;
    }

    /**
     * Configure-time check of a matrix input: every column must be numeric.
     *
     * @param source how the user knows the table, e.g. {@code "target table"}
     */
    public static void requireNumericColumns(DataTableSpec spec, String source) throws InvalidSettingsException {
        for (DataColumnSpec column : spec) {
            if (!columnType(column.getType()).isNumeric()) {
                throw new InvalidSettingsException(source + ", column '" + column.getName() + "': is not numeric; a "
                        + "matrix table may only have number columns (filter the others out first)");
            }
        }
    }

    /** The engine's column type for a KNIME column type. */
    public static ColumnType columnType(DataType type) {
        if (type.isCompatible(IntValue.class)) {
            return ColumnType.INTEGER;
        }
        if (type.isCompatible(LongValue.class)) {
            return ColumnType.LONG;
        }
        if (type.isCompatible(DoubleValue.class)) {
            return ColumnType.DOUBLE;
        }
        return ColumnType.STRING;
    }

    private static DataType dataType(ColumnType type) {
        switch (type) {
            case INTEGER:
                return IntCell.TYPE;
            case LONG:
                return LongCell.TYPE;
            case DOUBLE:
                return DoubleCell.TYPE;
            default:
                return StringCell.TYPE;
        }
    }

    private static DataCell cell(Object value) {
        if (value == null) {
            return DataType.getMissingCell();
        }
        if (value instanceof Integer integer) {
            return new IntCell(integer);
        }
        if (value instanceof Long number) {
            return new LongCell(number);
        }
        if (value instanceof Double number) {
            return new DoubleCell(number);
        }
        return new StringCell(value.toString());
    }

    private static Object value(DataCell cell, ColumnType type) {
        if (cell.isMissing()) {
            return null;
        }
        switch (type) {
            case INTEGER:
                return ((IntValue) cell).getIntValue();
            case LONG:
                return ((LongValue) cell).getLongValue();
            case DOUBLE:
                return ((DoubleValue) cell).getDoubleValue();
            default:
                return cell.toString();
        }
    }
}
