package org.dmflab.core.dynamics;

import java.util.Objects;
import java.util.OptionalDouble;
import org.dmflab.core.Checks;
import org.dmflab.core.InvalidInputException;

/**
 * The dynamics of one gradient-descent run, the part the Deep Factorization Trainer runs and the Theoretical Bound
 * Predictor predicts (docs/theory.md §1.3–1.6): depth N, step size η and the start with its own scales. One record,
 * composed by both stages' configurations, so that a prediction is about exactly the run a trainer makes; each rule
 * is checked here once (the start's in its own record). The predictor narrows it (a smaller depth, only the starts the
 * theory covers, {@link Initialization#covered()}) in its own configuration.
 *
 * @param depth N ≥ 1 factors, at most {@link #MAX_DEPTH}
 * @param step  step size η &gt; 0 of gradient descent (6); for the flow, the time between iterations t = ηk
 * @param start how the factors start, with the scales that start reads
 */
public record RunDynamics(int depth, double step, Start start) {
    public static final String DEPTH = "depth";
    public static final String STEP = "step";
    public static final String ALPHA = Identity.ALPHA;
    public static final String BETA = Perturbed.BETA;
    public static final String SIGMA = Gaussian.SIGMA;
    public static final String SEED = Gaussian.SEED;

    /** Largest depth a run may have: beyond it the products over- or underflow a double for any useful α. */
    public static final int MAX_DEPTH = 1000;

    public RunDynamics {
        Objects.requireNonNull(start, "start");
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new InvalidInputException(DEPTH, "must be a whole number from 1 to " + MAX_DEPTH + ", got " + depth
                    + "; e.g. depth=3");
        }
        Checks.positive(STEP, step, "the step size η", "e.g. step=0.01");
    }

    /** The kind of start, as the settings and the trace's {@code init} column name it. */
    public Initialization init() {
        return start.init();
    }

    /** α of an identity or perturbed start; NaN for the other starts, which have none. */
    public double alpha() {
        if (start instanceof Identity identity) {
            return identity.alpha();
        }
        return start instanceof Perturbed perturbed ? perturbed.alpha() : Double.NaN;
    }

    /** β of a perturbed start; empty for the others. */
    public OptionalDouble beta() {
        return start instanceof Perturbed perturbed ? OptionalDouble.of(perturbed.beta()) : OptionalDouble.empty();
    }
}
