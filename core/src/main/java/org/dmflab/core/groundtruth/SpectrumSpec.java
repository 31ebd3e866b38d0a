package org.dmflab.core.groundtruth;

import java.util.Arrays;
import java.util.Locale;
import org.dmflab.core.InvalidInputException;

/**
 * A requested spectrum: an explicit comma list ({@code 8,4,2,1,-1}; any signs, repeats and zeros) or a preset —
 * {@code geometric:first,ratio,count} (first·ratioⁱ), {@code linear:first,last,count} (evenly spaced) or
 * {@code lowrank:r,value,n} (r copies of value followed by n−r zeros). The values are kept in the order given; the
 * generator places them on the diagonal of Λ in that order.
 *
 * @param text   what the user wrote
 * @param values the values it denotes
 */
public record SpectrumSpec(String text, double[] values) {
    /** The setting this spectrum comes from, used in messages. */
    public static final String KEY = "spectrum";
    private static final String FORMS = "give a comma list such as 8,4,2,1 or a preset such as geometric:8,0.5,6, "
            + "linear:4,1,4 or lowrank:2,1,6";

    public SpectrumSpec {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    /** Parses an explicit list or a preset; every problem names the setting and the offending part. */
    public static SpectrumSpec parse(String text, int maxCount) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(KEY, "is empty; " + FORMS);
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        double[] values;
        if (colon < 0) {
            values = numbers(trimmed, trimmed);
        } else {
            String preset = trimmed.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            double[] args = numbers(trimmed.substring(colon + 1), trimmed);
            if (args.length != 3) {
                throw new InvalidInputException(KEY, "preset '" + trimmed + "' needs exactly three numbers after the "
                        + "colon, got " + args.length + "; " + FORMS);
            }
            values = switch (preset) {
                case "geometric" -> geometric(args[0], args[1], count(args[2], "count", trimmed, maxCount));
                case "linear" -> linear(args[0], args[1], count(args[2], "count", trimmed, maxCount));
                case "lowrank" -> lowRank(args, trimmed, maxCount);
                default -> throw new InvalidInputException(KEY, "unknown preset '" + preset
                        + "'; the presets are geometric, linear and lowrank (" + FORMS + ")");
            };
        }
        if (values.length > maxCount) {
            throw new InvalidInputException(KEY, "has " + values.length + " values, more than the largest supported "
                    + "size " + maxCount);
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new InvalidInputException(KEY, "'" + trimmed + "' gives the non-finite value " + value
                        + "; choose smaller numbers");
            }
        }
        org.dmflab.core.model.Spectrum.requireSquarable(values, KEY);
        return new SpectrumSpec(trimmed, values);
    }

    private static double[] numbers(String list, String whole) {
        String[] parts = list.split(",", -1);
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) {
                throw new InvalidInputException(KEY, "'" + whole + "' has an empty entry at position " + (i + 1)
                        + "; " + FORMS);
            }
            if (!org.dmflab.core.csv.StrictNumbers.isDecimal(part)) {
                throw new InvalidInputException(KEY, "'" + part + "' at position " + (i + 1) + " of '" + whole
                        + "' is not a number; " + FORMS);
            }
            values[i] = Double.parseDouble(part);
            if (!Double.isFinite(values[i])) {
                throw new InvalidInputException(KEY, "'" + part + "' at position " + (i + 1) + " of '" + whole
                        + "' is not a finite number");
            }
        }
        return values;
    }

    private static int count(double value, String name, String whole, int maxCount) {
        if (value != Math.rint(value) || value < 1 || value > maxCount) {
            throw new InvalidInputException(KEY, "in '" + whole + "' the " + name + " must be a whole number from 1 to "
                    + maxCount + ", got " + value);
        }
        return (int) value;
    }

    private static double[] geometric(double first, double ratio, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = first * Math.pow(ratio, i);
        }
        return values;
    }

    private static double[] linear(double first, double last, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = count == 1 ? first : first + (last - first) * i / (count - 1);
        }
        return values;
    }

    private static double[] lowRank(double[] args, String whole, int maxCount) {
        int n = count(args[2], "size n", whole, maxCount);
        double r = args[0];
        if (r != Math.rint(r) || r < 0 || r > n) {
            throw new InvalidInputException(KEY, "in '" + whole + "' the rank r must be a whole number from 0 to n = "
                    + n + ", got " + r);
        }
        double[] values = new double[n];
        Arrays.fill(values, 0, (int) r, args[1]);
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpectrumSpec that && text.equals(that.text) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * text.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return text;
    }
}
