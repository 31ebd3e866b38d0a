package org.dmflab.core.baseline;

import java.util.List;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.settings.Setting;

/**
 * The Nuclear Norm Baseline's settings (docs/design.md §3; KNIME settings keys = {@code dmflab baseline} options),
 * declared once for the node's dialog and the command line, and their one parser into a {@link NuclearNormConfig}.
 */
public final class NuclearNormSettings {
    public static final String TOLERANCE = "tolerance";
    public static final String ITERATIONS = "iterations";

    /**
     * Default relative tolerance of the residual and of the objective's change: far below the errors a baseline is
     * compared with (relative errors of 10⁻³ and more), reached in a few hundred iterations at n = 100.
     */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /** Largest relative tolerance: beyond it the "solution" is too far from the minimizer to be a baseline. */
    public static final double MAX_TOLERANCE = 0.1;
    /** Default iteration budget: ample for the default tolerance (docs/theory.md §8.4). */
    public static final long DEFAULT_ITERATIONS = 10_000;

    /** Every setting of the baseline, declared once, in the order of docs/design.md §3. */
    public static final List<Setting> SETTINGS = List.of(
            Setting.number(TOLERANCE, "Relative tolerance", DEFAULT_TOLERANCE, Double.MIN_VALUE, MAX_TOLERANCE,
                            "0 < tolerance ≤ " + MAX_TOLERANCE)
                    .help("Stop once the constraint residual and the nuclear norm's change per iteration are both "
                            + "below this fraction."),
            Setting.whole(ITERATIONS, "Iteration budget", DEFAULT_ITERATIONS, 1, Integer.MAX_VALUE, "≥ 1")
                    .help("How many iterations to run at most; a run that spends them all says so in a warning."));

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
