package org.dmflab.core.spectrum;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One row of the predictor's plateaus table (docs/design.md §2, Schemas.PLATEAUS): the certified interval
 * [k_start, k_end] of docs/theory.md (63′) on which |r_eff(W(k)) − r_eff(Φ_r)| ≤ bound (64′). An empty end means "no end"
 * (r = n), an empty start "no certified interval".
 *
 * @param r     the rank, 1-based
 * @param level r_eff(Φ_r)
 */
public record PredictedPlateau(int r, double level, OptionalLong start, OptionalLong end, OptionalDouble bound) {
}
