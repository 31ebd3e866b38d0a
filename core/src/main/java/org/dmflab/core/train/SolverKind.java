package org.dmflab.core.train;

import java.util.Locale;
import org.dmflab.core.InvalidInputException;

/**
 * The three ways to compute a training run (docs/design.md §5) and the automatic choice between them: {@code matrix}
 * gradient descent (6) on the full factors, the exact {@code spectral} recursions (18)/(40) of docs/theory.md §2, and the
 * gradient {@code flow} of docs/theory.md §4.
 */
public enum SolverKind {
    AUTO, MATRIX, SPECTRAL, FLOW;

    /** Parses {@code auto}, {@code matrix}, {@code spectral} or {@code flow}; blank means auto. */
    public static SolverKind parse(String text) {
        if (text == null || text.isBlank()) {
            return AUTO;
        }
        for (SolverKind kind : values()) {
            if (kind.key().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new InvalidInputException(TrainSettings.SOLVER, "'" + text.trim()
                + "' is not a solver; use auto, matrix, spectral or flow");
    }

    /** The setting value. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
