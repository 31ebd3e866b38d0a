package org.dmflab.core.track;

import java.util.Optional;
import org.dmflab.core.model.Plateau;

/**
 * One row of the tracker's plateaus table (Schemas.PLATEAUS_OBSERVED): the level ({@code model.PlateauLevels}), the
 * predictor's certified interval and bound if a predicted table was given, the observed run ({@link PlateauDetector}),
 * and whether the recording resolves the certified interval ({@link RecordingResolution}; empty when nothing is
 * certified).
 */
public record ObservedPlateau(int r, double level, Optional<Plateau> predicted, Optional<PlateauRun> observed,
                              Optional<String> recording) {
}
