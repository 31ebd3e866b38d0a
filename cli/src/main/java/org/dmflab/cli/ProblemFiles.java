package org.dmflab.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.Progress;
import org.dmflab.core.csv.CsvMatrixReader;
import org.dmflab.core.csv.CsvTableReader;
import org.dmflab.core.model.Observations;
import org.dmflab.core.model.SensingData;
import org.dmflab.core.table.MeasurementTables;
import org.dmflab.core.table.ObservationTables;
import org.dmflab.core.table.Schemas;
import org.ejml.data.DMatrixRMaj;

/**
 * The problem files {@code train} and {@code baseline} both read (docs/design.md §4): the shape of W from exactly one
 * of {@code --target} (the full matrix) and {@code --shape}, and the observed entries or measurements of a matrix of
 * that shape, each read against its table's schema.
 */
final class ProblemFiles {
    /** The full matrix when {@code --target} gave the shape, and the shape m×n of W. */
    record Shape(Optional<DMatrixRMaj> full, int rows, int cols) {
    }

    private ProblemFiles() {
    }

    /**
     * Refuses both or neither of {@code --target} and {@code --shape} (null: not given).
     *
     * @param needs how the message begins, e.g. {@code "the shape of W comes from"}
     */
    static void requireOneShape(Path target, String shape, String needs) {
        if ((target == null) == (shape == null)) {
            throw new InvalidInputException(target == null ? "--shape" : "--target", needs + " exactly one of --target "
                    + "(the full matrix) and --shape (e.g. --shape 100x100)");
        }
    }

    /** Reads {@code target} when given, else parses {@code shape} ({@link #requireOneShape} checked one is given). */
    static Shape shape(Path target, String shape, Progress progress) {
        if (target == null) {
            int[] size = parseShape(shape);
            return new Shape(Optional.empty(), size[0], size[1]);
        }
        DMatrixRMaj full = CsvMatrixReader.read(target, progress);
        return new Shape(Optional.of(full), full.numRows, full.numCols);
    }

    /** The observed entries of an m×n matrix from an observations table (row, column 1-based, value). */
    static Observations observations(Path file, int rows, int cols, Progress progress) {
        return ObservationTables.fromTable(CsvTableReader.read(file, Schemas.OBSERVATIONS, "o", progress), rows, cols,
                file.toString());
    }

    /** The matrix-sensing measurements of an m×n matrix from a measurements table. */
    static SensingData measurements(Path file, int rows, int cols, Progress progress) {
        return MeasurementTables.fromTable(CsvTableReader.read(file, Schemas.measurements(rows * cols), "m", progress),
                rows, cols, file.toString());
    }

    /** {@code MxN} (or {@code M×N}), both at least 1. */
    static int[] parseShape(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("[x×]", -1);
        try {
            if (parts.length == 2) {
                int m = Integer.parseInt(parts[0].trim());
                int n = Integer.parseInt(parts[1].trim());
                if (m >= 1 && n >= 1) {
                    return new int[]{m, n};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("--shape", "'" + text + "' is not a shape; give rows x columns, both at "
                + "least 1, e.g. 100x100");
    }
}
