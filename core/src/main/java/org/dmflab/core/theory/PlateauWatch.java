package org.dmflab.core.theory;

/**
 * The observed stopping rule's scan, one recorded point at a time (so the trainer can apply it while it runs): a stay
 * is a run of consecutive points inside the band |r_eff − level| ≤ halfWidth; it ends the run when the effective rank
 * leaves the band upwards, and is forgotten when it leaves downwards (a Gaussian start's effective rank first falls
 * through the levels before it climbs them).
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
        LEFT
    }

    private final double level;
    private final double halfWidth;
    private boolean staying;
    private double nearestDistance;

    public PlateauWatch(double level, double halfWidth) {
        this.level = level;
        this.halfWidth = halfWidth;
    }

    /** The verdict on the next recorded point, whose effective rank is {@code effectiveRank}. */
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
}
