package org.dmflab.core.theory;

/**
 * Rounding of iteration counts that may be astronomically large (tiny α, tiny η): values beyond what a {@code long}
 * holds saturate at {@link Long#MAX_VALUE}, which callers treat as "no finite count".
 */
public final class Saturating {
    /** Counts at or above this are reported as unbounded. */
    public static final double LIMIT = 9.0e18;

    private Saturating() {
    }

    static long floor(double value) {
        return value >= LIMIT ? Long.MAX_VALUE : (long) Math.floor(value);
    }

    static long ceil(double value) {
        return value >= LIMIT ? Long.MAX_VALUE : (long) Math.ceil(value);
    }

    static long add(long a, long b) {
        long sum = a + b;
        return a == Long.MAX_VALUE || b == Long.MAX_VALUE || sum < 0 ? Long.MAX_VALUE : sum;
    }
}
