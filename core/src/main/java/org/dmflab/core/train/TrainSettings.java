package org.dmflab.core.train;

import java.util.List;
import java.util.OptionalInt;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.model.Initialization;

/**
 * The Deep Factorization Trainer's settings keys (docs/design.md §3; KNIME settings keys = {@code dmflab train} options) and
 * their one parser into a {@link TrainConfig}. {@code width} (inner width of the factors for m×n targets) is our
 * addition to docs/design.md §3.
 */
public final class TrainSettings {
    public static final String DEPTH = "depth";
    public static final String STEP = "step";
    public static final String INIT = Initialization.KEY;
    public static final String ALPHA = "alpha";
    public static final String BETA = "beta";
    public static final String SIGMA = "sigma";
    public static final String SEED = "seed";
    public static final String ITERATIONS = "iterations";
    public static final String TOLERANCE = "tolerance";
    public static final String RECORD = "record";
    public static final String SOLVER = "solver";
    public static final String LOSS = "loss";
    public static final String WIDTH = "width";

    /** Every key, in the order of docs/design.md §3 ({@code width} last). */
    public static final List<String> KEYS = List.of(DEPTH, STEP, INIT, ALPHA, BETA, SIGMA, SEED, ITERATIONS, TOLERANCE,
            RECORD, SOLVER, LOSS, WIDTH);

    /** Defaults of the optional keys (what an absent or blank value means). */
    public static final int DEFAULT_DEPTH = 3;
    public static final double DEFAULT_STEP = 0.01;
    public static final double DEFAULT_ALPHA = 0.02;
    public static final double DEFAULT_SIGMA = 0.01;
    public static final long DEFAULT_ITERATIONS = 10_000;
    /** 0: never stop early. */
    public static final double DEFAULT_TOLERANCE = 0;
    public static final String DEFAULT_RECORD = "log:400";

    private TrainSettings() {
    }

    /**
     * Parses and validates the settings. Absent keys take their defaults: depth 3, step 0.01, init identity, alpha
     * 0.02, beta alpha/2 (perturbed only), sigma 0.01 (gaussian only), iterations 10000, tolerance 0 (never stop early),
     * record log:400, solver auto, loss full, width = the target's column count.
     */
    public static TrainConfig parse(RawSettings settings) {
        double alpha = settings.number(ALPHA, DEFAULT_ALPHA);
        int width = settings.integer(WIDTH, 0);
        return TrainConfig.builder()
                .depth(settings.integer(DEPTH, DEFAULT_DEPTH))
                .step(settings.number(STEP, DEFAULT_STEP))
                .init(Initialization.parse(settings.text(INIT).orElse(null)))
                .alpha(alpha)
                .beta(settings.number(BETA, alpha / 2))
                .sigma(settings.number(SIGMA, DEFAULT_SIGMA))
                .seed(settings.optionalLong(SEED))
                .iterations(settings.optionalLong(ITERATIONS).orElse(DEFAULT_ITERATIONS))
                .tolerance(settings.number(TOLERANCE, DEFAULT_TOLERANCE))
                .record(RecordSchedule.parse(settings.text(RECORD).orElse(null)))
                .solver(SolverKind.parse(settings.text(SOLVER).orElse(null)))
                .loss(LossKind.parse(settings.text(LOSS).orElse(null)))
                .width(width == 0 ? OptionalInt.empty() : OptionalInt.of(width))
                .build();
    }
}
