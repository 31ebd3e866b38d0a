package org.dmflab.core.groundtruth;

import java.util.Objects;
import org.dmflab.core.InvalidInputException;
import org.ejml.data.DMatrixRMaj;

/** Where the target's clean part comes from: a requested spectrum, or a matrix the user supplies. */
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
