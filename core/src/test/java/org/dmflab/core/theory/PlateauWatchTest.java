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
     * 500 seeded paths of length 0 … 40 (levels and widths drawn too; the grid values are exact binary fractions of
     * the width, so the band's edges are hit exactly): the scan's stays equal brute force's, and every path's verdicts
     * say inside exactly for the points brute force puts in the band.
     */
    @Test
    void staysAreTheMaximalRunsInTheBand() {
        SplittableRandom random = new SplittableRandom(20261205L);
        int cases = 0;
        int withSeveral = 0;
        int withNone = 0;
        for (int sweep = 0; sweep < 500; sweep++) {
            double level = 1 + random.nextInt(8) * 0.5;
            double halfWidth = 0.125 * (1 + random.nextInt(4));
            double[] values = path(random, random.nextInt(41), level, halfWidth);
            List<PlateauWatch.Stay> stays = PlateauWatch.stays(values, level, halfWidth);
            assertThat(stays).as("path %d", sweep).isEqualTo(bruteForce(values, level, halfWidth));
            PlateauWatch watch = new PlateauWatch(level, halfWidth);
            for (double value : values) {
                assertThat(watch.offer(value).inside()).isEqualTo(inBand(value, level, halfWidth));
            }
            withSeveral += stays.size() >= 2 ? 1 : 0;
            withNone += stays.isEmpty() ? 1 : 0;
            cases++;
        }
        assertThat(cases).isEqualTo(500);
        // the sweep covers paths without a stay and paths with several
        assertThat(withSeveral).isGreaterThan(100);
        assertThat(withNone).isGreaterThan(10);
    }
}
