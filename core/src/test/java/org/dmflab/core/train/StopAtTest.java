package org.dmflab.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dmflab.core.InvalidInputException;
import org.dmflab.core.Progress;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.theory.PlateauBounds;
import org.dmflab.core.theory.PlateauCertificate;
import org.dmflab.core.theory.RankStopRule;
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

    /**
     * The certified rule carries rank R's whole certified interval: its start and end are the predictor's k_start and
     * k_end, computed again here by {@link PlateauBounds#predict} on the designed eigenvalues with the rule's ε and δ
     * (the plan decomposes the target, whose eigenvalues equal the designed ones to rounding: far from moving an
     * iteration count). Ranks 1…4 with the default α (all four certified, the last interval without an end) and with
     * α = 0.1 (only rank 1 certified; the others fall back to the observed rule, which has no interval).
     */
    @Test
    void theCertifiedRuleCarriesTheCertifiedInterval() {
        int certifiedRanks = 0;
        int withEnd = 0;
        for (int point = 0; point < 8; point++) {
            String stopAt = "rank:" + (point % 4 + 1);
            TrainingPlan plan = point < 4 ? Fixtures.plan(Fixtures.symmetricTarget(Fixtures.SPECTRUM_B, 1), "stop-at",
                    stopAt) : Fixtures.plan(Fixtures.symmetricTarget(Fixtures.SPECTRUM_B, 1), "alpha", "0.1", "step",
                    Double.toString(Fixtures.checkStep()), "stop-at", stopAt);
            TrainConfig config = plan.config();
            PlateauCertificate certificate = PlateauBounds.predict(Fixtures.SPECTRUM_B, config.depth(), config.alpha(),
                    config.step(), Initialization.IDENTITY, PlateauBounds.Accuracies.fixed(RankStopRule.EPSILON,
                            RankStopRule.DELTA)).get(point % 4);
            RankStopRule rule = plan.stopRule().orElseThrow();
            assertThat(rule.certified()).as(stopAt).isEqualTo(certificate.certified());
            if (rule.certified()) {
                certifiedRanks++;
                assertThat(rule.certifiedIteration()).isEqualTo(certificate.plateau().start().getAsLong());
                assertThat(rule.certifiedEnd()).isEqualTo(certificate.plateau().end());
                withEnd += rule.certifiedEnd().isPresent() ? 1 : 0;
            } else {
                assertThat(rule.certifiedEnd()).isEmpty();
            }
        }
        assertThat(certifiedRanks).isEqualTo(5);
        assertThat(withEnd).isEqualTo(3);
    }
}
