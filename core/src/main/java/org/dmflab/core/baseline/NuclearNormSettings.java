package org.dmflab.core.baseline;

import java.util.List;
import org.dmflab.core.settings.RawSettings;

/**
 * The Nuclear Norm Baseline's settings keys (docs/design.md §3; KNIME settings keys = {@code dmflab baseline} options)
 * and their one parser into a {@link NuclearNormConfig}.
 */
public final class NuclearNormSettings {
    public static final String TOLERANCE = "tolerance";
    public static final String ITERATIONS = "iterations";

    /** Every key, in the order of docs/design.md §3. */
    public static final List<String> KEYS = List.of(TOLERANCE, ITERATIONS);

    /**
     * Default relative tolerance of the residual and of the objective's change: far below the errors a baseline is
     * compared with (relative errors of 10⁻³ and more), reached in a few hundred iterations at n = 100.
     */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /** Default iteration budget: ample for the default tolerance (docs/theory.md §8.4). */
    public static final long DEFAULT_ITERATIONS = 10_000;

    private NuclearNormSettings() {
    }

    /** Parses the settings; absent keys take the defaults above. */
    public static NuclearNormConfig parse(RawSettings settings) {
        return new NuclearNormConfig(settings.number(TOLERANCE, DEFAULT_TOLERANCE),
                settings.optionalLong(ITERATIONS).orElse(DEFAULT_ITERATIONS));
    }
}
