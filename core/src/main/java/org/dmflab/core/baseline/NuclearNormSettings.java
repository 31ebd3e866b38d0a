package org.dmflab.core.baseline;

import java.util.List;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.settings.Setting;

/**
 * The Nuclear Norm Baseline's settings keys (docs/design.md §3; KNIME settings keys = {@code dmflab baseline} options)
 * and their one parser into a {@link NuclearNormConfig}.
 */
public final class NuclearNormSettings {
    public static final String TOLERANCE = "tolerance";
    public static final String ITERATIONS = "iterations";

    /**
     * Default relative tolerance of the residual and of the objective's change: far below the errors a baseline is
     * compared with (relative errors of 10⁻³ and more), reached in a few hundred iterations at n = 100.
     */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /** Default iteration budget: ample for the default tolerance (docs/theory.md §8.4). */
    public static final long DEFAULT_ITERATIONS = 10_000;
    /** Largest tolerance: beyond it the stopping rule would stop far from the minimum. */
    public static final double MAX_TOLERANCE = 0.1;

    /** Every setting of the baseline, declared once, in the order of docs/design.md §3. */
    public static final List<Setting> SETTINGS = List.of(
            Setting.number(TOLERANCE, "Relative tolerance", DEFAULT_TOLERANCE, Double.MIN_VALUE, MAX_TOLERANCE,
                    "0 < tolerance ≤ 0.1")
                    .help("Stop once the misfit to the observed entries (or measurements) and the nuclear norm's "
                            + "change per iteration are both at most this, relative to their scale."),
            Setting.whole(ITERATIONS, "Iteration budget", DEFAULT_ITERATIONS, 1, Integer.MAX_VALUE, "≥ 1")
                    .help("Stop after this many iterations even if the tolerance is not reached; the summary says "
                            + "which rule stopped the solver."));

    /** Every key, in the order of docs/design.md §3. */
    public static final List<String> KEYS = Setting.keys(SETTINGS);

    private NuclearNormSettings() {
    }

    /** Parses the settings; absent keys take the defaults above. */
    public static NuclearNormConfig parse(RawSettings settings) {
        return new NuclearNormConfig(settings.number(TOLERANCE, DEFAULT_TOLERANCE),
                settings.optionalLong(ITERATIONS).orElse(DEFAULT_ITERATIONS));
    }
}
