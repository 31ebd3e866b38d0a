package org.dmflab.core.model;

import java.util.Locale;
import org.dmflab.core.InvalidInputException;

/**
 * How the factors start (docs/theory.md §1.4–1.6): identical αI (7), perturbed identical W₁ = βI and the others αI (13/38),
 * or i.i.d. Gaussian entries with standard deviation σ (§1.6).
 */
public enum Initialization {
    IDENTITY, PERTURBED, GAUSSIAN;

    /** The setting key ({@code init}) shared by the trainer and the predictor. */
    public static final String KEY = "init";

    /** Parses {@code identity}, {@code perturbed} or {@code gaussian}. */
    public static Initialization parse(String text) {
        if (text == null || text.isBlank()) {
            return IDENTITY;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "identity" -> IDENTITY;
            case "perturbed" -> PERTURBED;
            case "gaussian" -> GAUSSIAN;
            default -> throw new InvalidInputException(KEY, "'" + text.trim()
                    + "' is not an initialization; use identity, perturbed or gaussian");
        };
    }

    /** The setting value. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
