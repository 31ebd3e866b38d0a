package org.dmflab.core.track;

import java.util.ArrayList;
import java.util.List;

/**
 * A maximal run of consecutive recorded points whose value lies in the band |value − level| ≤ halfWidth around a level:
 * the one scan behind the tracker's observed plateaus ({@link PlateauDetector}) and the experiments' early stopping,
 * which differ only in the band and in which runs they keep.
 *
 * @param first the first point inside the band (index into the recorded points)
 * @param last  the last point inside the band (≥ first)
 */
public record BandRun(int first, int last) {

    /** The number of recorded points in the run. */
    public int length() {
        return last - first + 1;
    }

    /** Every maximal run of {@code values} inside the band, in order. */
    public static List<BandRun> within(double[] values, double level, double halfWidth) {
        List<BandRun> runs = new ArrayList<>();
        int start = -1;
        for (int point = 0; point <= values.length; point++) {
            boolean inside = point < values.length && Math.abs(values[point] - level) <= halfWidth;
            if (inside && start < 0) {
                start = point;
            } else if (!inside && start >= 0) {
                runs.add(new BandRun(start, point - 1));
                start = -1;
            }
        }
        return runs;
    }
}
