package org.dmflab.core;

/**
 * The checks of user-given numbers, with one message style for all (as Hipparchus' {@code MathUtils} checks): the
 * subject (setting key or table cell), what the number is and what it must be, the value found, and how to fix it —
 * {@code "step: the step size η must be positive and finite, got 0.0; e.g. step=0.01"}. Each throws an
 * {@link InvalidInputException}, which the command line and the KNIME nodes show as it is.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * Returns {@code value} when it is positive and finite.
     *
     * @param subject the setting key, e.g. {@code "plateau-tolerance"}
     * @param what    what the number is, e.g. {@code "the band around each plateau level"}
     * @param fix     how to fix it, e.g. {@code "e.g. 0.05"}
     */
    public static double positive(String subject, double value, String what, String fix) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new InvalidInputException(subject, what + " must be positive and finite, got " + value + "; " + fix);
        }
        return value;
    }

    /**
     * The finite number in a table cell: a {@link Number} that is neither NaN nor infinite.
     *
     * @param where the cell, e.g. {@code "spectrum.csv, row 3, column 'value'"}
     * @param fix   how to fix it, e.g. {@code "every observation needs its value"}
     */
    public static double finiteCell(String where, Object cell, String fix) {
        if (cell == null) {
            throw new InvalidInputException(where, "missing value; " + fix);
        }
        if (!(cell instanceof Number number)) {
            throw new InvalidInputException(where, InvalidInputException.quote(cell) + " is not a number; " + fix);
        }
        double value = number.doubleValue();
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(where, InvalidInputException.quote(cell) + " is not a finite number; " + fix);
        }
        return value;
    }
}
