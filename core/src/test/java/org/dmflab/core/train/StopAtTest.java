package org.dmflab.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dmflab.core.InvalidInputException;
import org.dmflab.core.Progress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The {@code stop-at} setting: its text, its refusals, and what a run says when the rule does not stop it. */
class StopAtTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"none|0", "NONE|0", "' '|0", "rank:3|3", "Rank: 12|12", "rank:1|1"})
    void readsNoneAndRank(String text, int rank) {
        StopAt stopAt = StopAt.parse(text);
        assertThat(stopAt.rank()).isEqualTo(rank);
        assertThat(StopAt.parse(stopAt.text())).isEqualTo(stopAt);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rank:0", "rank:-2", "rank:x", "rank:", "rank:2.5", "3", "rank3", "tolerance"})
    void refusesOtherTextNamingTheSetting(String text) {
        assertThatThrownBy(() -> StopAt.parse(text)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("stop-at:").hasMessageContaining("rank:3");
    }

    /** Rank 7 of a target with 4 positive eigenvalues: the identity start's levels stop at 4 (Theorem 3.5″). */
    @Test
    void refusesARankTheTargetHasNoLevelFor() {
        assertThatThrownBy(() -> Fixtures.plan(Fixtures.symmetricTarget(Fixtures.SPECTRUM_B, 1), "stop-at", "rank:7"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("stop-at:")
                .hasMessageContaining("4 plateau levels").hasMessageContaining("from 1 to 4");
    }

    /**
     * A decoupled identity run whose rank has no certificate (λ₃ = 0.8 and λ₄ = 0.6 are too close for α = 0.1, ε, δ)
     * falls back to the observed rule and says why in a warning naming the setting; a budget that ends before k_start
     * leaves the product at the budget and says so.
     */
    @Test
    void fallsBackWithAWarningAndSaysWhenItDidNotStop() {
        TrainingPlan plan = Fixtures.plan(Fixtures.symmetricTarget(Fixtures.SPECTRUM_B, 1), "alpha", "0.1",
                "step", Double.toString(Fixtures.checkStep()), "stop-at", "rank:3");
        assertThat(plan.stopRule().orElseThrow().certified()).isFalse();
        assertThat(plan.warnings()).anyMatch(w -> w.startsWith("stop-at: rank 3 has no certified interval: eigenvalue "
                + "gap too small") && w.endsWith("the run stops by the observed rule instead"));
        TrainingPlan certified = Fixtures.plan(Fixtures.symmetricTarget(Fixtures.SPECTRUM_B, 1), "stop-at", "rank:1",
                "iterations", "10");
        assertThat(certified.stopRule().orElseThrow().certified()).isTrue();
        TrainingResult result = certified.run(Progress.NONE);
        assertThat(result.stopReason()).isEqualTo(StopReason.ITERATIONS);
        assertThat(result.earlyStop().orElseThrow().stopped()).isFalse();
        assertThat(result.earlyStop().get().reason()).startsWith("did not stop at rank 1: the budget ended at k = 10 "
                + "before k_start = " + certified.stopRule().get().certifiedIteration());
    }
}
