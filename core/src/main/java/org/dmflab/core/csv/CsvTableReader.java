package org.dmflab.core.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.MemoryBudget;
import org.dmflab.core.Progress;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.Table;

/**
 * Reads a CSV file of design.md §2 into a {@link Table}, strictly (see {@link CsvInput} for the file and header checks,
 * {@link StrictNumbers} for the numbers). Columns named in the schema get that type and nullability; other columns are
 * DOUBLE when every cell is a strict number and STRING otherwise. Every message names the file, the line and the
 * column; the table's {@link Table#rowLocation rowLocation} is the file line, so later checks name it the same way.
 */
public final class CsvTableReader {
    /**
     * Peak heap per byte of file while a table is read (its cells held as text, then as typed values): measured about
     * 5 (a 10 MB measurements table needs 48–64 MB of heap).
     */
    static final long BYTES_PER_FILE_BYTE = 5;

    private CsvTableReader() {
    }

    /** As {@link #read(Path, Map, String, Progress)} with the schema as a list of columns. */
    public static Table read(Path file, List<Column> schema, String rowIdPrefix, Progress progress) {
        Map<String, Column> byName = new LinkedHashMap<>();
        for (Column column : schema) {
            byName.put(column.name(), column);
        }
        return read(file, byName, rowIdPrefix, progress);
    }

    /**
     * Reads {@code file}; row identifiers are {@code rowIdPrefix + (data row number, 1-based)}.
     *
     * @throws InvalidInputException naming the file, line and column of the first problem
     */
    public static Table read(Path file, Map<String, Column> schema, String rowIdPrefix, Progress progress) {
        List<String> header;
        List<String[]> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (CsvInput input = CsvInput.open(file, progress)) {
            MemoryBudget.requireHeap(input.file(), BYTES_PER_FILE_BYTE * input.size(), "reading this "
                    + MemoryBudget.human(input.size()) + " table (about " + BYTES_PER_FILE_BYTE + " bytes of memory per "
                    + "byte of file while its cells are typed)");
            header = input.header();
            List<String> cells = new ArrayList<>(header.size());
            while (input.next(cells)) {
                String[] row = new String[cells.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = cells.get(c).trim();
                }
                records.add(row);
                lines.add(input.line());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        List<Column> columns = new ArrayList<>(header.size());
        for (int c = 0; c < header.size(); c++) {
            Column known = schema.get(header.get(c));
            columns.add(known != null ? known : Column.of(header.get(c), inferType(records, c)));
        }
        Table.Builder builder = Table.builder(columns);
        Object[] cells = new Object[columns.size()];
        for (int r = 0; r < records.size(); r++) {
            String[] record = records.get(r);
            for (int c = 0; c < columns.size(); c++) {
                cells[c] = parse(record[c], columns.get(c), file + " line " + lines.get(r) + ", column '"
                        + columns.get(c).name() + "'");
            }
            builder.addRowFromLine(lines.get(r), rowIdPrefix + (r + 1), cells);
        }
        return builder.build();
    }

    private static ColumnType inferType(List<String[]> records, int column) {
        for (String[] record : records) {
            String text = record[column];
            if (!text.isEmpty() && !StrictNumbers.isDecimal(text)) {
                return ColumnType.STRING;
            }
        }
        return ColumnType.DOUBLE;
    }

    private static Object parse(String text, Column column, String where) {
        if (text.isEmpty()) {
            if (column.nullable()) {
                return null;
            }
            throw new InvalidInputException(where, "empty cell; missing values are not allowed here (fill it in "
                    + "or remove the row)");
        }
        return switch (column.type()) {
            case INTEGER -> (int) StrictNumbers.parseWhole(text, Integer.MIN_VALUE, Integer.MAX_VALUE, where);
            case LONG -> StrictNumbers.parseWhole(text, Long.MIN_VALUE, Long.MAX_VALUE, where);
            case DOUBLE -> StrictNumbers.parseDouble(text, where);
            case STRING -> text;
        };
    }
}
