package org.dmflab.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Which loss a run minimized, as its trace records it (the trace table's {@code loss_kind} column, docs/design.md §2):
 * the full loss ½‖W − Φ‖²_F (docs/theory.md (5)/(8)), the matrix-sensing measurement loss ½ Σᵢ (⟨Aᵢ, W⟩ − yᵢ)² or the
 * matrix-completion loss over the observed entries (docs/theory.md §8.3). The one place that names a loss for a reader:
 * every chart, caption and view labels the {@code loss} column with {@link #label()}. The trainer's setting
 * ({@code train.LossKind}) maps onto it one to one.
 */
public enum TrainedLoss {
    FULL("full loss", "½‖W − Φ‖²"),
    SENSING("measurement loss", "½ Σᵢ (⟨Aᵢ, W⟩ − yᵢ)²"),
    COMPLETION("observed-entries loss", "½ Σ over observed (i, j) of (Wᵢⱼ − yᵢⱼ)²");

    /** What a trace that does not record its loss (written before the column existed) calls its loss column. */
    public static final String UNKNOWN_LABEL = "training loss";

    private final String words;
    private final String formula;

    TrainedLoss(String words, String formula) {
        this.words = words;
        this.formula = formula;
    }

    /** The value in the trace's {@code loss_kind} column, the same as the trainer's {@code loss} setting. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The loss named by its key, if it is one. */
    public static Optional<TrainedLoss> ofKey(String key) {
        for (TrainedLoss loss : values()) {
            if (loss.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(loss);
            }
        }
        return Optional.empty();
    }

    /** The loss in words, e.g. "measurement loss". */
    public String words() {
        return words;
    }

    /** Its formula, e.g. "½ Σᵢ (⟨Aᵢ, W⟩ − yᵢ)²". */
    public String formula() {
        return formula;
    }

    /** Words and formula, e.g. "measurement loss ½ Σᵢ (⟨Aᵢ, W⟩ − yᵢ)²": the label of every loss axis and legend. */
    public String label() {
        return words + " " + formula;
    }

    /** The label of a trace's loss, known or not. */
    public static String label(Optional<TrainedLoss> loss) {
        return loss.map(TrainedLoss::label).orElse(UNKNOWN_LABEL);
    }
}
