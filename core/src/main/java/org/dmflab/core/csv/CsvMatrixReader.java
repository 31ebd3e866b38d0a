package org.dmflab.core.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.MemoryBudget;
import org.dmflab.core.Progress;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads a matrix table (design.md §2: a header line, then one line of numbers per matrix row) straight into a matrix,
 * with the checks of {@link CsvInput} and {@link StrictNumbers}: every cell a finite number, none empty. The fast path
 * for large targets (no table of boxed cells in between).
 */
public final class CsvMatrixReader {
    private CsvMatrixReader() {
    }

    /**
     * Reads the matrix in {@code file}.
     *
     * @throws InvalidInputException naming the file, line and column of the first problem
     */
    public static DMatrixRMaj read(Path file, Progress progress) {
        try (CsvInput input = CsvInput.open(file, progress)) {
            int cols = input.header().size();
            // a number takes at least two bytes with its separator: a first guess at the row count
            long guess = Math.max(1, Math.min(input.size() / (2L * cols) + 1, 1L << 16));
            double[] data = new double[(int) Math.min(guess * cols, MemoryBudget.MAX_ELEMENTS)];
            List<String> cells = new ArrayList<>(cols);
            int rows = 0;
            while (input.next(cells)) {
                if ((long) (rows + 1) * cols > data.length) {
                    long grown = Math.min(2L * data.length + cols, MemoryBudget.MAX_ELEMENTS);
                    if (grown < (long) (rows + 1) * cols) {
                        MemoryBudget.requireArray(input.file(), rows + 1L, cols);
                    }
                    data = Arrays.copyOf(data, (int) grown);
                }
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
                throw new InvalidInputException(input.file(), "has a header but no rows; a matrix table needs at "
                        + "least one row of numbers");
            }
            DMatrixRMaj matrix = new DMatrixRMaj(rows, cols);
            System.arraycopy(data, 0, matrix.data, 0, rows * cols);
            return matrix;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
