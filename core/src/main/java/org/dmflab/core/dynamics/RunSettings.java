package org.dmflab.core.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.settings.Setting;
import org.dmflab.core.settings.Setting.Choice;

/**
 * The settings of the run dynamics ({@link RunDynamics}) both the Deep Factorization Trainer and the Theoretical Bound
 * Predictor read: depth N, step η and the start with its scales (docs/theory.md §1.4–1.6), declared once so that a new
 * predictor predicts exactly the run a new trainer makes and both front ends show the same labels, ranges and defaults.
 * The {@code init} choices and when each scale is read derive from {@link Initialization}.
 */
public final class RunSettings {
    public static final String DEPTH = RunDynamics.DEPTH;
    public static final String STEP = RunDynamics.STEP;
    public static final String INIT = Initialization.KEY;
    public static final String ALPHA = RunDynamics.ALPHA;
    public static final String BETA = RunDynamics.BETA;

    public static final int DEFAULT_DEPTH = 3;
    public static final double DEFAULT_STEP = 0.01;
    public static final double DEFAULT_ALPHA = Identity.DEFAULT_ALPHA;
    /** Largest depth the trainer runs ({@link RunDynamics#MAX_DEPTH}, which says why). */
    public static final int MAX_DEPTH = RunDynamics.MAX_DEPTH;

    /** Number of factors N. */
    public static final Setting DEPTH_SETTING = Setting.whole(DEPTH, "Depth N", DEFAULT_DEPTH, 1, MAX_DEPTH,
            "1 … " + MAX_DEPTH).help("Number of factors N of W = W_N ⋯ W₁.");
    /** Step size η. */
    public static final Setting STEP_SETTING = Setting.number(STEP, "Step size η", DEFAULT_STEP, Double.MIN_VALUE,
            Double.MAX_VALUE, "> 0").help("Step size η of gradient descent; a step too large for the target gives a "
            + "warning.");
    /** The start: one choice per {@link Initialization}. */
    public static final Setting INIT_SETTING = Setting.choice(INIT, "Initialization", Arrays.stream(
                    Initialization.values()).map(kind -> new Choice(kind.key(), kind.label())).toList())
            .help("How the factors start; each start reads only its own scales.");
    /**
     * Every start's settings (its scales, the seed, the Gaussian start's determinant sign), each once in the order of
     * the kinds, each read when {@code init} is one of the kinds reading it (the dialog enables it then).
     */
    public static final List<Setting> START_SETTINGS = Initialization.allSettings().stream()
            .map(setting -> setting.readWhen(INIT, Initialization.readers(setting))).toList();
    /** The scale α of the identity and perturbed starts. */
    public static final Setting ALPHA_SETTING = Setting.find(START_SETTINGS, ALPHA);
    /** The scale β of the perturbed factor. */
    public static final Setting BETA_SETTING = Setting.find(START_SETTINGS, BETA);

    /**
     * The five declarations both trainer and predictor read (the theory's starts need no more), in the order of
     * docs/design.md §3; the trainer passes them on to a predictor downstream.
     */
    public static final List<Setting> SETTINGS = List.of(DEPTH_SETTING, STEP_SETTING, INIT_SETTING, ALPHA_SETTING,
            BETA_SETTING);

    /**
     * The start settings that workflows saved by the first versions lack: every start's setting except α, β, σ and
     * the seed, which those had (so far the Gaussian start's {@code determinant}). A node loads such a workflow with
     * their defaults, which give the run it made then (a new start's settings are read by no start it can choose).
     */
    public static final Set<String> ADDED_LATER = START_SETTINGS.stream().map(Setting::key)
            .filter(key -> !Set.of(ALPHA, BETA, RunDynamics.SIGMA, RunDynamics.SEED).contains(key))
            .collect(Collectors.toUnmodifiableSet());

    /** Depth, step, start and every start's settings: the trainer's run dynamics. */
    public static final List<Setting> ALL_SETTINGS = all();

    private RunSettings() {
    }

    private static List<Setting> all() {
        List<Setting> all = new ArrayList<>(List.of(DEPTH_SETTING, STEP_SETTING, INIT_SETTING));
        all.addAll(START_SETTINGS);
        return List.copyOf(all);
    }

    /** The start the settings ask for ({@code init} and that kind's scales, each with its default when absent). */
    public static Start start(RawSettings settings) {
        return Initialization.parse(settings.text(INIT).orElse(null)).start(settings);
    }
}
