package org.dmflab.core.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.MemoryBudget;
import org.dmflab.core.Progress;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads a matrix table (design.md §2: a header line, then one line of numbers per matrix row) straight into a matrix,
 * with the checks of {@link CsvInput} and {@link StrictNumbers}: every cell a finite number, none empty. The path for
 * large targets: a first pass counts the rows, the memory the matrix needs (8 bytes per entry) is checked against the
 * heap ({@link MemoryBudget}) and refused with the numbers and the {@code -Xmx} to use, and the numbers are then parsed
 * into that one array — no table of boxed cells, no growing copies.
 */
public final class CsvMatrixReader {
    private CsvMatrixReader() {
    }

    /**
     * Reads the matrix in {@code file}.
     *
     * @throws InvalidInputException naming the file, line and column of the first problem, or the memory it needs
     */
    public static DMatrixRMaj read(Path file, Progress progress) {
        try (CsvInput input = CsvInput.open(file, progress)) {
            int cols = input.header().size();
            long bound = input.recordsAtMost();
            if (bound == 0) {
                throw noRows(input);
            }
            requireMemory(input.file(), bound, cols);
            double[] data = new double[(int) (bound * cols)];
            List<String> cells = new ArrayList<>(cols);
            int rows = 0;
            while (input.next(cells)) {
                int offset = rows * cols;
                for (int c = 0; c < cols; c++) {
                    String text = cells.get(c).trim();
                    if (text.isEmpty()) {
                        throw new InvalidInputException(input.where(c), "empty cell; a matrix needs every entry "
                                + "(fill it in or remove the row)");
                    }
                    data[offset + c] = StrictNumbers.parseDouble(text, input.where(c));
                }
                rows++;
            }
            if (rows == 0) {
                throw noRows(input);
            }
            // fewer records than lines only when quoted cells span lines
            return DMatrixRMaj.wrap(rows, cols, rows == bound ? data : Arrays.copyOf(data, rows * cols));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Refuses a matrix of {@code rows × cols} entries that one array or the heap cannot hold, before allocating it. */
    private static void requireMemory(String file, long rows, long cols) {
        MemoryBudget.requireArray(file, rows, cols);
        long bytes = 8 * rows * cols;
        MemoryBudget.requireHeap(file, bytes, String.format(Locale.ROOT, "the %d×%d matrix in this file", rows,
                cols));
    }

    private static InvalidInputException noRows(CsvInput input) {
        return new InvalidInputException(input.file(), "has a header but no rows; a matrix table needs at least one "
                + "row of numbers");
    }
}
