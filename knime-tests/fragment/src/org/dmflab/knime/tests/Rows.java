package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.util.tokenizer.Tokenizer;
import org.knime.core.util.tokenizer.TokenizerSettings;

/**
 * A table's column names, KNIME cell types and cells as Java values (Integer, Long, Double, String, null = missing):
 * what two tables must share to be "the same output". Built from a KNIME table, or from a CSV file of the command
 * line (read with KNIME's own tokenizer) typed like a KNIME table.
 */
record Rows(String name, List<String> columns, List<String> types, List<List<Object>> cells) {

    static Rows of(String name, DataTable table) {
        DataTableSpec spec = table.getDataTableSpec();
        List<String> types = new ArrayList<>();
        for (int c = 0; c < spec.getNumColumns(); c++) {
            types.add(typeName(spec.getColumnSpec(c).getType().getCellClass()));
        }
        List<List<Object>> cells = new ArrayList<>();
        for (DataRow row : table) {
            List<Object> values = new ArrayList<>(row.getNumCells());
            for (DataCell cell : row) {
                values.add(value(cell));
            }
            cells.add(values);
        }
        return new Rows(name, List.of(spec.getColumnNames()), List.copyOf(types), cells);
    }

    private static String typeName(Class<? extends DataCell> cellClass) {
        if (cellClass == IntCell.class) {
            return "int";
        }
        if (cellClass == LongCell.class) {
            return "long";
        }
        if (cellClass == DoubleCell.class) {
            return "double";
        }
        if (cellClass == StringCell.class) {
            return "string";
        }
        return cellClass.getName();
    }

    private static Object value(DataCell cell) {
        if (cell.isMissing()) {
            return null;
        }
        if (cell instanceof IntValue number && cell instanceof IntCell) {
            return number.getIntValue();
        }
        if (cell instanceof LongValue number && cell instanceof LongCell) {
            return number.getLongValue();
        }
        if (cell instanceof DoubleValue number) {
            return number.getDoubleValue();
        }
        return ((StringValue) cell).getStringValue();
    }

    /** The header and records of a CSV file (RFC 4180 quotes, as the command line writes them). */
    static List<List<String>> csv(Path file) {
        TokenizerSettings settings = new TokenizerSettings();
        settings.addDelimiterPattern(",", false, false, false);
        settings.addDelimiterPattern("\n", false, true, false);
        settings.addQuotePattern("\"", "\"");
        List<List<String>> records = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Tokenizer tokenizer = new Tokenizer(reader);
            tokenizer.setSettings(settings);
            List<String> record = new ArrayList<>();
            for (String token = tokenizer.nextToken(); token != null; token = tokenizer.nextToken()) {
                if ("\n".equals(token) && !tokenizer.lastTokenWasQuoted()) {
                    records.add(record);
                    record = new ArrayList<>();
                } else {
                    record.add(token);
                }
            }
            if (!record.isEmpty()) {
                records.add(record);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return records;
    }

    /** A CSV file's cells, parsed by the cell types of {@code like} (the table it must equal). */
    static Rows fromCsv(Path file, Rows like) {
        List<List<String>> records = csv(file);
        List<String> header = records.get(0);
        assertEquals(like.columns(), header, file + ": columns");
        List<List<Object>> cells = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            assertEquals(header.size(), record.size(), file + " record " + r + " width");
            List<Object> values = new ArrayList<>();
            for (int c = 0; c < record.size(); c++) {
                values.add(parse(record.get(c), like.types().get(c), file + " record " + r + " column " + header.get(c)));
            }
            cells.add(values);
        }
        return new Rows(file.toString(), header, like.types(), cells);
    }

    private static Object parse(String text, String type, String where) {
        if (text.isEmpty()) { // docs/design.md §2: a missing value is an empty cell, in every column type
            return null;
        }
        try {
            return switch (type) {
                case "int" -> Integer.parseInt(text);
                case "long" -> Long.parseLong(text);
                case "double" -> Double.parseDouble(text);
                default -> text;
            };
        } catch (NumberFormatException e) {
            throw new AssertionError(where + ": '" + text + "' is not a " + type);
        }
    }

    /**
     * Asserts equal columns, cell types, row count and cells; doubles within {@code relative} of the column's largest
     * magnitude (0 = bit for bit; design and README of test-workflows say where a tolerance applies and why).
     */
    /** These rows without {@code column}. */
    Rows without(String column) {
        int index = columns.indexOf(column);
        List<String> names = new ArrayList<>(columns);
        names.remove(index);
        List<String> kinds = new ArrayList<>(types);
        kinds.remove(index);
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : cells) {
            List<Object> copy = new ArrayList<>(row);
            copy.remove(index);
            rows.add(copy);
        }
        return new Rows(name, names, kinds, rows);
    }

    /** The values of a double column. */
    double[] column(String column) {
        int index = columns.indexOf(column);
        return cells.stream().mapToDouble(row -> (Double) row.get(index)).toArray();
    }

    static void assertSame(Rows expected, Rows actual, double relative) {
        String what = actual.name() + " vs " + expected.name();
        assertEquals(expected.columns(), actual.columns(), what + ": columns");
        assertEquals(expected.types(), actual.types(), what + ": cell types");
        assertEquals(expected.cells().size(), actual.cells().size(), what + ": rows");
        for (int c = 0; c < expected.columns().size(); c++) {
            double scale = 0;
            for (List<Object> row : expected.cells()) {
                if (row.get(c) instanceof Double value && Double.isFinite(value)) {
                    scale = Math.max(scale, Math.abs(value));
                }
            }
            double tolerance = relative * scale;
            for (int r = 0; r < expected.cells().size(); r++) {
                Object want = expected.cells().get(r).get(c);
                Object got = actual.cells().get(r).get(c);
                boolean same = want instanceof Double a && got instanceof Double b && tolerance > 0
                        ? Math.abs(a - b) <= tolerance : java.util.Objects.equals(want, got);
                if (!same) {
                    fail(what + ": row " + (r + 1) + ", column '" + expected.columns().get(c) + "': expected " + want
                            + " but was " + got + (tolerance > 0 ? " (tolerance " + tolerance + ")" : " (exact)"));
                }
            }
        }
    }
}
