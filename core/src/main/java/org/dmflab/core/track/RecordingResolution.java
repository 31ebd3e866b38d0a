package org.dmflab.core.track;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.dmflab.core.model.Plateau;

/**
 * Whether a trace is recorded finely enough to compare an observed plateau with a certified interval [k_start, k_end]
 * (docs/theory.md §7.3 "Recording resolution"). An observed run starts and ends at recorded points. If it starts after
 * k_start exactly at the first recorded point at or after k_start, the band was entered somewhere between the previous
 * recorded point (before k_start) and that one: whether k_start lies on the plateau is then not in the data, and the
 * same holds at k_end. The {@code recording} column says "too coarse" exactly then, or when no recorded iteration lies
 * in the certified interval; otherwise the comparison is decided by the recorded points ("fine").
 */
public final class RecordingResolution {
    private RecordingResolution() {
    }

    /** Empty when nothing is certified; otherwise "fine", "beyond the run: …" or "too coarse: …". */
    public static Optional<String> of(long[] iterations, Plateau predicted, Optional<PlateauRun> observed) {
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
        int first = firstAtOrAfter(iterations, start);
        if (first == iterations.length || iterations[first] > end) {
            return Optional.of(String.format(Locale.ROOT, "too coarse: no recorded iteration in the certified "
                    + "interval [%d, %d]; record more finely there", start, end));
        }
        if (observed.isPresent()) {
            PlateauRun run = observed.get();
            if (run.start() > start && run.start() == iterations[first] && first > 0) {
                return Optional.of(String.format(Locale.ROOT, "too coarse at k_start = %d: the band is entered "
                        + "between recorded iterations %d and %d; record more finely there", start,
                        iterations[first - 1], run.start()));
            }
            int lastInside = firstAtOrAfter(iterations, end + 1) - 1;
            boolean endInRun = predicted.end().isPresent() && predicted.end().getAsLong() <= last;
            if (endInRun && run.end() < end && run.end() == iterations[lastInside]
                    && lastInside + 1 < iterations.length) {
                return Optional.of(String.format(Locale.ROOT, "too coarse at k_end = %d: the band is left between "
                        + "recorded iterations %d and %d; record more finely there", end, run.end(),
                        iterations[lastInside + 1]));
            }
        }
        return Optional.of("fine");
    }

    /** The index of the first recorded iteration ≥ k (the length if none). */
    private static int firstAtOrAfter(long[] iterations, long k) {
        int found = Arrays.binarySearch(iterations, k);
        return found >= 0 ? found : -found - 1;
    }
}
