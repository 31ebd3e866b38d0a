package org.dmflab.core;

import java.util.Locale;

/**
 * Refuses work that cannot fit in this Java process before it starts, with the numbers: how many bytes the request
 * needs, how many the process may use, and what to change. A dense matrix lives in one Java array, so it can hold at
 * most {@link #MAX_ELEMENTS} entries whatever the memory.
 */
public final class MemoryBudget {
    /** Largest number of entries of one dense matrix (one Java array). */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8L;
    /** Share of the maximum heap a single request may claim; the rest is for the JVM, KNIME and the tables. */
    public static final double HEAP_SHARE = 0.5;

    private MemoryBudget() {
    }

    /**
     * Checks that {@code bytes} fit into the heap share.
     *
     * @param key  the setting to blame, e.g. {@code "n"}
     * @param what what the bytes are for, e.g. {@code "a 50000×50000 target and its eigendecomposition"}
     */
    public static void require(String key, long bytes, String what) {
        require(key, bytes, what, "choose a smaller value or give Java more memory (" + maxHeapFor(bytes) + ")");
    }

    /**
     * As {@link #require(String, long, String)} for what only more memory can fix (the data is as large as it is):
     * names the {@code -Xmx} for the command line and for KNIME.
     */
    public static void requireHeap(String key, long bytes, String what) {
        String heap = maxHeapFor(bytes);
        require(key, bytes, what, "give Java more memory: java " + heap + " -jar dmflab.jar …, or " + heap
                + " in knime.ini");
    }

    /**
     * The maximum-heap option under which {@code bytes} fit into the heap share, in whole gigabytes, e.g.
     * {@code -Xmx4g} (for {@code java -Xmx4g -jar dmflab.jar}, or the {@code -Xmx} line of knime.ini).
     */
    public static String maxHeapFor(long bytes) {
        if (bytes < 0) {
            return "-Xmx (more than any machine has)";
        }
        double gigabytes = bytes / HEAP_SHARE / (1L << 30);
        return "-Xmx" + Math.max(1, (long) Math.ceil(gigabytes * 1.1)) + "g";
    }

    /**
     * As {@link #require(String, long, String)} with the fix to suggest, e.g. {@code "record fewer points (log:400)"}.
     *
     * @param bytes the estimate; negative means it overflowed a long (far too much)
     */
    public static void require(String key, long bytes, String what, String fix) {
        long available = available();
        if (bytes < 0 || bytes > available) {
            throw new InvalidInputException(key, String.format(Locale.ROOT,
                    "%s needs about %s of memory, but this Java process may use only %s for it; %s", what,
                    human(bytes), human(available), fix));
        }
    }

    /** The bytes one request may claim: {@link #HEAP_SHARE} of the maximum heap. */
    public static long available() {
        return (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE);
    }

    /** Checks that an {@code rows × cols} matrix fits in one Java array. */
    public static void requireArray(String key, long rows, long cols) {
        if (rows * cols > MAX_ELEMENTS || rows * cols < 0) {
            throw new InvalidInputException(key, String.format(Locale.ROOT,
                    "a %d×%d matrix has %d entries, more than the %d one dense matrix can hold; choose a smaller size",
                    rows, cols, rows * cols, MAX_ELEMENTS));
        }
    }

    /** Bytes in a readable unit. */
    public static String human(long bytes) {
        if (bytes < 0) {
            return "more than 8 EB";
        }
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
