package org.dmflab.core.experiment.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.model.TracePoint;
import org.dmflab.core.model.Trace;
import org.dmflab.core.track.Monotonicity;
import org.dmflab.core.track.ObservedPlateau;
import org.dmflab.core.track.TrackConfig;
import org.dmflab.core.track.TrackInput;
import org.dmflab.core.track.TrackResult;
import org.junit.jupiter.api.Test;

/**
 * The early-stopping rule of the mnist-denoising preset ({@link EarlyStopping}) alone, on hand-built effective-rank
 * paths with known stays. The recorded iterations are 2^j − 1, so a stay from point a to point b has the log length
 * ln((k_b + 1)/(k_a + 1)) = (b − a)·ln 2 exactly and the longest stay is known by counting points. Levels:
 * r_eff(X̃_r) = 1, 2, 3, 4.5 for r = 1 … 4, bands ±10 %: [1.8, 2.2] around 2, [2.7, 3.3] around 3.
 */
class EarlyStoppingTest {
    /** k = 0, 1, 3, 7, 15, 31, 63, 127, 255, 511, 1023 (points 0 … 10). */
    private static final long[] ITERATIONS = {0, 1, 3, 7, 15, 31, 63, 127, 255, 511, 1023};
    private static final double[] LEVELS = {1, 2, 3, 4.5};

    private static TrackResult track(double[] levels, double... effectiveRank) {
        long[] iterations = java.util.Arrays.copyOf(ITERATIONS, effectiveRank.length);
        Trace.Builder trace = Trace.builder(0, 1);
        for (int point = 0; point < effectiveRank.length; point++) {
            trace.add(iterations[point], TracePoint.of(new double[0], new double[]{1}).with(TraceMetric.TIME, point).with(TraceMetric.LOSS, 1).with(TraceMetric.ERROR_FRO, 1).with(TraceMetric.ERROR_OP, 1).with(TraceMetric.EFFECTIVE_RANK, effectiveRank[point]).with(TraceMetric.STABLE_RANK, 1));
        }
        List<ObservedPlateau> plateaus = new ArrayList<>();
        for (int r = 1; r <= levels.length; r++) {
            plateaus.add(new ObservedPlateau(r, levels[r - 1], Optional.empty(), Optional.empty(), Optional.empty()));
        }
        return new TrackResult(new TrackInput(trace.build(), "hand-built", Optional.empty(), "none", Optional.empty(),
                "none"), new TrackConfig(0.01, 0.05, true), effectiveRank, effectiveRank, plateaus, List.of(),
                Monotonicity.of(iterations, effectiveRank), Optional.empty());
    }

    @Test
    void stopsAtTheLastPointOfTheLongestStay() {
        // near 2 at points 3, 4, 5 (k = 7 … 31, 2·ln 2), near 3 at points 6, 7 (k = 63 … 127, ln 2)
        TrackResult track = track(LEVELS, 6, 1.0, 1.05, 2.0, 2.1, 2.15, 3.0, 3.05, 4.0, 4.5, 4.6);
        assertThat(EarlyStopping.iteration(track)).isEqualTo(31);
        assertThat(EarlyStopping.rank(track)).contains(2);
    }

    @Test
    void aLongerLaterStayWins() {
        // near 2 at points 3 … 5 (2·ln 2), near 3 at points 6 … 9 (k = 63 … 511, 3·ln 2), then it leaves the band
        TrackResult track = track(LEVELS, 6, 1.0, 1.05, 2.0, 2.1, 2.15, 3.0, 3.05, 2.95, 3.1, 4.4);
        assertThat(EarlyStopping.iteration(track)).isEqualTo(511);
        assertThat(EarlyStopping.rank(track)).contains(3);
    }

    @Test
    void aStayThatLastsToTheEndIsTheFittedStateNotAStop() {
        // the same long stay near 3, but it reaches the last recorded point: only the stay near 2 counts
        TrackResult track = track(LEVELS, 6, 1.0, 1.05, 2.0, 2.1, 2.15, 3.0, 3.05, 2.95, 3.1, 3.0);
        assertThat(EarlyStopping.iteration(track)).isEqualTo(31);
        assertThat(EarlyStopping.rank(track)).contains(2);
    }

    @Test
    void theRankOneLevelAndTheTopLevelAreNeverStops() {
        // a long stay near 1 (points 1 … 6) and a stay near 4.5, the last listed level (points 7, 8), nothing else
        TrackResult track = track(LEVELS, 6, 1.0, 1.02, 1.05, 0.98, 1.0, 1.01, 4.5, 4.6, 5.5, 6);
        assertThat(EarlyStopping.rank(track)).isEmpty();
        // fallback: the least effective rank, point 4 (0.98, k = 15)
        assertThat(EarlyStopping.iteration(track)).isEqualTo(15);
        assertThat(EarlyStopping.rankOneIteration(track)).isEqualTo(15);
    }

    @Test
    void aSinglePointNearALevelIsNoStay() {
        // passes through the band of 2 at one point only (3 is crossed between points): fallback to the minimum
        TrackResult track = track(LEVELS, 6, 1.3, 1.2, 1.2, 2.0, 3.6, 4.2, 5, 6, 7, 8);
        assertThat(EarlyStopping.rank(track)).isEmpty();
        assertThat(EarlyStopping.iteration(track)).as("the first of two equal minima, point 2").isEqualTo(3);
    }

    @Test
    void levelsWhoseBandsOverlapTheirNeighboursAreIgnored() {
        // levels 2 and 2.15 lie within 10 % of each other: a stay there says nothing about r; 3 is separated
        double[] crowded = {1, 2, 2.15, 3, 4.5};
        TrackResult track = track(crowded, 6, 1.0, 1.05, 2.0, 2.1, 2.1, 2.05, 2.0, 3.0, 3.05, 4.5);
        assertThat(EarlyStopping.rank(track)).contains(4); // r = 4 is the level 3 in this list
        assertThat(EarlyStopping.iteration(track)).isEqualTo(511);
        TrackResult none = track(crowded, 6, 1.0, 1.05, 2.0, 2.1, 2.1, 2.05, 2.0, 2.05, 4.4, 4.5);
        assertThat(EarlyStopping.rank(none)).isEmpty();
        assertThat(EarlyStopping.iteration(none)).isEqualTo(1);
    }
}
