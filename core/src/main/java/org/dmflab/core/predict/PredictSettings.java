package org.dmflab.core.predict;

import java.util.List;
import java.util.OptionalDouble;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.dynamics.RunDynamics;
import org.dmflab.core.dynamics.Start;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.dynamics.RunSettings;
import org.dmflab.core.settings.Setting;

/**
 * The Theoretical Bound Predictor's settings, declared once (docs/design.md §3; KNIME settings keys = {@code dmflab
 * predict} options), and their one parser into a {@link PredictConfig}. The run dynamics (depth, step, start, α, β) are
 * the trainer's {@link RunSettings} with the same defaults, so that the prediction is about the run a trainer with the
 * same settings makes; only the depth is narrowed and Gaussian starts are left out ({@link
 * PredictConfig#requirePredictable}).
 * {@code delta} defaults to 0.005 unless {@code target-accuracy} is given; {@code beta} is read for perturbed starts
 * only.
 */
public final class PredictSettings {
    public static final String DEPTH = RunSettings.DEPTH;
    public static final String STEP = RunSettings.STEP;
    public static final String INIT = RunSettings.INIT;
    public static final String ALPHA = RunSettings.ALPHA;
    public static final String BETA = RunSettings.BETA;
    public static final String EPSILON = "epsilon";
    public static final String DELTA = "delta";
    public static final String TARGET_ACCURACY = "target-accuracy";
    public static final String HORIZON = "horizon";

    public static final double DEFAULT_EPSILON = org.dmflab.core.model.Accuracy.DEFAULT_EPSILON;
    public static final double DEFAULT_DELTA = org.dmflab.core.model.Accuracy.DEFAULT_DELTA;
    public static final long DEFAULT_HORIZON = 10_000_000L;

    /** Every setting of the predictor, declared once, in the order of docs/design.md §3. */
    public static final List<Setting> SETTINGS = List.of(
            RunSettings.DEPTH_SETTING.range(1, PredictConfig.MAX_DEPTH, "1 … " + PredictConfig.MAX_DEPTH
                    + " (beyond it x^N under- or overflows)"),
            RunSettings.STEP_SETTING,
            RunSettings.INIT_SETTING.onlyChoices(PredictConfig.INITIALIZATIONS.stream().map(Initialization::key)
                    .collect(java.util.stream.Collectors.toSet())),
            RunSettings.ALPHA_SETTING,
            RunSettings.BETA_SETTING,
            Setting.number(EPSILON, "Relative accuracy ε", DEFAULT_EPSILON, PredictConfig.MIN_EPSILON, 1,
                    PredictConfig.MIN_EPSILON + " ≤ ε < 1")
                    .help("How close to its limit an eigenvalue must come to count as reached."),
            Setting.number(DELTA, "Tail level δ", DEFAULT_DELTA, Double.MIN_VALUE, Double.MAX_VALUE, "> 0")
                    .derived(Double.toString(DEFAULT_DELTA))
                    .help("How small, relative to the largest eigenvalue, the not-yet-learned eigenvalues must "
                            + "still be on a plateau. Give δ or a target accuracy τ, not both."),
            Setting.number(TARGET_ACCURACY, "Target accuracy τ", 0.05, Double.MIN_VALUE, Double.MAX_VALUE, "> 0")
                    .derived("none: the plateaus use ε and δ")
                    .help("Effective-rank accuracy τ: chooses ε and δ for each plateau instead of the values above."),
            Setting.whole(HORIZON, "Horizon (iterations)", DEFAULT_HORIZON, 1, PredictConfig.MAX_HORIZON,
                    "1 … " + PredictConfig.MAX_HORIZON)
                    .help("How many iterations the exact recursion runs to find each eigenvalue's hitting "
                            + "iteration."));

    /** Every key, in the order of docs/design.md §3. */
    public static final List<String> KEYS = Setting.keys(SETTINGS);

    private PredictSettings() {
    }

    /** Parses and validates the settings; every problem is an {@link InvalidInputException} naming its key. */
    public static PredictConfig parse(RawSettings settings) {
        int depth = settings.integer(DEPTH, RunSettings.DEFAULT_DEPTH);
        double step = settings.number(STEP, RunSettings.DEFAULT_STEP);
        Initialization init = Initialization.parse(settings.text(INIT).orElse(null));
        PredictConfig.requirePredictable(depth, init);
        Start start = init.start(settings);
        double epsilon = settings.number(EPSILON, DEFAULT_EPSILON);
        OptionalDouble targetAccuracy = settings.text(TARGET_ACCURACY).isPresent()
                ? OptionalDouble.of(settings.number(TARGET_ACCURACY, Double.NaN)) : OptionalDouble.empty();
        if (targetAccuracy.isPresent() && settings.text(DELTA).isPresent()) {
            throw new InvalidInputException(TARGET_ACCURACY, "given together with delta; give either delta (with "
                    + "epsilon) or target-accuracy, which chooses ε and δ per rank by (65′)");
        }
        double delta = settings.number(DELTA, DEFAULT_DELTA);
        long horizon = settings.optionalLong(HORIZON).orElse(DEFAULT_HORIZON);
        return new PredictConfig(new RunDynamics(depth, step, start), epsilon, delta, targetAccuracy, horizon);
    }
}
