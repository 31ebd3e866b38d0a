package org.dmflab.core.csv;

import org.dmflab.core.InvalidInputException;

/**
 * Numbers as design.md §2 writes them, and nothing else: an optional sign, decimal digits with an optional {@code .}
 * fraction, an optional exponent {@code e±digits}. Java's extras ({@code 1.5d}, {@code 3f}, hex floats {@code 0x1p3},
 * non-ASCII digits) are refused, and so are {@code NaN} and {@code Infinity}: a table cell is a finite number.
 */
public final class StrictNumbers {
    private StrictNumbers() {
    }

    /** Whether {@code text} is a decimal number in the strict syntax above (no surrounding blanks). */
    public static boolean isDecimal(CharSequence text) {
        int length = text.length();
        int i = 0;
        if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < length && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < length && text.charAt(i) == '.') {
            i++;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == length;
    }

    /** Whether {@code text} is a whole number: an optional sign and ASCII digits. */
    public static boolean isWhole(CharSequence text) {
        int length = text.length();
        int i = length > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        if (i == length) {
            return false;
        }
        for (; i < length; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses a finite double in the strict syntax.
     *
     * @param where the cell, e.g. {@code "m.csv line 3, column 'c2'"}
     * @throws InvalidInputException naming {@code where} when the text is not such a number or overflows
     */
    public static double parseDouble(String text, String where) {
        double value = DecimalParser.parse(text);
        if (Double.isNaN(value)) {
            throw new InvalidInputException(where, notANumber(text));
        }
        if (Double.isInfinite(value)) {
            throw new InvalidInputException(where, InvalidInputException.quote(text) + " is beyond the largest double ("
                    + Double.MAX_VALUE + "); use a smaller value");
        }
        return value;
    }

    /** Parses a whole number within {@code [min, max]} ({@code int} or {@code long} range). */
    public static long parseWhole(String text, long min, long max, String where) {
        if (!isWhole(text)) {
            throw new InvalidInputException(where, InvalidInputException.quote(text) + " is not a whole number; write digits only, "
                    + "e.g. 12");
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException beyondLong) {
            value = text.startsWith("-") ? min - 1 : max + 1;
            if (min == Long.MIN_VALUE || max == Long.MAX_VALUE) {
                throw outOfRange(text, min, max, where);
            }
        }
        if (value < min || value > max) {
            throw outOfRange(text, min, max, where);
        }
        return value;
    }

    private static InvalidInputException outOfRange(String text, long min, long max, String where) {
        return new InvalidInputException(where, InvalidInputException.quote(text) + " is outside the range " + min + " … " + max);
    }

    /** The reason {@code text} is not a number, with what to write instead. */
    static String notANumber(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("nan") || lower.contains("inf")) {
            return InvalidInputException.quote(text) + " is not a finite number; every value must be a finite decimal number";
        }
        if (text.indexOf(',') >= 0) {
            return InvalidInputException.quote(text) + " is not a number; write the decimal point as '.', not ','";
        }
        return InvalidInputException.quote(text) + " is not a number; write decimal numbers such as -1.5, 2 or 3.0e-4 (no suffixes "
                + "such as d or f, no hex)";
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
