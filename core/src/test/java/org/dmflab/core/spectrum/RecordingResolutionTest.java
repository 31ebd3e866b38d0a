package org.dmflab.core.spectrum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.dmflab.core.model.Plateau;
import org.junit.jupiter.api.Test;

/** Whether the recorded grid resolves a certified interval's ends to 10 % of its length. */
class RecordingResolutionTest {

    private static Plateau certified(long start, Long end) {
        return new Plateau(1, 1, OptionalLong.of(start), end == null ? OptionalLong.empty() : OptionalLong.of(end),
                OptionalDouble.of(0.03));
    }

    @Test
    void finelyRecordedIntervalsAreComparable() {
        long[] every = new long[2001];
        for (int k = 0; k < every.length; k++) {
            every[k] = k;
        }
        assertThat(RecordingResolution.of(every, certified(717, 1177L))).contains("fine");
        assertThat(RecordingResolution.of(every, certified(1500, null))).contains("fine");
    }

    @Test
    void coarseGridsAndIntervalsBeyondTheRunAreNamed() {
        long[] coarse = {0, 100, 700, 1500, 3000};
        // gap around 717 is 800 > 10 % of 460
        assertThat(RecordingResolution.of(coarse, certified(717, 1177L)).orElseThrow())
                .startsWith("too coarse: recorded points 800 apart at k_start = 717");
        // start recorded exactly (gap 0), end 2000 inside the gap 1500…3000 > 10 % of 1300
        assertThat(RecordingResolution.of(coarse, certified(700, 2000L)).orElseThrow())
                .startsWith("too coarse: recorded points 1500 apart at k_end = 2000");
        assertThat(RecordingResolution.of(coarse, certified(5000, null)).orElseThrow())
                .isEqualTo("beyond the run: certified from k = 5000, the run ends at 3000");
        Plateau none = new Plateau(1, 1, OptionalLong.empty(), OptionalLong.empty(), OptionalDouble.empty());
        assertThat(RecordingResolution.of(coarse, none)).isEmpty();
    }
}
