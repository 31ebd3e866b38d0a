package org.dmflab.core.settings;

import java.util.List;
import org.dmflab.core.model.Initialization;
import org.dmflab.core.model.RunDynamics;
import org.dmflab.core.settings.Setting.Choice;

/**
 * The settings of the run dynamics ({@link RunDynamics}) both the Deep Factorization Trainer and the Theoretical Bound
 * Predictor read: depth N, step η and the start with its scales (docs/theory.md §1.4–1.6), declared once so that a new
 * predictor predicts exactly the run a new trainer makes and both front ends show the same labels, ranges and defaults.
 */
public final class RunSettings {
    public static final String DEPTH = RunDynamics.DEPTH;
    public static final String STEP = RunDynamics.STEP;
    public static final String INIT = Initialization.KEY;
    public static final String ALPHA = RunDynamics.ALPHA;
    public static final String BETA = RunDynamics.BETA;

    public static final int DEFAULT_DEPTH = 3;
    public static final double DEFAULT_STEP = 0.01;
    public static final double DEFAULT_ALPHA = 0.02;
    /** Largest depth the trainer runs ({@link RunDynamics#MAX_DEPTH}, which says why). */
    public static final int MAX_DEPTH = RunDynamics.MAX_DEPTH;

    /** Number of factors N. */
    public static final Setting DEPTH_SETTING = Setting.whole(DEPTH, "Depth N", DEFAULT_DEPTH, 1, MAX_DEPTH,
            "1 … " + MAX_DEPTH).help("Number of factors N of W = W_N ⋯ W₁.");
    /** Step size η. */
    public static final Setting STEP_SETTING = Setting.number(STEP, "Step size η", DEFAULT_STEP, Double.MIN_VALUE,
            Double.MAX_VALUE, "> 0").help("Step size η of gradient descent; a step too large for the target gives a "
            + "warning.");
    /** The start. */
    public static final Setting INIT_SETTING = Setting.choice(INIT, "Initialization", List.of(
            new Choice(Initialization.IDENTITY.key(), "Identity start: every factor αI"),
            new Choice(Initialization.PERTURBED.key(), "Perturbed start: W₁ = βI, the others αI"),
            new Choice(Initialization.GAUSSIAN.key(), "Gaussian start: random entries N(0, σ²)")))
            .help("How the factors start: all αI, the first βI and the others αI, or random Gaussian entries.");
    /** The scale α of the identity and perturbed starts. */
    public static final Setting ALPHA_SETTING = Setting.number(ALPHA, "Scale α", DEFAULT_ALPHA, Double.MIN_VALUE,
            Double.MAX_VALUE, "> 0").help("Initialization scale α: every factor starts at αI.")
            .readWhen(INIT, Initialization.IDENTITY.key(), Initialization.PERTURBED.key());
    /** The scale β of the perturbed factor. */
    public static final Setting BETA_SETTING = Setting.number(BETA, "Perturbed factor β", DEFAULT_ALPHA / 2,
            Double.MIN_VALUE, Double.MAX_VALUE, "0 < β < α").derived("α/2")
            .help("Perturbed start: W₁ starts at βI with 0 < β < α; empty means α/2.")
            .readWhen(INIT, Initialization.PERTURBED.key());

    /** The five declarations, in the order of docs/design.md §3. */
    public static final List<Setting> SETTINGS = List.of(DEPTH_SETTING, STEP_SETTING, INIT_SETTING, ALPHA_SETTING,
            BETA_SETTING);

    private RunSettings() {
    }
}
