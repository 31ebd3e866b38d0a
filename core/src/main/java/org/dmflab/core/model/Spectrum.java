package org.dmflab.core.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * The spectrum of a matrix, descending: eigenvalues if it is symmetric, singular values otherwise (docs/design.md §2).
 *
 * @param values the eigen- or singular values, in descending order (the array is copied)
 * @param kind   which of the two they are
 */
public record Spectrum(double[] values, SpectrumKind kind) {

    public Spectrum {
        Objects.requireNonNull(kind, "kind");
        values = values.clone();
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[i - 1]) {
                throw new IllegalArgumentException("spectrum values must be descending: " + Arrays.toString(values));
            }
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    /** The i-th value, 0-based. */
    public double value(int i) {
        return values[i];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Spectrum that && kind == that.kind && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + kind.hashCode();
    }

    @Override
    public String toString() {
        return kind.label() + "s " + Arrays.toString(values);
    }
}
