package org.dmflab.core.predict;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One row of the bounds table (docs/design.md §2 plus two columns of ours): what the theory predicts for eigenvalue λ of Φ.
 * Empty values are numbers that do not apply (see {@link PredictionTables#provenance} for what each one is).
 *
 * @param index            1-based position in the (descending) spectrum
 * @param lambda           λ
 * @param limit            what the product's eigenvalue converges to
 * @param regime           which case of the theory applies (for identical starts the case of (24′))
 * @param etaMax           the largest admissible η for this eigenvalue
 * @param exact            k_exact: first iteration within ε, from the exact recursion
 * @param lower            k_lower
 * @param upper            k_upper
 * @param flow             k_flow, the gradient-flow estimate in iterations
 * @param asymptotic       k_asymptotic, (12′)
 * @param signChange       k_sign_change, (46) from the exact recursion
 * @param signChangeBound  Lemma 2.11′'s rigorous upper bound on (46)
 * @param signChangeFlow   (47′), t_K/η
 */
public record EigenvalueBounds(int index, double lambda, double limit, String regime, double etaMax,
                               OptionalLong exact, OptionalLong lower, OptionalLong upper, OptionalDouble flow,
                               OptionalDouble asymptotic, OptionalLong signChange, OptionalLong signChangeBound,
                               OptionalDouble signChangeFlow) {
    public EigenvalueBounds {
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(exact, "exact");
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(asymptotic, "asymptotic");
        Objects.requireNonNull(signChange, "signChange");
        Objects.requireNonNull(signChangeBound, "signChangeBound");
        Objects.requireNonNull(signChangeFlow, "signChangeFlow");
    }
}
