package org.dmflab.core.predict;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.OptionalDouble;
import org.dmflab.core.Checks;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.dynamics.HasRunDynamics;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.dynamics.RunDynamics;

/**
 * Everything the Theoretical Bound Predictor needs besides the spectrum, validated on construction (the KNIME node
 * builds it at configure time): the {@link RunDynamics} of the run it predicts (the trainer's record, so that both
 * read the same depth, step and start) within the predictor's limits ({@link #requirePredictable}), and its own
 * accuracies. Keys as in {@link PredictSettings}.
 *
 * @param dynamics       depth N ≤ {@link #MAX_DEPTH}, step η and an identity (7) or perturbed (13) start
 * @param epsilon        relative accuracy ε ∈ [1e-12, 1) of docs/design.md §3
 * @param delta          δ &gt; 0 of Theorem 3.5′ (unused when a target accuracy is given)
 * @param targetAccuracy τ &gt; 0: choose ε and δ per rank by (65′) for the plateaus
 * @param horizon        how many iterations the exact recursion runs for {@code k_exact}, ≥ 1
 */
public record PredictConfig(RunDynamics dynamics, double epsilon, double delta, OptionalDouble targetAccuracy,
                            long horizon) implements HasRunDynamics {
    /** The starts the theory predicts from (docs/theory.md §1.4–1.5, {@link Initialization#covered()}). */
    public static final Set<Initialization> INITIALIZATIONS = Set.copyOf(EnumSet.copyOf(
            java.util.Arrays.stream(Initialization.values()).filter(Initialization::covered).toList()));

    /**
     * Largest depth the predictor accepts, below a run's ({@link RunDynamics#MAX_DEPTH}): its closed forms and the
     * exact recursion raise α and λ to the power N, and beyond 100 x^N under- or overflows a double for any sensible
     * α and λ.
     */
    public static final int MAX_DEPTH = 100;
    /** Smallest relative accuracy: 1e-12 leaves four digits above double rounding (1e-16) for |σ − limit|. */
    public static final double MIN_EPSILON = 1e-12;
    /** Largest horizon (10¹⁰ iterations take minutes per eigenvalue). */
    public static final long MAX_HORIZON = 10_000_000_000L;

    public PredictConfig {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(targetAccuracy, "targetAccuracy");
        requirePredictable(dynamics.depth(), dynamics.init());
        if (!(epsilon > 0) || !(epsilon < 1)) {
            throw new InvalidInputException(PredictSettings.EPSILON, "must be a relative accuracy strictly between 0 "
                    + "and 1, got " + epsilon);
        }
        if (epsilon < MIN_EPSILON) {
            throw new InvalidInputException(PredictSettings.EPSILON, epsilon + " is below " + MIN_EPSILON
                    + ": double precision cannot resolve the product's eigenvalue that finely; use a larger epsilon");
        }
        if (targetAccuracy.isPresent()) {
            double tau = targetAccuracy.getAsDouble();
            Checks.positive(PredictSettings.TARGET_ACCURACY, tau, "the effective-rank accuracy τ", "e.g. "
                    + PredictSettings.TARGET_ACCURACY + "=0.01");
        } else {
            Checks.positive(PredictSettings.DELTA, delta, "the tail tolerance δ of Theorem 3.5′", "e.g. "
                    + PredictSettings.DELTA + "=0.005");
        }
        if (horizon < 1 || horizon > MAX_HORIZON) {
            throw new InvalidInputException(PredictSettings.HORIZON, "must be between 1 and " + MAX_HORIZON
                    + " iterations, got " + horizon);
        }
    }

    /**
     * The predictor's narrowing of a run's dynamics, stated once (the settings' range, this record and the parser read
     * it): depth at most {@link #MAX_DEPTH}, and an identity or perturbed start ({@link #INITIALIZATIONS}).
     */
    public static void requirePredictable(int depth, Initialization init) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new InvalidInputException(PredictSettings.DEPTH, "must be a whole number from 1 to " + MAX_DEPTH
                    + ", got " + depth + " (beyond it x^N under- or overflows a double)");
        }
        if (!INITIALIZATIONS.contains(init)) {
            throw new InvalidInputException(PredictSettings.INIT, init.key() + " starts have no theory to predict "
                    + "from (docs/theory.md covers identity and perturbed starts; §1.6 describes Gaussian ones only "
                    + "experimentally); use identity or perturbed, or run the trainer to see what happens");
        }
    }

    /** β of a perturbed start; empty for an identity start. */
    public OptionalDouble beta() {
        return dynamics.beta();
    }

    /** The start of the perturbed factor: β for a perturbed start, α otherwise. */
    public double perturbedStart() {
        return beta().orElse(alpha());
    }
}
