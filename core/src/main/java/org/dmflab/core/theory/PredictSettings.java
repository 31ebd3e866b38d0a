package org.dmflab.core.theory;

import java.util.List;
import java.util.OptionalDouble;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.model.Initialization;

/**
 * The Theoretical Bound Predictor's settings keys (docs/design.md §3; KNIME settings keys = {@code dmflab predict} options)
 * and their one parser into a {@link PredictConfig}. {@code depth}, {@code step} and {@code alpha} are required;
 * {@code init} defaults to identity, {@code epsilon} to 0.01, {@code delta} to 0.005 (unless {@code target-accuracy} is
 * given), {@code horizon} to 10⁷; {@code beta} is read for perturbed starts only.
 */
public final class PredictSettings {
    public static final String DEPTH = "depth";
    public static final String STEP = "step";
    public static final String INIT = Initialization.KEY;
    public static final String ALPHA = "alpha";
    public static final String BETA = "beta";
    public static final String EPSILON = "epsilon";
    public static final String DELTA = "delta";
    public static final String TARGET_ACCURACY = "target-accuracy";
    public static final String HORIZON = "horizon";

    /** Every key, in the order of docs/design.md §3. */
    public static final List<String> KEYS =
            List.of(DEPTH, STEP, INIT, ALPHA, BETA, EPSILON, DELTA, TARGET_ACCURACY, HORIZON);

    public static final double DEFAULT_EPSILON = 0.01;
    public static final double DEFAULT_DELTA = 0.005;
    public static final long DEFAULT_HORIZON = 10_000_000L;

    private PredictSettings() {
    }

    /** Parses and validates the settings; every problem is an {@link InvalidInputException} naming its key. */
    public static PredictConfig parse(RawSettings settings) {
        int depth = settings.integer(DEPTH, 0);
        if (settings.text(DEPTH).isEmpty()) {
            throw new InvalidInputException(DEPTH, "missing; give the number of factors N (a whole number ≥ 1, e.g. 3)");
        }
        double step = required(settings, STEP, "the step size η (e.g. 0.01)");
        Initialization init = Initialization.parse(settings.text(INIT).orElse(null));
        double alpha = required(settings, ALPHA, "the initialization scale α (e.g. 0.02)");
        OptionalDouble beta = OptionalDouble.empty();
        if (init == Initialization.PERTURBED) {
            beta = OptionalDouble.of(required(settings, BETA,
                    "the perturbed factor's scale β with 0 < β < α (init=perturbed, docs/theory.md §1.5)"));
        }
        double epsilon = settings.number(EPSILON, DEFAULT_EPSILON);
        OptionalDouble targetAccuracy = settings.text(TARGET_ACCURACY).isPresent()
                ? OptionalDouble.of(settings.number(TARGET_ACCURACY, Double.NaN)) : OptionalDouble.empty();
        if (targetAccuracy.isPresent() && settings.text(DELTA).isPresent()) {
            throw new InvalidInputException(TARGET_ACCURACY, "given together with delta; give either delta (with "
                    + "epsilon) or target-accuracy, which chooses ε and δ per rank by (65′)");
        }
        double delta = settings.number(DELTA, DEFAULT_DELTA);
        long horizon = settings.optionalLong(HORIZON).orElse(DEFAULT_HORIZON);
        return new PredictConfig(depth, step, init, alpha, beta, epsilon, delta, targetAccuracy, horizon);
    }

    private static double required(RawSettings settings, String key, String what) {
        if (settings.text(key).isEmpty()) {
            throw new InvalidInputException(key, "missing; give " + what);
        }
        return settings.number(key, Double.NaN);
    }
}
