package org.dmflab.core.groundtruth;

import java.util.Locale;
import org.dmflab.core.InvalidInputException;

/** The eigenvectors V of a generated target Φ = V diag(λ) Vᵀ: Haar-random (seeded) or the identity. */
public enum EigenvectorBasis {
    RANDOM, IDENTITY;

    /** The setting this comes from, used in messages. */
    public static final String KEY = "eigenvectors";

    /** Parses {@code random} or {@code identity}. */
    public static EigenvectorBasis parse(String text) {
        if (text == null || text.isBlank()) {
            return RANDOM;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "random" -> RANDOM;
            case "identity" -> IDENTITY;
            default -> throw new InvalidInputException(KEY, "'" + text.trim() + "' is not a basis; use random or identity");
        };
    }

    /** The setting value, {@code random} or {@code identity}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
