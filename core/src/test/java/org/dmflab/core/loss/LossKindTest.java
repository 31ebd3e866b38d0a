package org.dmflab.core.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.model.TrainedLoss;
import org.junit.jupiter.api.Test;

/** Each loss's one declaration: key, words, formula, dialog text, and how a bad key is refused. */
class LossKindTest {

    @Test
    void everyKeyParsesBackToItsLossAndBlankIsFull() {
        for (LossKind kind : LossKind.values()) {
            assertThat(LossKind.parse(kind.key())).isEqualTo(kind);
            assertThat(LossKind.parse("  " + kind.key().toUpperCase(java.util.Locale.ROOT) + " ")).isEqualTo(kind);
            assertThat(LossKind.ofKey(kind.key())).contains(kind);
        }
        assertThat(LossKind.parse(null)).isEqualTo(LossKind.FULL);
        assertThat(LossKind.parse(" ")).isEqualTo(LossKind.FULL);
        assertThat(LossKind.ofKey("huber")).isEmpty();
        assertThat(Arrays.stream(LossKind.values()).map(LossKind::key)).containsExactly("full", "sensing",
                "completion");
    }

    /** The message names the setting and every loss with what it needs. */
    @Test
    void anUnknownLossIsRefusedNamingEveryLoss() {
        assertThatThrownBy(() -> LossKind.parse("huber")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(LossKind.SETTING)
                .hasMessageContaining("'huber' is not a loss; use full (½‖W − Φ‖²_F), sensing (needs measurements) "
                        + "or completion (needs observations)");
        assertThat(LossKind.keys()).isEqualTo("full, sensing or completion");
    }

    /** The label every chart gives the loss column is words and formula; only completion fits observed entries. */
    @Test
    void labelsAndTheCompletionFlag() {
        assertThat(LossKind.SENSING.label()).isEqualTo("measurement loss ½ Σᵢ (⟨Aᵢ, W⟩ − yᵢ)²");
        assertThat(LossKind.FULL.label()).isEqualTo("full loss ½‖W − Φ‖²");
        assertThat(TrainedLoss.label(java.util.Optional.of(LossKind.COMPLETION)))
                .isEqualTo("observed-entries loss ½ Σ over observed (i, j) of (Wᵢⱼ − yᵢⱼ)²");
        assertThat(TrainedLoss.label(java.util.Optional.empty())).isEqualTo(TrainedLoss.UNKNOWN_LABEL);
        assertThat(Arrays.stream(LossKind.values()).filter(LossKind::completion)).containsExactly(LossKind.COMPLETION);
        assertThat(Arrays.stream(LossKind.values()).map(LossKind::choice).distinct()).hasSize(LossKind.values().length);
    }
}
