package org.dmflab.core.spectrum;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.dmflab.core.model.Plateau;

/**
 * Whether a trace is recorded finely enough to compare an observed plateau with a certified interval [k_start, k_end]
 * (docs/theory.md §7.3 "Observed plateaus"): an observed run starts and ends at recorded points, so it can miss a
 * certified end by the gap between the recorded points around it. The comparison is meaningful when that gap is at
 * most {@value #MAX_GAP_FRACTION} of the certified interval's length (within the run) at both ends; otherwise the
 * plateaus table's {@code recording} column says "too coarse" and by how much.
 */
public final class RecordingResolution {
    /** Largest gap between recorded points at an interval end, as a share of the interval's length. */
    public static final double MAX_GAP_FRACTION = 0.1;

    private RecordingResolution() {
    }

    /** Empty when nothing is certified; otherwise "fine", "beyond the run: …" or "too coarse: …". */
    public static Optional<String> of(long[] iterations, Plateau predicted) {
        if (!predicted.certified()) {
            return Optional.empty();
        }
        long last = iterations[iterations.length - 1];
        long start = predicted.start().getAsLong();
        if (start > last) {
            return Optional.of(String.format(Locale.ROOT, "beyond the run: certified from k = %d, the run ends at %d",
                    start, last));
        }
        long end = Math.min(predicted.end().orElse(Long.MAX_VALUE), last);
        double allowed = MAX_GAP_FRACTION * Math.max(1, end - start);
        long startGap = gapAround(iterations, start);
        if (startGap > allowed) {
            return Optional.of(String.format(Locale.ROOT, "too coarse: recorded points %d apart at k_start = %d "
                    + "(> %.0f%% of the certified %d iterations); record more finely there", startGap, start,
                    100 * MAX_GAP_FRACTION, end - start));
        }
        if (predicted.end().isPresent() && predicted.end().getAsLong() <= last) {
            long endGap = gapAround(iterations, end);
            if (endGap > allowed) {
                return Optional.of(String.format(Locale.ROOT, "too coarse: recorded points %d apart at k_end = %d "
                        + "(> %.0f%% of the certified %d iterations); record more finely there", endGap, end,
                        100 * MAX_GAP_FRACTION, end - start));
            }
        }
        return Optional.of("fine");
    }

    /** The distance between the recorded points enclosing k (0 if k is recorded). */
    private static long gapAround(long[] iterations, long k) {
        int found = Arrays.binarySearch(iterations, k);
        if (found >= 0) {
            return 0;
        }
        int next = -found - 1;
        if (next == 0 || next == iterations.length) {
            return Long.MAX_VALUE;
        }
        return iterations[next] - iterations[next - 1];
    }
}
