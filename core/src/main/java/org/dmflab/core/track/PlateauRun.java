package org.dmflab.core.track;

/**
 * An observed plateau: the first and last recorded iteration of a run of consecutive recorded points on which the
 * effective rank stays within the band of a level (see {@link PlateauDetector}).
 *
 * @param points how many recorded points the run has
 */
public record PlateauRun(long start, long end, int points) {

    public PlateauRun {
        if (end < start || points < 1) {
            throw new IllegalArgumentException("a run needs start ≤ end and at least one point: " + start + ", " + end
                    + ", " + points);
        }
    }

    /** Whether [from, to] lies inside [start, end]. */
    public boolean contains(long from, long to) {
        return start <= from && to <= end;
    }
}
