package org.dmflab.core.groundtruth;

import java.util.Objects;
import org.dmflab.core.Checks;
import org.dmflab.core.InvalidInputException;
import org.ejml.data.DMatrixRMaj;

/**
 * Where the target's clean part comes from: a requested spectrum, a random low-rank matrix with Gaussian factors, or
 * a matrix the user supplies.
 */
public sealed interface TargetSource {

    /** Rows of the target. */
    int rows();

    /** Columns of the target. */
    int columns();

    /**
     * A target with a chosen spectrum. Square ({@code rows == n}): Φ = V diag(λ) Vᵀ, symmetric, with the values padded
     * by zeros to n. Rectangular: Φ = U diag(s) Vᵀ with the values as singular values (non-negative), padded to min(m, n).
     *
     * @param spectrum the requested values
     * @param rows     m
     * @param n        columns (and rows of a square target)
     * @param basis    Haar-random or identity eigen/singular vectors
     */
    record FromSpectrum(SpectrumSpec spectrum, int rows, int n, EigenvectorBasis basis) implements TargetSource {
        public FromSpectrum {
            Objects.requireNonNull(spectrum, "spectrum");
            Objects.requireNonNull(basis, "basis");
            if (n <= 0) {
                throw new InvalidInputException("n", "must be at least 1, got " + n);
            }
            if (rows <= 0) {
                throw new InvalidInputException("m", "must be at least 1 (or 0 for a square target), got " + rows);
            }
            int room = Math.min(rows, n);
            if (spectrum.size() > room) {
                throw new InvalidInputException(rows == n ? "n" : "m",
                        (rows == n ? "n = " + n : "a " + rows + "×" + n + " target")
                                + " has room for " + room + " values, but the spectrum lists " + spectrum.size()
                                + "; raise n (or leave it empty to use the spectrum's length)");
            }
            if (rows != n) {
                for (double value : spectrum.values()) {
                    if (value < 0) {
                        throw new InvalidInputException(SpectrumSpec.KEY, "a rectangular target takes singular "
                                + "values, which are non-negative, but the spectrum has " + value
                                + "; use non-negative values or a square target (m = n)");
                    }
                }
            }
        }

        @Override
        public int columns() {
            return n;
        }

        public boolean isSquare() {
            return rows == n;
        }
    }

    /**
     * The standard instance of matrix completion (docs/theory.md §8.3): a random rank-r m×n matrix U Vᵀ with i.i.d.
     * Gaussian U (m×r) and V (n×r), scaled to Frobenius norm {@code norm}. Setting {@code spectrum=gaussian-factors:r}
     * (norm √(m·n), entries of root-mean-square 1) or {@code gaussian-factors:r,norm}.
     *
     * @param rank r ≥ 1, at most min(m, n)
     * @param rows m
     * @param n    columns
     * @param norm ‖Φ‖_F &gt; 0
     */
    record GaussianFactors(int rank, int rows, int n, double norm) implements TargetSource {
        /** The text form's name. */
        public static final String PRESET = "gaussian-factors";

        public GaussianFactors {
            if (n <= 0) {
                throw new InvalidInputException("n", PRESET + " needs the number of columns n ≥ 1, got " + n
                        + "; e.g. n=100");
            }
            if (rows <= 0) {
                throw new InvalidInputException("m", "must be at least 1 (or 0 for a square target), got " + rows);
            }
            if (rank < 1 || rank > Math.min(rows, n)) {
                throw new InvalidInputException(SpectrumSpec.KEY, "the rank of " + PRESET + " must be between 1 and "
                        + Math.min(rows, n) + " for a " + rows + "×" + n + " target, got " + rank);
            }
            Checks.positive(SpectrumSpec.KEY, norm, "the Frobenius norm of " + PRESET, "e.g. " + PRESET + ":5,100");
        }

        /** Whether a {@code spectrum} setting asks for this target ({@code gaussian-factors:…}). */
        public static boolean matches(String text) {
            return text != null && text.trim().toLowerCase(java.util.Locale.ROOT).startsWith(PRESET + ":");
        }

        /** Parses {@code gaussian-factors:r[,norm]} for an m×n target. */
        public static GaussianFactors parse(String text, int rows, int n) {
            String trimmed = text.trim();
            String[] args = trimmed.substring(PRESET.length() + 1).split(",", -1);
            if (args.length < 1 || args.length > 2) {
                throw new InvalidInputException(SpectrumSpec.KEY, "'" + trimmed + "' takes the rank and optionally "
                        + "the Frobenius norm, e.g. " + PRESET + ":5 or " + PRESET + ":5,100");
            }
            int rank;
            double norm;
            try {
                rank = Integer.parseInt(args[0].trim());
                norm = args.length == 2 ? Double.parseDouble(args[1].trim()) : Math.sqrt((double) rows * n);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(SpectrumSpec.KEY, "'" + trimmed + "' needs a whole rank and a number "
                        + "for the norm, e.g. " + PRESET + ":5,100");
            }
            return new GaussianFactors(rank, rows, n, norm);
        }

        @Override
        public int columns() {
            return n;
        }
    }

    /** A matrix supplied by the user (an input table or file), used as it is. */
    record FromMatrix(DMatrixRMaj matrix) implements TargetSource {
        public FromMatrix {
            matrix = matrix.copy();
        }

        @Override
        public DMatrixRMaj matrix() {
            return matrix.copy();
        }

        @Override
        public int rows() {
            return matrix.numRows;
        }

        @Override
        public int columns() {
            return matrix.numCols;
        }
    }
}
