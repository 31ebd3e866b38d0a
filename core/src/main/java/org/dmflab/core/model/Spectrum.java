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

    /**
     * The largest |value| for which the squares of {@code count} values still sum to a finite double,
     * √(Double.MAX_VALUE / count) (≈ 1.34·10¹⁵⁴ for one value): norms, losses and rank measures need the squares.
     */
    public static double maxMagnitude(int count) {
        return Math.sqrt(Double.MAX_VALUE / Math.max(1, count));
    }

    /**
     * Refuses values beyond {@link #maxMagnitude}, naming the first, the limit and the fix.
     *
     * @param subject the setting or file the values come from
     */
    public static void requireSquarable(double[] values, String subject) {
        double limit = maxMagnitude(values.length);
        for (int i = 0; i < values.length; i++) {
            if (Math.abs(values[i]) > limit) {
                throw new org.dmflab.core.InvalidInputException(subject, String.format(java.util.Locale.ROOT,
                        "value %d (%s) is too large: the squares of the %d values would overflow a double, so every "
                                + "|value| must be at most %.4g (√(Double.MAX_VALUE/%d)); scale the values down",
                        i + 1, values[i], values.length, limit, values.length));
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
