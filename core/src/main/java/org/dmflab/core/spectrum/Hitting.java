package org.dmflab.core.spectrum;

import java.util.OptionalLong;
import org.dmflab.core.model.Accuracy;

/**
 * When the product learned one target eigenvalue (or singular value): the first recorded iteration k_hit at which
 * |value − limit| ≤ ε·|λ| (docs/design.md §3, {@link Accuracy}); empty if never within the recorded iterations.
 *
 * @param index  1-based, as in the spectrum table
 * @param lambda the target's eigenvalue (singular value for non-symmetric targets)
 * @param limit  what the product's value approaches: λ or λ₊ (see {@link HittingTimes})
 */
public record Hitting(int index, double lambda, double limit, OptionalLong kHit) {
}
