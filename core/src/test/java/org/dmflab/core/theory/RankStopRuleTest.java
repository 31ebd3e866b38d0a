package org.dmflab.core.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.PlateauLevels;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.junit.jupiter.api.Test;

/**
 * The observed rule of {@code stop-at=rank:R} on hand-built effective-rank paths with countable answers. Singular
 * values 4, 2, 1, 0.5 (n = 4): levels ℓ = 1, 1.5, 1.75, 1.875; bound (64″) with ε = 0.01, δ = 0.005:
 * (ε/(1−ε))·ℓ_R + (4 − R)·δ.
 */
class RankStopRuleTest {
    private static final PlateauLevels LEVELS = PlateauLevels.of(new Spectrum(new double[]{4, 2, 1, 0.5},
            SpectrumKind.SINGULAR_VALUE), Initialization.GAUSSIAN);

    private static RankStopRule rule(int rank) {
        return RankStopRule.observed(LEVELS, rank, 4, "");
    }

    private static long[] iterations(int count) {
        long[] k = new long[count];
        for (int point = 0; point < count; point++) {
            k[point] = 10L * point;
        }
        return k;
    }

    /** h = min(bound, half the gaps to the neighbours that exist): R = 1 has no lower one, R = 4 no upper one. */
    @Test
    void bandIsTheBoundOrHalfTheNearerGap() {
        double bound1 = 0.01 / 0.99 * 1 + 3 * 0.005;
        assertThat(rule(1).halfWidth()).isCloseTo(Math.min(bound1, 0.25), within(1e-15));
        assertThat(rule(2).halfWidth()).isCloseTo(Math.min(0.01 / 0.99 * 1.5 + 2 * 0.005, 0.125), within(1e-15));
        assertThat(rule(3).halfWidth()).isCloseTo(Math.min(0.01 / 0.99 * 1.75 + 0.005, 0.0625), within(1e-15));
        assertThat(rule(4).halfWidth()).isCloseTo(Math.min(0.01 / 0.99 * 1.875, 0.0625), within(1e-15));
        assertThat(RankStopRule.observed(LEVELS, 2, 100, "").halfWidth()).as("large n: half the gap")
                .isEqualTo(0.125);
    }

    /** Rank 2 (ℓ = 1.5, h = 0.02515): the stay is points 3 … 5, nearest at point 4, left upwards at point 6. */
    @Test
    void stopsAtTheNearestPointOfTheStayOnceItIsLeftUpwards() {
        double[] path = {4.0, 1.0, 1.2, 1.49, 1.5001, 1.51, 1.6, 1.75};
        assertThat(rule(2).stopPoint(iterations(path.length), path)).hasValue(4);
    }

    /** A Gaussian start falls through the band first (points 1, 2): that stay is forgotten when the rank drops. */
    @Test
    void forgetsAStayLeftDownwards() {
        double[] path = {4.0, 1.51, 1.5, 1.0, 1.3, 1.52, 1.7};
        assertThat(rule(2).stopPoint(iterations(path.length), path)).hasValue(5);
    }

    @Test
    void noRecordedPointInTheBandMeansNoStop() {
        double[] path = {4.0, 1.0, 1.3, 1.7, 1.9};
        assertThat(rule(2).stopPoint(iterations(path.length), path)).isEmpty();
    }

    /** A run that ends during the stay stops at its nearest point so far. */
    @Test
    void aRunEndingOnThePlateauStopsThere() {
        double[] path = {4.0, 1.0, 1.48, 1.5, 1.505};
        assertThat(rule(2).stopPoint(iterations(path.length), path)).hasValue(3);
    }

    /** The certified rule takes the first recorded iteration at or after k_start. */
    @Test
    void certifiedStopsAtTheFirstRecordedPointFromKStart() {
        RankStopRule certified = new RankStopRule(2, true, 25, java.util.OptionalLong.empty(), 1.5, 0.1, "test");
        assertThat(certified.stopPoint(iterations(5), new double[5])).hasValue(3);
        assertThat(certified.stopPoint(iterations(3), new double[3])).isEmpty();
    }
}
