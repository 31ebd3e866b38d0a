package org.dmflab.core.theory;

import java.util.Objects;
import java.util.OptionalDouble;
import org.dmflab.core.model.Plateau;

/**
 * The predictor's answer for one rank r: the {@link Plateau} it certifies (or not) and how it got there — the accuracies
 * ε and δ used for this r, the N = 2 gradient-flow interval of Theorem 3.1′ (59′) expressed in iterations t/η, and why
 * the interval is what it is (docs/theory.md §7).
 *
 * @param plateau   the plateau handed to the tracker
 * @param epsilon   ε used for this r (the setting, or (65′))
 * @param delta     δ used for this r (empty for r = n under (65′), where δ plays no role)
 * @param flowStart start of I₁ ∩ I₂ (59′) divided by η (N = 2, identical start)
 * @param flowEnd   end of I₁ ∩ I₂ divided by η, if finite
 * @param reason    a sentence: certified, or why not
 */
public record PlateauCertificate(Plateau plateau, double epsilon, OptionalDouble delta, OptionalDouble flowStart,
                                 OptionalDouble flowEnd, String reason) {
    public PlateauCertificate {
        Objects.requireNonNull(plateau, "plateau");
        Objects.requireNonNull(delta, "delta");
        Objects.requireNonNull(flowStart, "flowStart");
        Objects.requireNonNull(flowEnd, "flowEnd");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether Theorem 3.5′ certifies some iterations for this r. */
    public boolean certified() {
        return plateau.certified();
    }
}
