package org.dmflab.core.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dmflab.core.Progress;
import org.dmflab.core.table.Table;

/**
 * Writes a {@link Table} as CSV (design.md §2): UTF-8, a header line, comma separator, LF line ends, doubles in Java's
 * round-trip form ({@link Double#toString}), integers without decimals, an empty cell for a missing value, RFC 4180
 * quotes only around text that needs them. Row identifiers are not written. Numbers go out as ASCII bytes without a
 * character encoder in between.
 */
public final class CsvTableWriter {
    private static final int BUFFER = 1 << 16;

    private CsvTableWriter() {
    }

    /** Writes {@code table} to {@code file} (created with the default permissions, or replaced). */
    public static void write(Table table, Path file, Progress progress) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(table, out, String.valueOf(file.getFileName()), progress);
        }
    }

    /** Writes {@code table} to {@code stream} (not closed). */
    public static void write(Table table, OutputStream stream, Progress progress) throws IOException {
        write(table, stream, "table", progress);
    }

    private static void write(Table table, OutputStream stream, String name, Progress progress) throws IOException {
        Bytes out = new Bytes(stream);
        int columns = table.columnCount();
        for (int c = 0; c < columns; c++) {
            if (c > 0) {
                out.put(',');
            }
            out.text(table.columns().get(c).name());
        }
        out.put('\n');
        int rows = table.rowCount();
        int reportEvery = Math.max(1, (1 << 20) / Math.max(1, columns));
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    out.put(',');
                }
                Object cell = table.cell(r, c);
                if (cell instanceof String text) {
                    out.text(text);
                } else if (cell != null) {
                    out.ascii(cell instanceof Double value ? Double.toString(value) : cell.toString());
                }
            }
            out.put('\n');
            if (r % reportEvery == reportEvery - 1) {
                progress.checkCanceled();
                progress.report((double) (r + 1) / rows, "writing " + name + ": row " + (r + 1) + " of " + rows);
            }
        }
        out.flush();
    }

    /** A byte buffer in front of the stream: numbers are ASCII, so they are copied char by char without an encoder. */
    private static final class Bytes {
        private final OutputStream stream;
        private final byte[] buffer = new byte[BUFFER];
        private int size;

        Bytes(OutputStream stream) {
            this.stream = stream;
        }

        void put(char ascii) throws IOException {
            if (size == buffer.length) {
                flush();
            }
            buffer[size++] = (byte) ascii;
        }

        void ascii(String ascii) throws IOException {
            int length = ascii.length();
            if (size + length > buffer.length) {
                flush();
            }
            if (length > buffer.length) {
                stream.write(ascii.getBytes(StandardCharsets.US_ASCII));
                return;
            }
            for (int i = 0; i < length; i++) {
                buffer[size++] = (byte) ascii.charAt(i);
            }
        }

        void text(String text) throws IOException {
            boolean quote = !text.isEmpty() && needsQuotes(text);
            byte[] bytes = (quote ? '"' + text.replace("\"", "\"\"") + '"' : text).getBytes(StandardCharsets.UTF_8);
            if (size + bytes.length > buffer.length) {
                flush();
            }
            if (bytes.length > buffer.length) {
                stream.write(bytes);
                return;
            }
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        void flush() throws IOException {
            stream.write(buffer, 0, size);
            size = 0;
            stream.flush();
        }
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ';
    }
}
