package org.dmflab.core.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.dmflab.core.model.Plateau;
import org.junit.jupiter.api.Test;

/** Whether the recorded points decide the comparison of an observed plateau with a certified interval. */
class RecordingResolutionTest {

    private static final long[] COARSE = {0, 100, 700, 1500, 3000};

    private static Plateau certified(long start, Long end) {
        return new Plateau(1, 1, OptionalLong.of(start), end == null ? OptionalLong.empty() : OptionalLong.of(end),
                OptionalDouble.of(0.03));
    }

    private static Optional<PlateauRun> run(long start, long end) {
        return Optional.of(new PlateauRun(start, end, 3));
    }

    @Test
    void aContainedOrClearlyMissedIntervalIsDecided() {
        // observed from 100 on: contains [650, 1600], with recorded points 700 and 1500 inside it — decided
        assertThat(RecordingResolution.of(COARSE, certified(650, 1600L), run(100, 3000))).contains("fine");
        // the observed run lies elsewhere: 700 and 1500 are recorded outside it — decided (it misses)
        assertThat(RecordingResolution.of(COARSE, certified(600, 1600L), run(0, 100))).contains("fine");
    }

    @Test
    void aBoundaryBetweenTwoRecordedPointsIsNotDecided() {
        // the run starts at 1500, the first recorded point after k_start = 800; the band was entered in (700, 1500)
        assertThat(RecordingResolution.of(COARSE, certified(800, 2000L), run(1500, 3000)).orElseThrow())
                .isEqualTo("too coarse at k_start = 800: the band is entered between recorded iterations 700 and "
                        + "1500; record more finely there");
        // the run ends at 700, the last recorded point before k_end = 1200; the band was left in (700, 1500)
        assertThat(RecordingResolution.of(COARSE, certified(100, 1200L), run(100, 700)).orElseThrow())
                .startsWith("too coarse at k_end = 1200: the band is left between recorded iterations 700 and 1500");
        assertThat(RecordingResolution.of(COARSE, certified(710, 1400L), Optional.empty()).orElseThrow())
                .startsWith("too coarse: no recorded iteration in the certified interval [710, 1400]");
        assertThat(RecordingResolution.of(COARSE, certified(5000, null), Optional.empty()).orElseThrow())
                .isEqualTo("beyond the run: certified from k = 5000, the run ends at 3000");
        Plateau none = new Plateau(1, 1, OptionalLong.empty(), OptionalLong.empty(), OptionalDouble.empty());
        assertThat(RecordingResolution.of(COARSE, none, Optional.empty())).isEmpty();
    }
}
