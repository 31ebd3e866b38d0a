package org.dmflab.core.model;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One predicted effective-rank plateau of docs/theory.md §7, as the predictor certifies it and the tracker reads it (docs/design.md
 * §2, the plateaus table's columns r, level, k_start, k_end, bound): the level r_eff(Φ_r) and the interval of iterations
 * [k_start, k_end] of (63′) on which Theorem 3.5′ certifies |r_eff(W(k)) − r_eff(Φ_r)| ≤ bound (64′). Start empty =
 * nothing certified; start given and end empty = certified for all k ≥ start.
 *
 * @param r     the rank, 1-based
 * @param level r_eff(Φ_r) = Σ_{i≤r} σᵢ/σ₁ (= Σ_{i≤r} λᵢ/λ₁ for PSD Φ)
 * @param start K_lead of (63′), if certified
 * @param end   K_tail of (63′), if finite
 * @param bound the right-hand side of (64′) (= (61′)): ε/(1−ε)·r_eff(Φ_r) + (n−r)δ, present when something is certified
 *              (for gradient descent or, N = 2, for the flow)
 */
public record Plateau(int r, double level, OptionalLong start, OptionalLong end, OptionalDouble bound) {
    public Plateau {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(bound, "bound");
    }

    /** Whether Theorem 3.5′ certifies some iterations for this r. */
    public boolean certified() {
        return start.isPresent();
    }
}
