package org.dmflab.core.theory;

import java.util.ArrayList;
import java.util.List;

/**
 * The one plateau-band scan, one recorded point at a time (so the trainer can apply it while it runs): a stay is a
 * maximal run of consecutive points inside the band |value − level| ≤ halfWidth. The observed stopping rule
 * ({@link RankStopRule}) ends a run when the effective rank leaves the band upwards after a stay and forgets a stay
 * that leaves it downwards (a Gaussian start's effective rank first falls through the levels before it climbs them);
 * the tracker's observed plateaus are the stays of the whole recorded run ({@link #stays}).
 */
public final class PlateauWatch {
    /** What one point means for the rule. */
    public enum Verdict {
        /** Below the band: any stay so far is forgotten. */
        BELOW,
        /** Above the band without a stay before: not there yet (or the start's high effective rank). */
        ABOVE,
        /** Inside the band, and the nearest point to the level of the current stay so far: keep this iterate. */
        NEAREST,
        /** Inside the band, not nearer than the point kept. */
        INSIDE,
        /** Above the band right after a stay: stop, the result is the point kept. */
        LEFT;

        /** Whether the point lies inside the band. */
        public boolean inside() {
            return this == NEAREST || this == INSIDE;
        }
    }

    /**
     * A stay: a maximal run of consecutive recorded points inside the band.
     *
     * @param first the first point inside the band (index into the recorded points)
     * @param last  the last point inside the band (≥ first)
     */
    public record Stay(int first, int last) {
        /** The number of recorded points in the stay. */
        public int length() {
            return last - first + 1;
        }
    }

    private final double level;
    private final double halfWidth;
    private boolean staying;
    private double nearestDistance;

    public PlateauWatch(double level, double halfWidth) {
        this.level = level;
        this.halfWidth = halfWidth;
    }

    /** The verdict on the next recorded point, whose value (the effective rank) is {@code effectiveRank}. */
    public Verdict offer(double effectiveRank) {
        double distance = Math.abs(effectiveRank - level);
        if (distance <= halfWidth) {
            if (!staying || distance < nearestDistance) {
                staying = true;
                nearestDistance = distance;
                return Verdict.NEAREST;
            }
            return Verdict.INSIDE;
        }
        boolean left = staying && effectiveRank > level;
        staying = false;
        return left ? Verdict.LEFT : effectiveRank > level ? Verdict.ABOVE : Verdict.BELOW;
    }

    /** Every stay of {@code values} in the band, in order: this scan run over all recorded points. */
    public static List<Stay> stays(double[] values, double level, double halfWidth) {
        PlateauWatch watch = new PlateauWatch(level, halfWidth);
        List<Stay> stays = new ArrayList<>();
        int first = -1;
        for (int point = 0; point < values.length; point++) {
            boolean inside = watch.offer(values[point]).inside();
            if (inside && first < 0) {
                first = point;
            } else if (!inside && first >= 0) {
                stays.add(new Stay(first, point - 1));
                first = -1;
            }
        }
        if (first >= 0) {
            stays.add(new Stay(first, values.length - 1));
        }
        return stays;
    }
}
