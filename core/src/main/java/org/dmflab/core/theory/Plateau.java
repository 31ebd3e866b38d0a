package org.dmflab.core.theory;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One effective-rank plateau of docs/theory.md §7: the level r_eff(Φ_r), the interval of iterations on which Theorem 3.5′
 * certifies |r_eff(W(k)) − r_eff(Φ_r)| ≤ bound (63′)/(64′) (start empty = nothing certified; start given and end empty =
 * certified for all k ≥ start), the accuracies ε and δ used for this r, the N = 2 gradient-flow interval of Theorem 3.1′
 * (59′) expressed in iterations t/η, and why the interval is what it is.
 *
 * @param r          the rank, 1-based
 * @param level      r_eff(Φ_r) = Σ_{i≤r} σᵢ/σ₁ (= Σ_{i≤r} λᵢ/λ₁ for PSD Φ)
 * @param start      K_lead of (63′), if certified
 * @param end        K_tail of (63′), if finite
 * @param bound      the right-hand side of (64′) (= (61′)): ε/(1−ε)·r_eff(Φ_r) + (n−r)δ, present when something is
 *                   certified (for GD or, N = 2, for the flow)
 * @param epsilon    ε used for this r (the setting, or (65′))
 * @param delta      δ used for this r (empty for r = n under (65′), where δ plays no role)
 * @param flowStart  start of I₁ ∩ I₂ (59′) divided by η (N = 2, identical start)
 * @param flowEnd    end of I₁ ∩ I₂ divided by η, if finite
 * @param reason     a sentence: certified, or why not
 */
public record Plateau(int r, double level, OptionalLong start, OptionalLong end, OptionalDouble bound, double epsilon,
                      OptionalDouble delta, OptionalDouble flowStart, OptionalDouble flowEnd, String reason) {
    public Plateau {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(delta, "delta");
        Objects.requireNonNull(flowStart, "flowStart");
        Objects.requireNonNull(flowEnd, "flowEnd");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether Theorem 3.5′ certifies some iterations for this r. */
    public boolean certified() {
        return start.isPresent();
    }
}
