package org.dmflab.core.theory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The one band scan against brute force: the stays it finds over a recorded path are exactly the maximal index ranges
 * [i, j] whose every value lies in the band, found by testing every pair (i, j) with the band written out again.
 */
class PlateauWatchTest {
    /** Values on a grid around the level so that points land inside, on the band's edges, above, below and NaN. */
    private static double[] path(SplittableRandom random, int length, double level, double halfWidth) {
        double[] values = new double[length];
        for (int point = 0; point < length; point++) {
            int draw = random.nextInt(12);
            values[point] = draw == 11 ? Double.NaN : level + (draw - 5) * halfWidth / 2;
        }
        return values;
    }

    private static boolean inBand(double value, double level, double halfWidth) {
        return value >= level - halfWidth && value <= level + halfWidth;
    }

    private static List<PlateauWatch.Stay> bruteForce(double[] values, double level, double halfWidth) {
        List<PlateauWatch.Stay> stays = new ArrayList<>();
        for (int first = 0; first < values.length; first++) {
            for (int last = first; last < values.length; last++) {
                boolean all = true;
                for (int point = first; point <= last; point++) {
                    all &= inBand(values[point], level, halfWidth);
                }
                boolean maximal = (first == 0 || !inBand(values[first - 1], level, halfWidth))
                        && (last == values.length - 1 || !inBand(values[last + 1], level, halfWidth));
                if (all && maximal) {
                    stays.add(new PlateauWatch.Stay(first, last));
                }
            }
        }
        return stays;
    }

    /**
     * The verdict on point {@code point} written out from the definitions: inside the band, NEAREST when it starts a
     * stay or is strictly nearer the level than every earlier point of its stay, else INSIDE; outside, LEFT when it lies
     * above the level right after a point inside, else ABOVE or BELOW (NaN is neither above nor in the band: BELOW).
     */
    private static PlateauWatch.Verdict verdict(double[] values, int point, double level, double halfWidth) {
        double value = values[point];
        if (inBand(value, level, halfWidth)) {
            for (int earlier = point - 1; earlier >= 0 && inBand(values[earlier], level, halfWidth); earlier--) {
                if (Math.abs(values[earlier] - level) <= Math.abs(value - level)) {
                    return PlateauWatch.Verdict.INSIDE;
                }
            }
            return PlateauWatch.Verdict.NEAREST;
        }
        if (value > level) {
            return point > 0 && inBand(values[point - 1], level, halfWidth) ? PlateauWatch.Verdict.LEFT
                    : PlateauWatch.Verdict.ABOVE;
        }
        return PlateauWatch.Verdict.BELOW;
    }

    /**
     * 500 seeded paths of length 0 … 40 (levels and widths drawn too; the grid values are exact binary fractions of
     * the width, so the band's edges are hit exactly): the scan's stays equal brute force's, and every point's verdict
     * is the one written out from the definitions ({@link #verdict}).
     */
    @Test
    void staysAreTheMaximalRunsInTheBand() {
        SplittableRandom random = new SplittableRandom(20261205L);
        int cases = 0;
        int withSeveral = 0;
        int withNone = 0;
        java.util.Map<PlateauWatch.Verdict, Integer> seen = new java.util.EnumMap<>(PlateauWatch.Verdict.class);
        for (int sweep = 0; sweep < 500; sweep++) {
            double level = 1 + random.nextInt(8) * 0.5;
            double halfWidth = 0.125 * (1 + random.nextInt(4));
            double[] values = path(random, random.nextInt(41), level, halfWidth);
            List<PlateauWatch.Stay> stays = PlateauWatch.stays(values, level, halfWidth);
            assertThat(stays).as("path %d", sweep).isEqualTo(bruteForce(values, level, halfWidth));
            PlateauWatch watch = new PlateauWatch(level, halfWidth);
            for (int point = 0; point < values.length; point++) {
                PlateauWatch.Verdict expected = verdict(values, point, level, halfWidth);
                assertThat(watch.offer(values[point])).as("path %d, point %d", sweep, point).isEqualTo(expected);
                seen.merge(expected, 1, Integer::sum);
            }
            withSeveral += stays.size() >= 2 ? 1 : 0;
            withNone += stays.isEmpty() ? 1 : 0;
            cases++;
        }
        assertThat(cases).isEqualTo(500);
        // the sweep covers paths without a stay and paths with several
        assertThat(withSeveral).isGreaterThan(100);
        assertThat(withNone).isGreaterThan(10);
        // and every verdict, many times
        assertThat(seen.keySet()).containsExactlyInAnyOrder(PlateauWatch.Verdict.values());
        assertThat(seen.values()).allMatch(count -> count > 100);
    }
}
