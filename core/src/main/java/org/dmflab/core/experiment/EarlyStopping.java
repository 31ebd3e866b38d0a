package org.dmflab.core.experiment;

import java.util.Optional;
import org.dmflab.core.spectrum.ObservedPlateau;
import org.dmflab.core.spectrum.PlateauRun;
import org.dmflab.core.spectrum.TrackResult;

/**
 * Early stopping from the effective rank alone (docs/theory.md §8.1, §7): the run's effective rank r_eff(W(k)) rests
 * on the levels r_eff(X̃_r) of the noisy matrix while the r leading singular values are learned and the next is not;
 * the longest such plateau beyond the first (measured on the log-iteration scale, as the gaps σ_r/σ_{r+1} of X̃ set
 * it) separates the signal from the noise, so training stops at its end. A plateau that lasts to the last recorded
 * iteration is the fitted end state, not a point to stop early at, and does not count. Nothing here looks at the
 * clean matrix. Without an observed plateau for r ≥ 2, it stops at the effective rank's minimum (the rank-1 regime).
 */
final class EarlyStopping {
    private EarlyStopping() {
    }

    /** The recorded iteration to stop at. */
    static long iteration(TrackResult track) {
        return longestPlateau(track).map(PlateauRun::end).orElseGet(() -> rankOneIteration(track));
    }

    /** The level r of the plateau it stops at, empty for the fallback. */
    static Optional<Integer> rank(TrackResult track) {
        Optional<PlateauRun> longest = longestPlateau(track);
        return track.plateaus().stream().filter(p -> p.observed().isPresent() && p.observed().equals(longest))
                .map(ObservedPlateau::r).findFirst();
    }

    /** The recorded iteration of least effective rank: the rank-1 regime of a small start. */
    static long rankOneIteration(TrackResult track) {
        double[] rank = track.effectiveRank();
        int best = 0;
        for (int point = 1; point < rank.length; point++) {
            if (rank[point] < rank[best]) {
                best = point;
            }
        }
        return track.input().trace().iteration(best);
    }

    private static Optional<PlateauRun> longestPlateau(TrackResult track) {
        PlateauRun longest = null;
        double length = 0;
        long last = track.input().trace().iteration(track.input().trace().size() - 1);
        for (ObservedPlateau plateau : track.plateaus()) {
            if (plateau.r() < 2 || plateau.observed().isEmpty() || plateau.observed().get().end() == last) {
                continue;
            }
            PlateauRun run = plateau.observed().get();
            double logLength = Math.log((run.end() + 1.0) / (run.start() + 1.0));
            if (longest == null || logLength > length) {
                longest = run;
                length = logLength;
            }
        }
        return Optional.ofNullable(longest);
    }
}
