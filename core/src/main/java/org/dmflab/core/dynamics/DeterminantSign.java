package org.dmflab.core.dynamics;

import java.util.Locale;
import org.dmflab.core.InvalidInputException;

/**
 * The sign of det W(0) a Gaussian start is conditioned on (docs/theory.md §1.6): {@code any} (the plain draw),
 * {@code positive} or {@code negative}. In Razin and Cohen's 2×2 completion the sign decides whether the unobserved
 * entry and the norms stay bounded (docs/theory.md §7.6). The draw is made as usual and, when its determinant has the
 * other sign, the first column of W₁ is negated: W(0) becomes W(0)·diag(−1, 1, …), whose determinant has the opposite
 * sign, and since that map leaves the Gaussian law of W₁ unchanged and swaps the two events, the result has exactly
 * the conditional law — one draw, seeded as before.
 */
public enum DeterminantSign {
    ANY, POSITIVE, NEGATIVE;

    /** Parses {@code any}, {@code positive} or {@code negative}; blank means any. */
    static DeterminantSign parse(String text) {
        if (text == null || text.isBlank()) {
            return ANY;
        }
        for (DeterminantSign sign : values()) {
            if (sign.key().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return sign;
            }
        }
        throw new InvalidInputException(Gaussian.DETERMINANT, "'" + text.trim() + "' is not a determinant "
                + "sign; use any (the plain Gaussian draw), positive (det W(0) > 0) or negative (det W(0) < 0)");
    }

    /** The setting value. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a determinant of this value satisfies the condition. */
    boolean accepts(double determinant) {
        return switch (this) {
            case ANY -> true;
            case POSITIVE -> determinant > 0;
            case NEGATIVE -> determinant < 0;
        };
    }
}
