package org.dmflab.core.experiment.run;

import java.util.OptionalLong;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.PlateauLevels;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.Trace;
import org.dmflab.core.track.TrackResult;
import org.dmflab.core.theory.RankStopRule;

/**
 * Early stopping in the presets: the trainer's own {@code stop-at=rank:R} rule ({@link RankStopRule}, docs/theory.md
 * §7.5), applied to a recorded run instead of inside it, so that the preset can draw the whole run and mark the stop.
 * The observed rule's levels are those of the run's target, the noisy matrix (the tracker's target spectrum, levels by
 * the run's start); nothing here looks at the clean matrix. The runner uses it to choose which products W(k) it keeps.
 */
public final class EarlyStopping {
    private EarlyStopping() {
    }

    /**
     * The recorded iteration where the observed rule of rank R (the rule the trainer uses where no certificate
     * applies) stops the tracked run; empty when the run never reaches it.
     */
    public static OptionalLong observedStop(TrackResult track, int rank) {
        RankStopRule rule = observedRule(track, rank);
        Trace trace = track.input().trace();
        var point = rule.stopPoint(trace.iterations(), track.effectiveRank());
        return point.isPresent() ? OptionalLong.of(trace.iteration(point.getAsInt())) : OptionalLong.empty();
    }

    private static RankStopRule observedRule(TrackResult track, int rank) {
        Spectrum target = track.input().target().orElseThrow(() -> new IllegalStateException("early stopping needs "
                + "the run's target spectrum"));
        PlateauLevels levels = PlateauLevels.of(target, track.input().trace().init().orElse(Initialization.GAUSSIAN));
        return RankStopRule.observed(levels, rank, target.size(), "");
    }

    /**
     * The iterations whose products W(k) an analysis shows: the rank-1 regime's and, when the run gets there, where
     * the observed rule of rank R stops.
     */
    public static long[] snapshotIterations(TrackResult track, int rank) {
        long rankOne = rankOneIteration(track);
        OptionalLong stop = observedStop(track, rank);
        return stop.isPresent() ? new long[]{rankOne, stop.getAsLong()} : new long[]{rankOne};
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
}
