package org.dmflab.core.track;

import java.util.List;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.settings.Setting;

/**
 * The Spectrum Tracker's settings keys (docs/design.md §3; KNIME settings keys = {@code dmflab track} options) and their one
 * parser into a {@link TrackConfig}.
 */
public final class TrackSettings {
    public static final String EPSILON = "epsilon";
    public static final String PLATEAU_TOLERANCE = "plateau-tolerance";
    public static final String LOG_X = "log-x";

    /** Default relative accuracy of the hitting iterations (the §8.2 figure parameters use ε = 0.01). */
    public static final double DEFAULT_EPSILON = 0.01;
    /** Default half-width of a plateau band around r_eff(Φ_r), in effective-rank units. */
    public static final double DEFAULT_PLATEAU_TOLERANCE = 0.05;
    /** Iteration axes are logarithmic by default: the plateaus of docs/theory.md §7 are spaced geometrically. */
    public static final boolean DEFAULT_LOG_X = true;

    /** Every setting of the tracker, declared once, in the order of docs/design.md §3. */
    public static final List<Setting> SETTINGS = List.of(
            Setting.number(EPSILON, "Relative accuracy ε", DEFAULT_EPSILON, Double.MIN_VALUE, 1, "0 < ε < 1")
                    .help("An eigenvalue counts as learned at the first recorded iteration within ε of its target."),
            Setting.number(PLATEAU_TOLERANCE, "Plateau tolerance", DEFAULT_PLATEAU_TOLERANCE, Double.MIN_VALUE,
                    Double.MAX_VALUE, "> 0")
                    .help("Half-width of the band around each plateau level, in effective-rank units."),
            Setting.flag(LOG_X, "Logarithmic iteration axis", DEFAULT_LOG_X)
                    .help("Draw the iteration axes logarithmically (the plateaus are spaced geometrically)."));

    /** Every key, in the order of docs/design.md §3. */
    public static final List<String> KEYS = Setting.keys(SETTINGS);

    private TrackSettings() {
    }

    /** Parses the settings; absent keys take the defaults above. */
    public static TrackConfig parse(RawSettings settings) {
        return new TrackConfig(settings.number(EPSILON, DEFAULT_EPSILON),
                settings.number(PLATEAU_TOLERANCE, DEFAULT_PLATEAU_TOLERANCE),
                settings.flag(LOG_X, DEFAULT_LOG_X));
    }
}
