package org.dmflab.core.csv;

import java.math.BigInteger;

/**
 * Parses a decimal number of the strict CSV syntax ({@link StrictNumbers}) to the nearest double — the same double as
 * {@link Double#parseDouble}, faster: one pass over the characters that checks the syntax and collects the digits,
 * then the Eisel–Lemire algorithm (D. Lemire, "Number parsing at a gigabyte per second", Software: Practice and
 * Experience 51(8), 2021; N. Mushtak and D. Lemire, "Fast number parsing without fallback", 2023): the decimal
 * significand w (at most 19 digits) times a 128-bit approximation of 10^q decides the correctly rounded result. Inputs
 * outside its domain (more than 19 significant digits, subnormal or overflowing results) go to
 * {@link Double#parseDouble}, so every result is exactly Java's.
 */
final class DecimalParser {
    private static final int MIN_Q = -342;
    private static final int MAX_Q = 308;
    /** 128-bit truncated (q ≥ 0) or rounded-up (q < 0) powers of five, normalised: high and low words. */
    private static final long[] POW5_HIGH = new long[MAX_Q - MIN_Q + 1];
    private static final long[] POW5_LOW = new long[MAX_Q - MIN_Q + 1];

    static {
        BigInteger two128 = BigInteger.ONE.shiftLeft(128);
        BigInteger two127 = BigInteger.ONE.shiftLeft(127);
        for (int q = MIN_Q; q <= MAX_Q; q++) {
            BigInteger c;
            if (q >= 0) {
                c = BigInteger.valueOf(5).pow(q);
                while (c.compareTo(two127) < 0) {
                    c = c.shiftLeft(1);
                }
                while (c.compareTo(two128) >= 0) {
                    c = c.shiftRight(1);
                }
            } else {
                BigInteger power5 = BigInteger.valueOf(5).pow(-q);
                int z = power5.bitLength();
                if (power5.equals(BigInteger.ONE.shiftLeft(z - 1))) {
                    z--;
                }
                int b = q >= -27 ? z + 127 : 2 * z + 128;
                c = BigInteger.ONE.shiftLeft(b).divide(power5).add(BigInteger.ONE);
                while (c.compareTo(two128) >= 0) {
                    c = c.shiftRight(1);
                }
            }
            POW5_HIGH[q - MIN_Q] = c.shiftRight(64).longValue();
            POW5_LOW[q - MIN_Q] = c.longValue();
        }
    }

    private DecimalParser() {
    }

    /**
     * The double nearest to {@code text}, or NaN when {@code text} is not in the strict syntax (a cell is never NaN:
     * the syntax has no NaN, so NaN unambiguously means "refuse").
     */
    static double parse(String text) {
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (i < length) {
            char c = text.charAt(i);
            if (c == '-' || c == '+') {
                negative = c == '-';
                i++;
            }
        }
        long significand = 0;
        int significantDigits = 0;
        int digits = 0;
        int exponent = 0;
        while (i < length) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                break;
            }
            if (significantDigits > 0 || d != 0) {
                if (significantDigits < 19) {
                    significand = 10 * significand + d;
                } else {
                    exponent++;
                }
                significantDigits++;
            }
            digits++;
            i++;
        }
        if (i < length && text.charAt(i) == '.') {
            i++;
            while (i < length) {
                int d = text.charAt(i) - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                if (significantDigits > 0 || d != 0) {
                    if (significantDigits < 19) {
                        significand = 10 * significand + d;
                        exponent--;
                    }
                    significantDigits++;
                } else {
                    exponent--;
                }
                digits++;
                i++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                negativeExponent = text.charAt(i) == '-';
                i++;
            }
            int start = i;
            int value = 0;
            while (i < length) {
                int d = text.charAt(i) - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                if (value < 100_000) {
                    value = 10 * value + d;
                }
                i++;
            }
            if (i == start) {
                return Double.NaN;
            }
            exponent += negativeExponent ? -value : value;
        }
        if (i != length) {
            return Double.NaN;
        }
        if (significantDigits > 19) {
            return Double.parseDouble(text);
        }
        if (significand == 0) {
            return negative ? -0.0 : 0.0;
        }
        double value = eiselLemire(significand, exponent);
        if (Double.isNaN(value)) {
            return Double.parseDouble(text);
        }
        return negative ? -value : value;
    }

    /** w·10^q rounded to the nearest double (w &gt; 0), or NaN outside the fast domain (subnormal, overflow). */
    private static double eiselLemire(long w, int q) {
        if (q < MIN_Q || q > MAX_Q) {
            return Double.NaN;
        }
        int leadingZeros = Long.numberOfLeadingZeros(w);
        long shifted = w << leadingZeros;
        int index = q - MIN_Q;
        long high = Math.multiplyHigh(shifted, POW5_HIGH[index]) + ((POW5_HIGH[index] >> 63) & shifted)
                + ((shifted >> 63) & POW5_HIGH[index]);
        long low = shifted * POW5_HIGH[index];
        final long precisionMask = 0x1FFL;
        if ((high & precisionMask) == precisionMask) {
            long secondHigh = Math.multiplyHigh(shifted, POW5_LOW[index]) + ((POW5_LOW[index] >> 63) & shifted)
                    + ((shifted >> 63) & POW5_LOW[index]);
            long newLow = low + secondHigh;
            if (Long.compareUnsigned(secondHigh, newLow) > 0) {
                high++;
            }
            low = newLow;
        }
        int upperBit = (int) (high >>> 63);
        long mantissa = high >>> (upperBit + 9);
        int power2 = (((152170 + 65536) * q) >> 16) + 63 + upperBit - leadingZeros + 1023;
        if (power2 <= 0) {
            return Double.NaN;
        }
        if (Long.compareUnsigned(low, 1) <= 0 && q >= -4 && q <= 23 && (mantissa & 3) == 1
                && (mantissa << (upperBit + 9)) == high) {
            mantissa &= ~1L;
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if (mantissa >= (2L << 52)) {
            mantissa = 1L << 52;
            power2++;
        }
        mantissa &= ~(1L << 52);
        if (power2 >= 0x7FF) {
            return Double.NaN;
        }
        return Double.longBitsToDouble(mantissa | ((long) power2 << 52));
    }
}
