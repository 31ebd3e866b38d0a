package org.dmflab.core.track;

import org.dmflab.core.Checks;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.model.Accuracy;

/**
 * What the Spectrum Tracker needs besides its input tables, validated on construction (the KNIME node builds it at
 * configure time).
 *
 * @param epsilon           relative accuracy of the hitting iterations, the ε rule of docs/design.md §3 ({@link Accuracy}); in (0, 1)
 * @param plateauTolerance  half-width of the band |r_eff(W) − r_eff(Φ_r)| ≤ tolerance that counts as being on plateau r
 *                          (docs/theory.md §7.1); positive, in effective-rank units
 * @param logX              draw the iteration axes logarithmically (iteration 0 is then left out and the axis says so)
 */
public record TrackConfig(double epsilon, double plateauTolerance, boolean logX) {

    public TrackConfig {
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new InvalidInputException(TrackSettings.EPSILON, "must lie strictly between 0 and 1 (a relative "
                    + "accuracy such as 0.01), got " + epsilon);
        }
        Checks.positive(TrackSettings.PLATEAU_TOLERANCE, plateauTolerance, "the band around each plateau level",
                "e.g. 0.05");
    }

    /** The defaults of {@link TrackSettings}. */
    public static TrackConfig defaults() {
        return new TrackConfig(TrackSettings.DEFAULT_EPSILON, TrackSettings.DEFAULT_PLATEAU_TOLERANCE,
                TrackSettings.DEFAULT_LOG_X);
    }
}
