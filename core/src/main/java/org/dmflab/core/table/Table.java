package org.dmflab.core.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable table: named, typed columns (docs/design.md §2), row identifiers and rows of cells. It is the one format in
 * which results leave the engine; the command line writes it as CSV and the KNIME nodes as a data table, so both
 * speak exactly the same schema.
 *
 * <p>A cell is an {@link Integer}, {@link Long}, {@link Double} or {@link String} as its column's type says, or
 * {@code null} in a nullable column.
 */
public final class Table {
    private final List<Column> columns;
    private final List<String> rowIds;
    private final List<Object[]> rows;
    private final Map<String, Integer> indexByName;
    /** The file line of each row when the table was read from a CSV file, else null. */
    private final long[] sourceLines;

    private Table(List<Column> columns, List<String> rowIds, List<Object[]> rows, long[] sourceLines) {
        this.columns = List.copyOf(columns);
        this.rowIds = List.copyOf(rowIds);
        this.rows = rows;
        this.sourceLines = sourceLines;
        this.indexByName = new HashMap<>();
        for (int c = 0; c < this.columns.size(); c++) {
            if (indexByName.put(this.columns.get(c).name(), c) != null) {
                throw new IllegalArgumentException("duplicate column '" + this.columns.get(c).name() + "'");
            }
        }
    }

    /** Starts a table with the given columns. */
    public static Builder builder(List<Column> columns) {
        return new Builder(columns);
    }

    public List<Column> columns() {
        return columns;
    }

    public int rowCount() {
        return rows.size();
    }

    public int columnCount() {
        return columns.size();
    }

    /** The row identifier (KNIME RowID) of row {@code row}, 0-based. */
    public String rowId(int row) {
        return rowIds.get(row);
    }

    public List<String> rowIds() {
        return rowIds;
    }

    /**
     * Where row {@code row} (0-based) is, for messages: {@code "line 7"} (its line in the CSV file it was read from,
     * the one numbering scheme of the command line) or {@code "row r7"} (its row identifier, as KNIME shows it).
     */
    public String rowLocation(int row) {
        return sourceLines != null ? "line " + sourceLines[row] : "row " + rowIds.get(row);
    }

    /** Whether the rows carry the lines of the CSV file they were read from. */
    public boolean hasSourceLines() {
        return sourceLines != null;
    }

    /** {@link #rowLocation} and the column name: {@code "line 7, column 'c2'"}. */
    public String cellLocation(int row, int column) {
        return rowLocation(row) + ", column '" + columns.get(column).name() + "'";
    }

    /** The cell at a 0-based row and column; {@code null} when missing. */
    public Object cell(int row, int column) {
        return rows.get(row)[column];
    }

    /** The 0-based index of a column, or -1 if the table has none of that name. */
    public int indexOf(String columnName) {
        Integer index = indexByName.get(columnName);
        return index == null ? -1 : index;
    }

    /** The column names in order. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column column : columns) {
            names.add(column.name());
        }
        return Collections.unmodifiableList(names);
    }

    /** The numeric value of a cell as a double; the column must be numeric and the cell present. */
    public double doubleAt(int row, int column) {
        Object cell = cell(row, column);
        if (!(cell instanceof Number number)) {
            throw new IllegalStateException("cell (" + row + ", " + columns.get(column).name() + ") is not a number");
        }
        return number.doubleValue();
    }

    /** Collects rows in order and checks each cell against its column. */
    public static final class Builder {
        private final List<Column> columns;
        private final List<String> rowIds = new ArrayList<>();
        private final List<Object[]> rows = new ArrayList<>();
        private long[] sourceLines = new long[16];
        private boolean fromFile = true;

        private Builder(List<Column> columns) {
            this.columns = List.copyOf(columns);
        }

        /**
         * Adds a row of cells with the default identifier {@code Row<i>} (KNIME's default, 0-based). Every argument is
         * a cell, a leading string too (the row key has its own method, {@link #addRowWithKey}).
         */
        public Builder addRow(Object... cells) {
            return addRowWithKey("Row" + rows.size(), cells);
        }

        /** Adds a row with an explicit identifier (a KNIME RowID, a CSV file's row column). */
        public Builder addRowWithKey(String rowId, Object... cells) {
            fromFile = false;
            return add(rowId, cells);
        }

        /** Adds a row read from line {@code line} of a file (every row of such a table must come this way). */
        public Builder addRowFromLine(long line, String rowId, Object... cells) {
            if (rows.size() == sourceLines.length) {
                sourceLines = java.util.Arrays.copyOf(sourceLines, 2 * sourceLines.length);
            }
            sourceLines[rows.size()] = line;
            return add(rowId, cells);
        }

        private Builder add(String rowId, Object... cells) {
            Objects.requireNonNull(rowId, "rowId");
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException(
                        "row " + rowId + " has " + cells.length + " cells, the table has " + columns.size() + " columns");
            }
            Object[] copy = cells.clone();
            for (int c = 0; c < copy.length; c++) {
                copy[c] = checked(columns.get(c), copy[c], rowId);
            }
            rowIds.add(rowId);
            rows.add(copy);
            return this;
        }

        public Table build() {
            return new Table(columns, rowIds, Collections.unmodifiableList(new ArrayList<>(rows)),
                    fromFile ? java.util.Arrays.copyOf(sourceLines, rows.size()) : null);
        }

        private static Object checked(Column column, Object cell, String rowId) {
            if (cell == null) {
                if (!column.nullable()) {
                    throw new IllegalArgumentException("row " + rowId + ", column " + column.name() + ": missing value");
                }
                return null;
            }
            boolean ok = switch (column.type()) {
                case INTEGER -> cell instanceof Integer;
                case LONG -> cell instanceof Long;
                case DOUBLE -> cell instanceof Double;
                case STRING -> cell instanceof String;
            };
            if (!ok) {
                throw new IllegalArgumentException("row " + rowId + ", column " + column.name() + ": "
                        + cell.getClass().getSimpleName() + " in a " + column.type() + " column");
            }
            return cell;
        }
    }
}
