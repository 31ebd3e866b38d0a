package org.dmflab.core.spectrum;

import java.util.Optional;
import org.dmflab.core.model.Plateau;

/**
 * One row of the tracker's plateaus table (Schemas.PLATEAUS_OBSERVED): the level r_eff(Φ_r) (docs/theory.md §7.1), the
 * predictor's certified interval and bound if a predicted table was given, and the observed run
 * ({@link PlateauDetector}).
 */
public record ObservedPlateau(int r, double level, Optional<Plateau> predicted, Optional<PlateauRun> observed) {
}
