package org.dmflab.core.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dmflab.core.InvalidInputException;

/**
 * Splits a CSV file (RFC 4180: comma separator, {@code "} quotes with {@code ""} inside; LF, CRLF or CR line ends, each one line) into
 * records of cells, and knows the file's line number of every record (the one numbering scheme of every message). It
 * works on bytes, so a plain ASCII number costs no decoding; it refuses what is not UTF-8: a UTF-16 file (its byte
 * order mark or NUL bytes), invalid UTF-8 sequences. A UTF-8 byte order mark is skipped. Blank lines are skipped.
 */
final class CsvTokenizer implements Closeable {
    /** The first read size; cells longer than it grow the buffer. */
    static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final String file;
    private byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private boolean endOfInput;
    private long consumed;
    private long line = 1;
    private long recordLine;
    private byte[] quoted = new byte[64];

    CsvTokenizer(InputStream in, String file) throws IOException {
        this.in = in;
        this.file = file;
        refill(0);
        checkEncoding();
    }

    /** The line number on which the last record returned by {@link #next} starts (1-based). */
    long recordLine() {
        return recordLine;
    }

    /** Bytes read so far (for progress). */
    long bytesRead() {
        return consumed + position;
    }

    /**
     * Reads the next non-blank record into {@code cells} (cleared first).
     *
     * @return false at the end of the file
     */
    boolean next(List<String> cells) throws IOException {
        cells.clear();
        while (true) {
            if (position >= limit && !refill(position)) {
                return false;
            }
            byte b = buffer[position];
            if (b == '\n' || b == '\r') {
                consumeLineEnd();
            } else {
                break;
            }
        }
        recordLine = line;
        while (true) {
            boolean more = readCell(cells);
            if (!more) {
                return true;
            }
        }
    }

    /** Reads one cell; returns whether another cell of the same record follows (a comma was consumed). */
    private boolean readCell(List<String> cells) throws IOException {
        if (position >= limit) {
            refill(position);
        }
        if (position < limit && buffer[position] == '"') {
            position++;
            return readQuoted(cells);
        }
        int start = position;
        boolean ascii = true;
        while (true) {
            if (position >= limit) {
                boolean more = refill(start);
                start = 0;
                if (!more) {
                    cells.add(text(buffer, start, position - start, ascii));
                    return false;
                }
            }
            byte b = buffer[position];
            if (b == ',') {
                cells.add(text(buffer, start, position - start, ascii));
                position++;
                return true;
            }
            if (b == '\n' || b == '\r') {
                cells.add(text(buffer, start, position - start, ascii));
                consumeLineEnd();
                return false;
            }
            if (b == '"') {
                throw new InvalidInputException(file + " line " + line, "a quote '\"' inside an unquoted cell; "
                        + "quote the whole cell and double the quote (\"\")");
            }
            if (b < 0) {
                ascii = false;
            }
            position++;
        }
    }

    private boolean readQuoted(List<String> cells) throws IOException {
        long openedOn = line;
        int length = 0;
        boolean ascii = true;
        boolean afterCarriageReturn = false;
        while (true) {
            if (position >= limit && !refill(position)) {
                throw new InvalidInputException(file + " line " + openedOn, "a quote opened on this line is never "
                        + "closed; close it or remove it");
            }
            byte b = buffer[position++];
            if (b == '"') {
                if (position >= limit) {
                    refill(position);
                }
                if (position < limit && buffer[position] == '"') {
                    position++;
                } else {
                    break;
                }
            } else if (b == '\r' || b == '\n' && !afterCarriageReturn) {
                line++;
            } else if (b < 0) {
                ascii = false;
            }
            afterCarriageReturn = b == '\r';
            if (length == quoted.length) {
                quoted = java.util.Arrays.copyOf(quoted, 2 * length);
            }
            quoted[length++] = b;
        }
        cells.add(text(quoted, 0, length, ascii));
        if (position >= limit && !refill(position)) {
            return false;
        }
        byte after = buffer[position];
        if (after == ',') {
            position++;
            return true;
        }
        if (after == '\n' || after == '\r') {
            consumeLineEnd();
            return false;
        }
        throw new InvalidInputException(file + " line " + line, "text after the closing quote of a cell; put a comma "
                + "after the quote, or double a quote inside the cell (\"\")");
    }

    private String text(byte[] bytes, int start, int length, boolean ascii) {
        if (ascii) {
            return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, length)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file + " line " + line, "is not UTF-8 text (an invalid byte sequence); "
                    + "save the file as UTF-8");
        }
    }

    /**
     * Consumes the line end at {@link #position} (LF, CR, or CR LF as one) and counts the line. Called only once the
     * cell before it is taken, since reading on may move the buffer's contents.
     */
    private void consumeLineEnd() throws IOException {
        boolean carriageReturn = buffer[position++] == '\r';
        line++;
        if (carriageReturn) {
            if (position >= limit) {
                refill(position);
            }
            if (position < limit && buffer[position] == '\n') {
                position++;
            }
        }
    }

    /**
     * Keeps the bytes from {@code keepFrom} on (they move to index 0; {@link #position} moves with them), grows the
     * buffer when it is full, and reads more input after them.
     *
     * @return false at the end of the input
     */
    /**
     * The number of non-blank lines in {@code in} (LF, CR or CRLF ends, as {@link #next} counts them): an upper bound of
     * the records, exact unless a quoted cell spans lines. A plain byte scan, to size a matrix before reading it.
     */
    static long countNonBlankLines(InputStream in) throws IOException {
        byte[] bytes = new byte[BUFFER];
        long count = 0;
        boolean inLine = false;
        for (int read = in.read(bytes); read >= 0; read = in.read(bytes)) {
            for (int i = 0; i < read; i++) {
                byte b = bytes[i];
                if (b == '\n' || b == '\r') {
                    count += inLine ? 1 : 0;
                    inLine = false;
                } else {
                    inLine = true;
                }
            }
        }
        return inLine ? count + 1 : count;
    }

    private boolean refill(int keepFrom) throws IOException {
        if (keepFrom > 0) {
            System.arraycopy(buffer, keepFrom, buffer, 0, limit - keepFrom);
            limit -= keepFrom;
            position -= keepFrom;
            consumed += keepFrom;
        }
        if (endOfInput) {
            return false;
        }
        if (limit == buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, 2 * buffer.length);
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            endOfInput = true;
            return false;
        }
        limit += read;
        return true;
    }

    private void checkEncoding() {
        if (limit >= 2 && ((buffer[0] == (byte) 0xFE && buffer[1] == (byte) 0xFF)
                || (buffer[0] == (byte) 0xFF && buffer[1] == (byte) 0xFE))) {
            throw utf16();
        }
        for (int i = 0; i < limit; i++) {
            if (buffer[i] == 0) {
                throw utf16();
            }
        }
        if (limit >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
            position = 3;
        }
    }

    private InvalidInputException utf16() {
        return new InvalidInputException(file, "file is UTF-16 (or binary), not UTF-8; save it as UTF-8 (CSV UTF-8 "
                + "in a spreadsheet program)");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
