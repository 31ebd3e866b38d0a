package org.dmflab.core.train;

/**
 * How big a trace gets before it is recorded, for {@link org.dmflab.core.MemoryBudget}: the number of rows a record
 * schedule gives for a budget, and the bytes per row as the run holds it — the recorded point (a Long and three double
 * arrays), the trace's columns, and the table row of boxed cells that is written (counted from the object layout of a
 * 64-bit JVM with compressed references and rounded up, so the estimate errs on the large side).
 */
final class TraceSize {
    /** Per cell: 8 bytes recorded, 8 more as slack for copies, 16 (a Double) + 4 (its reference) in the table row. */
    static final long BYTES_PER_CELL = 8 + 8 + 16 + 4;
    /** Per row: object and array headers of the recorded point, the copy and the table row, list references. */
    static final long BYTES_PER_ROW = 200;

    private TraceSize() {
    }

    /**
     * Rows the schedule records when all {@code iterations} run: iteration 0, the scheduled ones and the last (fewer
     * when the tolerance stops the run early).
     */
    static long rows(RecordSchedule schedule, long iterations) {
        if (schedule instanceof RecordSchedule.Every every) {
            return iterations / every.interval() + 1 + (iterations % every.interval() == 0 ? 0 : 1);
        }
        return ((RecordSchedule.LogSpaced) schedule).iterations(iterations).length;
    }

    /** Bytes for {@code rows} rows of {@code columns} columns; negative when that overflows a long. */
    static long bytes(long rows, int columns) {
        try {
            return Math.multiplyExact(rows, Math.addExact(Math.multiplyExact(columns, BYTES_PER_CELL), BYTES_PER_ROW));
        } catch (ArithmeticException overflow) {
            return -1;
        }
    }
}
