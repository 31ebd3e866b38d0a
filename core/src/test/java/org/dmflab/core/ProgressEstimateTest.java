package org.dmflab.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressEstimateTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void theTimeLeftExtrapolatesThePhaseLinearly() {
        AtomicLong now = new AtomicLong(0);
        ProgressEstimate estimate = ProgressEstimate.start(now::get);
        assertThat(estimate.annotate(0, "iteration 0 of 100")).isEqualTo("iteration 0 of 100 (0 %, 0.0 s elapsed)");
        now.set(10 * SECOND);
        // a quarter in 10 s: three quarters take 30 s more
        assertThat(estimate.annotate(0.25, "iteration 25 of 100"))
                .isEqualTo("iteration 25 of 100 (25 %, 10 s elapsed, about 30 s left)");
        now.set(20 * SECOND);
        assertThat(estimate.annotate(0.5, "iteration 50 of 100")).isEqualTo("iteration 50 of 100 (50 %, 20 s elapsed, about 20 s left)");
    }

    @Test
    void aFallingFractionStartsANewPhaseMeasuredAfresh() {
        AtomicLong now = new AtomicLong(0);
        ProgressEstimate estimate = ProgressEstimate.start(now::get);
        estimate.annotate(0.5, "reading");
        now.set(100 * SECOND);
        estimate.annotate(1.0, "reading");
        now.set(101 * SECOND);
        // training starts: no estimate until it has run for a second
        assertThat(estimate.annotate(0.0, "iteration 0")).isEqualTo("iteration 0 (0 %, 1 min 41 s elapsed)");
        now.set(102 * SECOND);
        assertThat(estimate.annotate(0.01, "iteration 1")).endsWith("1 min 42 s elapsed, about 1 min 39 s left)");
    }

    @Test
    void aStageReportedOnceShowsItsElapsedTimeButNoEstimate() {
        AtomicLong now = new AtomicLong(0);
        ProgressEstimate estimate = ProgressEstimate.start(now::get);
        estimate.annotate(0, "drawing the random 2000×2000 basis");
        now.set(40 * SECOND);
        assertThat(estimate.annotate(0.3, "forming the 2000×2000 target")).isEqualTo("forming the 2000×2000 target "
                + "(30 %, 40 s elapsed)");
        now.set(50 * SECOND);
        assertThat(estimate.annotate(0.3, "forming the 2000×2000 target")).isEqualTo("forming the 2000×2000 target "
                + "(30 %, 50 s elapsed)");
        now.set(60 * SECOND);
        assertThat(estimate.annotate(0.7, "computing the spectrum")).isEqualTo("computing the spectrum (70 %, 1 min "
                + "0 s elapsed)");
    }

    @Test
    void durationsReadNaturallyFromSecondsToYears() {
        assertThat(ProgressEstimate.duration(3.24)).isEqualTo("3.2 s");
        assertThat(ProgressEstimate.duration(45)).isEqualTo("45 s");
        assertThat(ProgressEstimate.duration(200)).isEqualTo("3 min 20 s");
        assertThat(ProgressEstimate.duration(7500)).isEqualTo("2 h 5 min");
        assertThat(ProgressEstimate.duration(3.2 * 86400)).isEqualTo("3.2 days");
        assertThat(ProgressEstimate.duration(40 * 365.25 * 86400)).isEqualTo("40 years");
        assertThat(ProgressEstimate.duration(Double.POSITIVE_INFINITY)).isEqualTo("practically forever");
    }
}
