package org.dmflab.core.train;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.model.Initialization;

/**
 * Everything the Deep Factorization Trainer needs apart from the target, validated on construction (the KNIME node
 * builds it at configure time). Checks that need the target (symmetry, sizes, measurements) live in
 * {@link Trainer#plan}.
 *
 * @param depth      N ≥ 1 factors
 * @param step       step size η &gt; 0 of gradient descent (6); for the flow, the time between iterations t = ηk
 * @param init       identity αI (7), perturbed (W₁ = βI, the others αI, (13)) or Gaussian with standard deviation σ
 * @param alpha      α &gt; 0
 * @param beta       β ∈ (0, α), used by the perturbed start
 * @param sigma      σ &gt; 0, used by the Gaussian start
 * @param seed       seed of the Gaussian start (required for it)
 * @param iterations the iteration budget, ≥ 1
 * @param tolerance  stop as soon as the loss is ≤ this (0: run the whole budget)
 * @param record     which iterations the trace keeps
 * @param solver     requested solver; {@code auto} picks spectral where it is exact, matrix otherwise
 * @param loss       full observation, matrix sensing or matrix completion
 * @param width      inner width of the factors (empty: the target's column count)
 */
public record TrainConfig(int depth, double step, Initialization init, double alpha, double beta, double sigma,
                          OptionalLong seed, long iterations, double tolerance, RecordSchedule record,
                          SolverKind solver, LossKind loss, OptionalInt width) {

    /** Largest depth: beyond this the products over- or underflow for any useful α. */
    public static final int MAX_DEPTH = 1000;

    public TrainConfig {
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(solver, "solver");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(width, "width");
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new InvalidInputException(TrainSettings.DEPTH, "must be a whole number between 1 and " + MAX_DEPTH
                    + ", got " + depth + "; e.g. depth=3");
        }
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new InvalidInputException(TrainSettings.STEP, "must be a positive step size η, got " + step
                    + "; e.g. step=0.01");
        }
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new InvalidInputException(TrainSettings.ALPHA, "must be a positive initialization scale α, got "
                    + alpha + "; e.g. alpha=0.02");
        }
        if (init == Initialization.PERTURBED && !(beta > 0 && beta < alpha)) {
            throw new InvalidInputException(TrainSettings.BETA, "the perturbed start needs 0 < β < α = " + alpha
                    + ", got " + beta + "; e.g. beta=" + alpha / 2);
        }
        if (init == Initialization.GAUSSIAN) {
            if (!(sigma > 0) || !Double.isFinite(sigma)) {
                throw new InvalidInputException(TrainSettings.SIGMA, "the Gaussian start needs a positive standard "
                        + "deviation σ, got " + sigma + "; e.g. sigma=0.01");
            }
            if (seed.isEmpty()) {
                throw new InvalidInputException(TrainSettings.SEED, "the Gaussian start is random and needs a seed, so "
                        + "that the same settings always give the same run; set a seed (any whole number)");
            }
        }
        if (iterations < 1) {
            throw new InvalidInputException(TrainSettings.ITERATIONS, "must be at least 1, got " + iterations
                    + "; e.g. iterations=10000");
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new InvalidInputException(TrainSettings.TOLERANCE, "must be 0 (run all iterations) or a positive "
                    + "loss, got " + tolerance);
        }
        if (width.isPresent() && width.getAsInt() < 1) {
            throw new InvalidInputException(TrainSettings.WIDTH, "must be a positive inner width, got "
                    + width.getAsInt());
        }
        if (solver == SolverKind.SPECTRAL || solver == SolverKind.FLOW) {
            String reason = init == Initialization.GAUSSIAN ? "init=gaussian"
                    : loss != LossKind.FULL ? "loss=" + loss.key() : null;
            if (reason != null) {
                throw new InvalidInputException(TrainSettings.SOLVER, "solver=" + solver.key() + " is exact only for a "
                        + "symmetric target with an identity or perturbed start and the full loss, not with " + reason
                        + "; use solver=matrix (or auto)");
            }
        }
    }
}
