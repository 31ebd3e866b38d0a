package org.dmflab.core.experiment.run;

import java.util.Optional;
import org.dmflab.core.model.Trace;
import org.dmflab.core.track.BandRun;
import org.dmflab.core.track.ObservedPlateau;
import org.dmflab.core.track.TrackResult;

/**
 * Early stopping from the effective rank alone (docs/theory.md §8.1, §7): r_eff(W(k)) lingers near the levels
 * r_eff(X̃_r) of the noisy matrix while r singular values are learned and the next is not; the longest such stay with
 * r ≥ 2 (measured on the log-iteration scale, which the gaps σ_r/σ_{r+1} of X̃ set) separates the signal from the noise,
 * so training stops at its end. From a Gaussian start the values not yet learned are small but not 0, so r_eff stays a
 * little above the level: the band is relative, ±{@value #BAND} of the level, wider than the tracker's, and a level
 * counts only when its band excludes both neighbouring levels (the noise's many close levels do not: a stay there says
 * nothing about r). A stay that
 * lasts to the last recorded iteration is the fitted end state, not a point to stop early at. Nothing here looks at the
 * clean matrix. Without such a stay it stops at the effective rank's minimum (the rank-1 regime).
 */
public final class EarlyStopping {
    /** Relative half-width of the band around a level. */
    public static final double BAND = 0.1;

    private EarlyStopping() {
    }

    /** A stay near level r: the first and last recorded point (indices into the trace). */
    private record Stay(int r, int first, int last, double logLength) {
    }

    /** The iterations whose products W(k) the MNIST analysis shows: the rank-1 regime's and the one to stop at. */
    public static long[] snapshotIterations(TrackResult track) {
        return new long[]{rankOneIteration(track), iteration(track)};
    }

    /** The recorded iteration to stop at. */
    public static long iteration(TrackResult track) {
        Trace trace = track.input().trace();
        return longestStay(track).map(stay -> trace.iteration(stay.last())).orElseGet(() -> rankOneIteration(track));
    }

    /** The level r of the stay it stops at, empty for the fallback. */
    public static Optional<Integer> rank(TrackResult track) {
        return longestStay(track).map(Stay::r);
    }

    /** The recorded iteration of least effective rank: the rank-1 regime of a small start. */
    public static long rankOneIteration(TrackResult track) {
        double[] rank = track.effectiveRank();
        int best = 0;
        for (int point = 1; point < rank.length; point++) {
            if (rank[point] < rank[best]) {
                best = point;
            }
        }
        return track.input().trace().iteration(best);
    }

    private static Optional<Stay> longestStay(TrackResult track) {
        Trace trace = track.input().trace();
        double[] rank = track.effectiveRank();
        int lastPoint = rank.length - 1;
        Stay longest = null;
        java.util.List<ObservedPlateau> plateaus = track.plateaus();
        for (int index = 1; index + 1 < plateaus.size(); index++) {
            ObservedPlateau plateau = plateaus.get(index);
            double level = plateau.level();
            boolean separated = plateaus.get(index + 1).level() - level > BAND * level
                    && level - plateaus.get(index - 1).level() > BAND * level;
            if (plateau.r() < 2 || !separated) {
                continue;
            }
            for (BandRun run : BandRun.within(rank, level, BAND * level)) {
                double logLength = Math.log((trace.iteration(run.last()) + 1.0) / (trace.iteration(run.first()) + 1.0));
                if (run.last() < lastPoint && run.last() > run.first()
                        && (longest == null || logLength > longest.logLength())) {
                    longest = new Stay(plateau.r(), run.first(), run.last(), logLength);
                }
            }
        }
        return Optional.ofNullable(longest);
    }
}
