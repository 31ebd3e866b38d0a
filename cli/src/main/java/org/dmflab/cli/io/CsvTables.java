package org.dmflab.cli.io;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.Table;

/**
 * CSV form of our tables (docs/design.md §2): UTF-8, header row, comma separator, {@code .} decimal point, doubles in Java's
 * round-trip form, integers without decimals, empty cells only in nullable columns. Row identifiers are not written.
 */
public final class CsvTables {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private CsvTables() {
    }

    /** Writes {@code table} to {@code file}. */
    public static void write(Table table, Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
            printer.printRecord(table.columnNames());
            List<String> cells = new ArrayList<>(table.columnCount());
            for (int row = 0; row < table.rowCount(); row++) {
                cells.clear();
                for (int column = 0; column < table.columnCount(); column++) {
                    cells.add(format(table.cell(row, column)));
                }
                printer.printRecord(cells);
            }
        }
    }

    /**
     * Reads a CSV file. Columns named in {@code schema} get that type (and nullability); other columns are DOUBLE when
     * every cell is a number and STRING otherwise. Row identifiers are {@code rowIdPrefix + (row number, 1-based)}.
     */
    public static Table read(Path file, Map<String, Column> schema, String rowIdPrefix) {
        List<String> header;
        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), "no such file");
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(file.toString(), "cannot be read as CSV (" + e.getMessage() + ")");
        }
        List<Column> columns = new ArrayList<>(header.size());
        for (int c = 0; c < header.size(); c++) {
            Column known = schema.get(header.get(c));
            columns.add(known != null ? known : Column.of(header.get(c), inferType(records, c)));
        }
        Table.Builder builder = Table.builder(columns);
        Object[] cells = new Object[columns.size()];
        for (int r = 0; r < records.size(); r++) {
            CSVRecord record = records.get(r);
            String rowId = rowIdPrefix + (r + 1);
            if (record.size() != columns.size()) {
                throw new InvalidInputException(file + " line " + (record.getRecordNumber() + 1),
                        "has " + record.size() + " cells but the header has " + columns.size());
            }
            for (int c = 0; c < columns.size(); c++) {
                cells[c] = parse(record.get(c), columns.get(c), file + " row " + (r + 1) + ", column '"
                        + columns.get(c).name() + "'");
            }
            builder.addRow(rowId, cells);
        }
        return builder.build();
    }

    private static ColumnType inferType(List<CSVRecord> records, int column) {
        for (CSVRecord record : records) {
            String text = column < record.size() ? record.get(column).trim() : "";
            if (!text.isEmpty()) {
                try {
                    Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return ColumnType.STRING;
                }
            }
        }
        return ColumnType.DOUBLE;
    }

    private static Object parse(String raw, Column column, String where) {
        String text = raw.trim();
        if (text.isEmpty()) {
            if (column.nullable()) {
                return null;
            }
            throw new InvalidInputException(where, "empty cell; missing values are not allowed here");
        }
        try {
            return switch (column.type()) {
                case INTEGER -> Integer.parseInt(text);
                case LONG -> Long.parseLong(text);
                case DOUBLE -> Double.parseDouble(text);
                case STRING -> text;
            };
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where, "'" + text + "' is not " + switch (column.type()) {
                case INTEGER, LONG -> "a whole number";
                default -> "a number";
            });
        }
    }

    private static String format(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double value) {
            return Double.toString(value);
        }
        return cell.toString();
    }
}
