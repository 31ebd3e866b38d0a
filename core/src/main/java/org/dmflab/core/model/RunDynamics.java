package org.dmflab.core.model;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.dmflab.core.Checks;
import org.dmflab.core.InvalidInputException;

/**
 * The dynamics of one gradient-descent run, the part the Deep Factorization Trainer runs and the Theoretical Bound
 * Predictor predicts (docs/theory.md §1.3–1.6): depth N, step size η and the start with its own scales. One record,
 * composed by both stages' configurations, so that a prediction is about exactly the run a trainer makes; each rule
 * is checked here once. The predictor narrows it (a smaller depth, no Gaussian start) in its own configuration.
 *
 * @param depth N ≥ 1 factors, at most {@link #MAX_DEPTH}
 * @param step  step size η &gt; 0 of gradient descent (6); for the flow, the time between iterations t = ηk
 * @param start how the factors start, with the scales that start reads
 */
public record RunDynamics(int depth, double step, Start start) {
    public static final String DEPTH = "depth";
    public static final String STEP = "step";
    public static final String ALPHA = "alpha";
    public static final String BETA = "beta";
    public static final String SIGMA = "sigma";
    public static final String SEED = "seed";

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

    /** α of an identity or perturbed start; NaN for a Gaussian start, which has none. */
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

    /**
     * How the factors start (docs/theory.md §1.4–1.6), each kind with exactly the scales it reads, validated on
     * construction.
     */
    public sealed interface Start permits Identity, Perturbed, Gaussian {
        /** The kind of start. */
        Initialization init();

        /**
         * The start of the kind {@code init} from the settings' scales, reading only those the kind uses: α for the
         * identity start, α and β for the perturbed one, σ and the seed (required) for the Gaussian one.
         */
        static Start of(Initialization init, double alpha, double beta, double sigma, OptionalLong seed) {
            return switch (init) {
                case IDENTITY -> new Identity(alpha);
                case PERTURBED -> new Perturbed(alpha, beta);
                case GAUSSIAN -> {
                    if (seed.isEmpty()) {
                        throw new InvalidInputException(SEED, "the Gaussian start is random and needs a seed, so that "
                                + "the same settings always give the same run; set a seed (any whole number)");
                    }
                    yield new Gaussian(sigma, seed.getAsLong());
                }
            };
        }
    }

    /** Every factor starts at αI (7). */
    public record Identity(double alpha) implements Start {
        public Identity {
            requireScale(alpha);
        }

        @Override
        public Initialization init() {
            return Initialization.IDENTITY;
        }
    }

    /** The first factor starts at βI, the others at αI, 0 &lt; β &lt; α (13). */
    public record Perturbed(double alpha, double beta) implements Start {
        public Perturbed {
            requireScale(alpha);
            if (!(beta > 0) || !(beta < alpha)) {
                throw new InvalidInputException(BETA, "must satisfy 0 < β < α = " + alpha + ", got " + beta
                        + " (docs/theory.md §1.5: the perturbed factor starts below the others); e.g. beta=" + alpha / 2);
            }
        }

        @Override
        public Initialization init() {
            return Initialization.PERTURBED;
        }
    }

    /** Every entry of every factor is drawn from N(0, σ²) by a generator seeded with {@code seed} (§1.6). */
    public record Gaussian(double sigma, long seed) implements Start {
        public Gaussian {
            Checks.positive(SIGMA, sigma, "the Gaussian start's standard deviation σ", "e.g. sigma=0.01");
        }

        @Override
        public Initialization init() {
            return Initialization.GAUSSIAN;
        }
    }

    private static void requireScale(double alpha) {
        Checks.positive(ALPHA, alpha, "the initialization scale α", "e.g. alpha=0.02");
    }
}
