package org.dmflab.core.loss;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.model.TrainedLoss;

/**
 * The training losses, each declared once: its key (the trainer's {@code loss} setting and the trace's
 * {@code loss_kind}), its words and formula (every chart's label), the dialog's text for it and what else it needs.
 * {@code full} observation ½‖W − Φ‖²_F (docs/theory.md (5)/(8)), matrix {@code sensing} ½ Σᵢ (⟨Aᵢ, W⟩ − yᵢ)² with the
 * generator's measurements, or matrix {@code completion} ½ Σ_observed (W_ij − y_ij)² with observed entries
 * (docs/theory.md §8.3). Each makes its {@link Loss}.
 */
public enum LossKind implements TrainedLoss {
    FULL("full loss", "½‖W − Φ‖²", "Full: ½‖W − Φ‖² over all entries", "(½‖W − Φ‖²_F)",
            (data, arithmetic, target) -> new FullLoss(target)),
    SENSING("measurement loss", "½ Σᵢ (⟨Aᵢ, W⟩ − yᵢ)²", "Matrix sensing: Gaussian measurements",
            "(needs measurements)", (data, arithmetic, target) -> new SensingLoss(data.sensing().orElseThrow(),
            arithmetic)),
    COMPLETION("observed-entries loss", "½ Σ over observed (i, j) of (Wᵢⱼ − yᵢⱼ)²",
            "Matrix completion: observed entries", "(needs observations)",
            (data, arithmetic, target) -> new CompletionLoss(data.observations().orElseThrow(), data.target(),
                    data.targetKnown()));

    /** The trainer's setting that chooses the loss. */
    public static final String SETTING = "loss";

    private final String words;
    private final String formula;
    private final String choice;
    private final String hint;
    private final Loss.Factory factory;

    LossKind(String words, String formula, String choice, String hint, Loss.Factory factory) {
        this.words = words;
        this.formula = formula;
        this.choice = choice;
        this.hint = hint;
        this.factory = factory;
    }

    /** Parses a key such as {@code full} or {@code sensing}; blank means full. */
    public static LossKind parse(String text) {
        if (text == null || text.isBlank()) {
            return FULL;
        }
        return ofKey(text).orElseThrow(() -> new InvalidInputException(SETTING, "'" + text.trim()
                + "' is not a loss; use " + choices()));
    }

    /** "full (…), sensing (…) or completion (…)". */
    private static String choices() {
        return InvalidInputException.oneOf(Arrays.stream(values()).map(kind -> kind.key() + " " + kind.hint)
                .toList());
    }

    /** The keys for a message, e.g. "full, sensing or completion". */
    public static String keys() {
        return InvalidInputException.oneOf(Arrays.stream(values()).map(LossKind::key).toList());
    }

    /** The loss named by its key, if it is one. */
    public static Optional<LossKind> ofKey(String key) {
        for (LossKind kind : values()) {
            if (kind.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The setting value and the trace's {@code loss_kind}. */
    @Override
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String words() {
        return words;
    }

    @Override
    public String formula() {
        return formula;
    }

    @Override
    public boolean completion() {
        return this == COMPLETION;
    }

    /** How to make this loss from a run's data ({@link Loss#of}). */
    Loss.Factory factory() {
        return factory;
    }

    /** The dialog's text for this choice of the {@code loss} setting. */
    public String choice() {
        return choice;
    }
}
