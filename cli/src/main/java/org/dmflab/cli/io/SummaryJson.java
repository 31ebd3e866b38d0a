package org.dmflab.cli.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmflab.core.table.Table;

/**
 * {@value #NAME}: the key numbers of one command's run, machine-readable (design.md §4). One object, keys in the
 * order they were put; numbers as Java writes a double (round-trip exact), a non-finite number as {@code null}; nested
 * objects and lists of numbers or strings. Written by Jackson's streaming generator, so escaping and number syntax are
 * a well-kept library's, and the bytes depend only on what was put (same seed, same file).
 */
public final class SummaryJson {
    /** The file name in every output folder. */
    public static final String NAME = "summary.json";
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Map<String, Object> values = new LinkedHashMap<>();

    private SummaryJson() {
    }

    /** A summary of the command {@code command} (e.g. {@code train}), whose first key says which command wrote it. */
    public static SummaryJson of(String command) {
        return new SummaryJson().put("command", command);
    }

    /** A nested object (no command key). */
    public static SummaryJson object() {
        return new SummaryJson();
    }

    /** One row of a table as an object: column name to cell, as in the CSV file the table is written to. */
    public static SummaryJson row(Table table, int row) {
        SummaryJson object = new SummaryJson();
        for (int column = 0; column < table.columnCount(); column++) {
            object.put(table.columns().get(column).name(), table.cell(row, column));
        }
        return object;
    }

    /**
     * Adds {@code key}; {@code value} is a String, Number, Boolean, {@link SummaryJson}, a double[] or a List of these
     * (an empty {@link java.util.Optional} is not allowed: put {@code null}, written as {@code null}).
     */
    public SummaryJson put(String key, Object value) {
        if (values.containsKey(key)) {
            throw new IllegalArgumentException("summary key " + key + " put twice");
        }
        values.put(key, value);
        return this;
    }

    /** Writes the summary as {@code directory/summary.json}. */
    public void writeTo(Path file) throws IOException {
        try (OutputStream stream = Files.newOutputStream(file);
             JsonGenerator generator = JSON.createGenerator(stream, JsonEncoding.UTF8)) {
            generator.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(
                    DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n")));
            write(generator, this);
            generator.writeRaw('\n');
        }
    }

    private static void write(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof SummaryJson object) {
            generator.writeStartObject();
            for (Map.Entry<String, Object> entry : object.values.entrySet()) {
                generator.writeFieldName(entry.getKey());
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isFinite(number)) {
                generator.writeNumber(number);
            } else {
                generator.writeNull();
            }
        } else if (value instanceof Number number) {
            generator.writeNumber(number.longValue());
        } else if (value instanceof double[] numbers) {
            generator.writeStartArray();
            for (double number : numbers) {
                write(generator, number);
            }
            generator.writeEndArray();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object element : list) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else {
            throw new IllegalArgumentException("summary value of type " + value.getClass().getName());
        }
    }
}
