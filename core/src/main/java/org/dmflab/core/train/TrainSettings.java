package org.dmflab.core.train;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.dmflab.core.loss.LossKind;
import org.dmflab.core.dynamics.Gaussian;
import org.dmflab.core.dynamics.RunDynamics;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.dynamics.RunSettings;
import org.dmflab.core.dynamics.Start;
import org.dmflab.core.settings.Setting;
import org.dmflab.core.settings.Setting.Choice;
import org.dmflab.core.settings.TextForm;

/**
 * The Deep Factorization Trainer's settings keys (docs/design.md §3; KNIME settings keys = {@code dmflab train} options) and
 * their one parser into a {@link TrainConfig}. {@code width} (inner width of the factors for m×n targets) is our
 * addition to docs/design.md §3.
 */
public final class TrainSettings {
    public static final String DEPTH = RunSettings.DEPTH;
    public static final String STEP = RunSettings.STEP;
    public static final String INIT = RunSettings.INIT;
    public static final String ALPHA = RunSettings.ALPHA;
    public static final String BETA = RunSettings.BETA;
    public static final String SIGMA = RunDynamics.SIGMA;
    public static final String SEED = RunDynamics.SEED;
    public static final String ITERATIONS = "iterations";
    public static final String TOLERANCE = "tolerance";
    /** Early stopping at a chosen rank: {@code none} or {@code rank:R} ({@link StopAt}). */
    public static final String STOP_AT = org.dmflab.core.theory.RankStopRule.SETTING;
    public static final String RECORD = "record";
    public static final String SOLVER = "solver";
    public static final String LOSS = LossKind.SETTING;
    public static final String WIDTH = "width";
    public static final String DETERMINANT = Gaussian.DETERMINANT;

    /** Defaults of the optional keys (what an absent or blank value means). */
    public static final int DEFAULT_DEPTH = RunSettings.DEFAULT_DEPTH;
    public static final double DEFAULT_STEP = RunSettings.DEFAULT_STEP;
    public static final double DEFAULT_ALPHA = RunSettings.DEFAULT_ALPHA;
    public static final double DEFAULT_SIGMA = Gaussian.DEFAULT_SIGMA;
    public static final long DEFAULT_ITERATIONS = 10_000;
    /** 0: never stop early. */
    public static final double DEFAULT_TOLERANCE = 0;
    public static final String DEFAULT_RECORD = "log:400";

    /**
     * Every setting of the trainer, declared once (docs/design.md §3 order, {@code width} last): the run dynamics of
     * {@link RunSettings} with every start's settings (the Gaussian start's σ, seed and determinant sign), then the
     * budget, the trace and the solver.
     */
    public static final List<Setting> SETTINGS = settings(RunSettings.ALL_SETTINGS,
            Setting.whole(ITERATIONS, "Iterations", DEFAULT_ITERATIONS, 1, Integer.MAX_VALUE, "≥ 1")
                    .help("The most gradient steps to run."),
            Setting.number(TOLERANCE, "Stop when the loss is at most", DEFAULT_TOLERANCE, 0, Double.MAX_VALUE,
                    "≥ 0; 0: never stop early")
                    .help("0 runs the whole budget."),
            Setting.text(STOP_AT, "Stop at rank", StopAt.NONE_TEXT, List.of(
                    TextForm.word(StopAt.NONE_TEXT, "No early stop", StopAt.NONE_TEXT),
                    TextForm.prefixed(StopAt.RANK_KIND, "At rank R", "Rank R")))
                    .help("Denoising: stop while the product is effectively of rank R and return it."),
            Setting.text(RECORD, "Record", DEFAULT_RECORD, List.of(
                    TextForm.prefixed("log", "About P log-spaced iterations", "Points P"),
                    TextForm.prefixed("every", "Every K-th iteration", "Interval K")))
                    .help("Which iterations the trace keeps (always 0 and the last)."),
            Setting.choice(SOLVER, "Solver", List.of(
                    new Choice(SolverKind.AUTO.key(), "Automatic: the exact recursion where it applies"),
                    new Choice(SolverKind.MATRIX.key(), "Gradient descent on the factors"),
                    new Choice(SolverKind.SPECTRAL.key(), "Exact per-eigenvalue recursion"),
                    new Choice(SolverKind.FLOW.key(), "Gradient flow at t = η·k")))
                    .help("The exact recursion and the flow need a symmetric target, an identity or perturbed start "
                            + "and the full loss."),
            Setting.choice(LOSS, "Loss", Arrays.stream(LossKind.values())
                    .map(kind -> new Choice(kind.key(), kind.choice())).toList())
                    .help("What the factorization is fitted to; sensing and completion need the second input."),
            Setting.whole(WIDTH, "Inner width", 0, 0, Integer.MAX_VALUE, "≥ 0; 0: the target's column count")
                    .help("W₁ is width×n, W_N is m×width; 0 takes the target's column count."));

    /** Every key, in the order of docs/design.md §3 ({@code width} last). */
    public static final List<String> KEYS = Setting.keys(SETTINGS);

    private TrainSettings() {
    }

    private static List<Setting> settings(List<Setting> dynamics, Setting... own) {
        List<Setting> all = new java.util.ArrayList<>(dynamics);
        all.addAll(List.of(own));
        return List.copyOf(all);
    }

    /**
     * Parses and validates the settings. Absent keys take their defaults: depth 3, step 0.01, init identity, alpha
     * 0.02, beta alpha/2 (perturbed only), sigma 0.01 (gaussian only), iterations 10000, tolerance 0 (never stop early),
     * record log:400, solver auto, loss full, width = the target's column count, stop-at none, determinant any (gaussian only).
     */
    public static TrainConfig parse(RawSettings settings) {
        Start start = RunSettings.start(settings);
        int width = settings.integer(WIDTH, 0);
        return TrainConfig.builder()
                .depth(settings.integer(DEPTH, DEFAULT_DEPTH))
                .step(settings.number(STEP, DEFAULT_STEP))
                .start(start)
                .iterations(settings.optionalLong(ITERATIONS).orElse(DEFAULT_ITERATIONS))
                .tolerance(settings.number(TOLERANCE, DEFAULT_TOLERANCE))
                .record(RecordSchedule.parse(settings.text(RECORD).orElse(null)))
                .solver(SolverKind.parse(settings.text(SOLVER).orElse(null)))
                .loss(LossKind.parse(settings.text(LOSS).orElse(null)))
                .width(width == 0 ? OptionalInt.empty() : OptionalInt.of(width))
                .stopAt(StopAt.parse(settings.text(STOP_AT).orElse(null)))
                .build();
    }
}
