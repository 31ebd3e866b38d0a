package org.dmflab.core.experiment.run;

import java.util.OptionalLong;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.PlateauLevels;
import org.dmflab.core.model.StartKind;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.Trace;
import org.dmflab.core.track.TrackResult;
import org.dmflab.core.theory.RankStopRule;

/**
 * Early stopping in the presets: the trainer's own {@code stop-at=rank:R} rule ({@link RankStopRule}, docs/theory.md
 * §7.5), applied to a recorded run instead of inside it, so that the preset can draw the whole run and mark the stop.
 * The observed rule's levels are those of the run's target, the noisy matrix (the tracker's target spectrum, levels by
 * the run's start); nothing here looks at the clean matrix. The runner keeps the products W(k) where
 * this rule stops and at the least effective rank while the run records ({@link org.dmflab.core.train.KeptIterates}).
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
        return observedRule(target, track.input().trace().init().orElse(Initialization.GAUSSIAN), rank);
    }

    /**
     * The observed rule of rank R on the levels of {@code target} (the tracker's target spectrum) by the run's start:
     * the rule {@link #observedStop} applies to the recorded run, and the runner's {@link
     * org.dmflab.core.train.KeptIterates} while the run records.
     */
    public static RankStopRule observedRule(Spectrum target, StartKind init, int rank) {
        return RankStopRule.observed(PlateauLevels.of(target, init), rank, target.size(), "");
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
