package org.dmflab.core.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.MemoryBudget;
import org.dmflab.core.Progress;

/**
 * An open CSV file with its header checked, shared by the table and the matrix reader so that every command refuses
 * the same things with the same words: an empty file, a file separated by ';' or tabs (the separator is named), empty
 * or duplicated column names, and a first line that is data rather than a header. Records come with their line number.
 */
final class CsvInput implements Closeable {
    /** Report reading progress every this many bytes. */
    private static final long REPORT_BYTES = 4L << 20;

    private final Path path;
    private final String file;
    private final CsvTokenizer tokenizer;
    private final List<String> header;
    private final long size;
    private final Progress progress;
    private long nextReport = REPORT_BYTES;

    private CsvInput(Path path, CsvTokenizer tokenizer, List<String> header, long size, Progress progress) {
        this.path = path;
        this.file = path.toString();
        this.tokenizer = tokenizer;
        this.header = List.copyOf(header);
        this.size = size;
        this.progress = progress;
    }

    /**
     * Opens {@code path} and reads its header.
     *
     * @throws InvalidInputException naming the file when it is missing, unreadable, not UTF-8 or has a bad header
     */
    static CsvInput open(Path path, Progress progress) throws IOException {
        String file = path.toString();
        InputStream in;
        long size;
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw new InvalidInputException(file, "is a directory; give the CSV file inside it");
            }
            if (!attributes.isRegularFile()) {
                throw new InvalidInputException(file, "is not a regular file (a pipe, device or socket, which DMF Lab "
                        + "would wait on or could read only once); save the data to a file and give that");
            }
            size = attributes.size();
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file, "no such file" + (Files.isSymbolicLink(path) ? " (a symbolic link "
                    + "to a missing file)" : "") + "; check the path");
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(file, "cannot be read (permission denied)");
        } catch (FileSystemException e) {
            throw new InvalidInputException(file, Files.isSymbolicLink(path) ? "is a symbolic link that never "
                    + "reaches a file (links pointing to each other in a loop); give the file itself"
                    : "cannot be opened (" + e.getMessage() + "); give a readable file");
        }
        CsvTokenizer tokenizer;
        try {
            tokenizer = new CsvTokenizer(in, file);
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
        try {
            List<String> header = new ArrayList<>();
            if (!tokenizer.next(header)) {
                throw new InvalidInputException(file, "is empty; a table needs a header line (column names) and rows");
            }
            checkHeader(file, tokenizer.recordLine(), header);
            return new CsvInput(path, tokenizer, header, size, progress);
        } catch (RuntimeException | IOException e) {
            tokenizer.close();
            throw e;
        }
    }

    String file() {
        return file;
    }

    List<String> header() {
        return header;
    }

    /** The file's size in bytes. */
    long size() {
        return size;
    }

    /**
     * At most how many records follow the header: the file's non-blank lines but one, counted by a separate pass
     * over the bytes (cheap next to parsing), so a reader can size its storage once before it reads.
     */
    long recordsAtMost() throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return Math.max(0, CsvTokenizer.countNonBlankLines(in) - 1);
        }
    }

    /** Reads the next record into {@code cells}; false at the end. Checks the cell count against the header. */
    boolean next(List<String> cells) throws IOException {
        if (!tokenizer.next(cells)) {
            return false;
        }
        if (cells.size() != header.size()) {
            throw new InvalidInputException(file + " line " + line(), "has " + cells.size() + " cell"
                    + (cells.size() == 1 ? "" : "s") + " but the header has " + header.size() + " columns; give "
                    + "every row one cell per column");
        }
        long read = tokenizer.bytesRead();
        if (read >= nextReport) {
            nextReport = read + REPORT_BYTES;
            progress.checkCanceled();
            progress.report(size == 0 ? 1 : Math.min(1.0, (double) read / size), String.format(Locale.ROOT,
                    "reading %s: %s of %s", file, MemoryBudget.human(read), MemoryBudget.human(size)));
        }
        return true;
    }

    /** The line number of the record last returned by {@link #next}. */
    long line() {
        return tokenizer.recordLine();
    }

    /** {@code "FILE line L, column 'NAME'"}: where a cell is. */
    String where(int column) {
        return file + " line " + line() + ", column '" + header.get(column) + "'";
    }

    private static void checkHeader(String file, long line, List<String> header) {
        String where = file + " line " + line;
        for (String name : header) {
            String separator = name.indexOf(';') >= 0 ? "semicolons (';')" : name.indexOf('\t') >= 0 ? "tabs" : null;
            if (separator != null) {
                throw new InvalidInputException(where, "the file is separated by " + separator + "; DMF Lab reads "
                        + "comma-separated files (design.md §2): save it with ',' as the separator and '.' as the "
                        + "decimal point");
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        boolean allNumbers = true;
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).trim();
            if (name.isEmpty()) {
                throw new InvalidInputException(where, "column " + (c + 1) + " of the header has no name; name "
                        + "every column");
            }
            Integer earlier = seen.put(name, c + 1);
            if (earlier != null) {
                throw new InvalidInputException(where + ", column '" + name + "'", "the header names column '" + name
                        + "' twice (columns " + earlier + " and " + (c + 1) + "); give every column its own name");
            }
            allNumbers &= StrictNumbers.isDecimal(name) || name.toLowerCase(Locale.ROOT).matches("[+-]?(nan|inf|infinity)");
        }
        if (allNumbers) {
            throw new InvalidInputException(where, "the first line looks like data, not a header; add a header line "
                    + "c1,…,c" + header.size() + " (a matrix) or the table's column names");
        }
        for (int c = 0; c < header.size(); c++) {
            header.set(c, header.get(c).trim());
        }
    }

    @Override
    public void close() throws IOException {
        tokenizer.close();
    }
}
