package org.dmflab.core.train;

import org.dmflab.core.loss.LossKind;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.dynamics.DeterminantSign;
import org.dmflab.core.dynamics.Gaussian;
import org.dmflab.core.dynamics.HasRunDynamics;
import org.dmflab.core.dynamics.Identity;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.dynamics.RunDynamics;
import org.dmflab.core.dynamics.Start;

/**
 * Everything the Deep Factorization Trainer needs apart from the target, validated on construction (the KNIME node
 * builds it at configure time): the run's {@link RunDynamics} (depth, step, start; shared with the predictor) and the
 * trainer's own settings. Build it with {@link #builder()} (named arguments). Checks that need the target (symmetry,
 * sizes, measurements) live in {@link Trainer#plan}; the solver rule they share with this record is stated once, in
 * {@link #decoupledObstacle}.
 *
 * @param dynamics   depth N, step η and the start (identity α, perturbed α and β, Gaussian σ, seed and determinant
 *                   sign)
 * @param iterations the iteration budget, ≥ 1
 * @param tolerance  stop as soon as the loss is ≤ this (0: run the whole budget)
 * @param record     which iterations the trace keeps
 * @param solver     requested solver; {@code auto} picks spectral where it is exact, matrix otherwise
 * @param loss       full observation, matrix sensing or matrix completion
 * @param width      inner width of the factors (empty: the target's column count)
 * @param stopAt     stop while the product is effectively of rank R ({@link StopAt#NONE}: run the budget)
 */
public record TrainConfig(RunDynamics dynamics, long iterations, double tolerance, RecordSchedule record,
                          SolverKind solver, LossKind loss, OptionalInt width, StopAt stopAt)
        implements HasRunDynamics {

    /** Largest depth ({@link RunDynamics#MAX_DEPTH}). */
    public static final int MAX_DEPTH = RunDynamics.MAX_DEPTH;

    public TrainConfig {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(solver, "solver");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(stopAt, "stopAt");
        if (iterations < 1) {
            throw new InvalidInputException(TrainSettings.ITERATIONS, "must be at least 1, got " + iterations
                    + "; e.g. iterations=10000");
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new InvalidInputException(TrainSettings.TOLERANCE, "must be 0 (run all iterations) or a positive "
                    + "loss, got " + tolerance);
        }
        if (width.isPresent() && width.getAsInt() < 1) {
            throw new InvalidInputException(TrainSettings.WIDTH, "must be a positive inner width (or empty or 0 for the "
                    + "target's column count), got " + width.getAsInt());
        }
        if (solver == SolverKind.SPECTRAL || solver == SolverKind.FLOW) {
            decoupledObstacle(dynamics.init(), loss, null).ifPresent(reason -> {
                throw notExact(solver, reason);
            });
        }
    }

    /** β of a perturbed start; α/2 otherwise (what a perturbed start with this α would take). */
    public double beta() {
        return dynamics.beta().orElse(alpha() / 2);
    }

    /** σ of a Gaussian start; NaN for the others. */
    public double sigma() {
        return dynamics.start() instanceof Gaussian gaussian ? gaussian.sigma() : Double.NaN;
    }

    /** The sign of det W(0) a Gaussian start is conditioned on; any for the others, which are not random. */
    public DeterminantSign determinant() {
        return dynamics.start() instanceof Gaussian gaussian ? gaussian.determinant() : DeterminantSign.ANY;
    }

    /** The seed of a Gaussian start; empty for the others, which are not random. */
    public OptionalLong seed() {
        return dynamics.start() instanceof Gaussian gaussian ? OptionalLong.of(gaussian.seed())
                : OptionalLong.empty();
    }

    /** A builder starting from the defaults of {@link TrainSettings}; every argument is named. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The one rule for the decoupled solvers (spectral, flow; design.md §5): they are exact only for a symmetric target
     * with an identity or perturbed start, the full loss and the default width. Returns why not, or empty.
     *
     * @param targetObstacle what about the target rules them out (not symmetric, another width), or null when the
     *                       target fits or is not known yet (configure time)
     */
    static Optional<String> decoupledObstacle(Initialization init, LossKind loss, String targetObstacle) {
        if (!init.covered()) {
            return Optional.of("init=" + init.key());
        }
        if (loss != LossKind.FULL) {
            return Optional.of("loss=" + loss.key());
        }
        return Optional.ofNullable(targetObstacle);
    }

    /** The refusal of an explicitly requested decoupled solver, one message wherever the rule fails. */
    static InvalidInputException notExact(SolverKind solver, String reason) {
        return new InvalidInputException(TrainSettings.SOLVER, "solver=" + solver.key() + " is exact only for a "
                + "symmetric target with an identity or perturbed start, the full loss and the default width, not with "
                + reason + "; use solver=matrix (or auto)");
    }

    /**
     * Named construction of a {@link TrainConfig}, so that η, the tolerance and the budget cannot be swapped silently
     * (the start carries its own named scales). Starts from the defaults of {@link TrainSettings} (an identity start
     * with the default α). {@link #build()} validates.
     */
    public static final class Builder {
        private int depth = TrainSettings.DEFAULT_DEPTH;
        private double step = TrainSettings.DEFAULT_STEP;
        private Start start = new Identity(TrainSettings.DEFAULT_ALPHA);
        private long iterations = TrainSettings.DEFAULT_ITERATIONS;
        private double tolerance = TrainSettings.DEFAULT_TOLERANCE;
        private RecordSchedule record = RecordSchedule.DEFAULT;
        private SolverKind solver = SolverKind.AUTO;
        private LossKind loss = LossKind.FULL;
        private OptionalInt width = OptionalInt.empty();
        private StopAt stopAt = StopAt.NONE;

        private Builder() {
        }

        public Builder depth(int depth) {
            this.depth = depth;
            return this;
        }

        public Builder step(double step) {
            this.step = step;
            return this;
        }

        /** How the factors start, with its scales (validated on its construction). */
        public Builder start(Start start) {
            this.start = start;
            return this;
        }

        public Builder iterations(long iterations) {
            this.iterations = iterations;
            return this;
        }

        public Builder tolerance(double tolerance) {
            this.tolerance = tolerance;
            return this;
        }

        public Builder record(RecordSchedule record) {
            this.record = record;
            return this;
        }

        public Builder solver(SolverKind solver) {
            this.solver = solver;
            return this;
        }

        public Builder loss(LossKind loss) {
            this.loss = loss;
            return this;
        }

        /** The inner width; empty for the target's column count. */
        public Builder width(OptionalInt width) {
            this.width = width;
            return this;
        }

        /** Stop while the product is effectively of rank R ({@link StopAt#NONE}: run the budget). */
        public Builder stopAt(StopAt stopAt) {
            this.stopAt = stopAt;
            return this;
        }

        /** The validated configuration (the record's checks, each rule stated once). */
        public TrainConfig build() {
            return new TrainConfig(new RunDynamics(depth, step, start), iterations, tolerance, record, solver, loss,
                    width, stopAt);
        }
    }
}
