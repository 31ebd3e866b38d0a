package org.dmflab.core.train;

import java.util.Locale;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.model.TrainedLoss;

/**
 * The training loss: {@code full} observation ½‖W − Φ‖²_F (docs/theory.md (5)/(8)), matrix {@code sensing}
 * ½ Σᵢ (⟨Aᵢ, W⟩ − yᵢ)² with the generator's measurements, or matrix {@code completion} ½ Σ_observed (W_ij − y_ij)²
 * with observed entries (docs/theory.md §8.3).
 */
public enum LossKind {
    FULL, SENSING, COMPLETION;

    /** Parses {@code full} or {@code sensing}; blank means full. */
    public static LossKind parse(String text) {
        if (text == null || text.isBlank()) {
            return FULL;
        }
        for (LossKind kind : values()) {
            if (kind.key().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new InvalidInputException(TrainSettings.LOSS, "'" + text.trim()
                + "' is not a loss; use full (½‖W − Φ‖²_F), sensing (needs measurements) or completion (needs "
                + "observations)");
    }

    /** The loss as the run's trace records and every chart labels it. */
    public TrainedLoss trained() {
        return TrainedLoss.valueOf(name());
    }

    /** The setting value. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
