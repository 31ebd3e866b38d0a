package org.dmflab.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The record of a gradient-descent run: one point per recorded iteration, ascending, with the columns of the trace table
 * (docs/design.md §2; {@code table.TraceTables} converts it to and from that table). {@code lambda} holds vᵢᵀ W vᵢ along the target's eigenvectors (symmetric targets; empty rows
 * otherwise), {@code sigma} the singular values of W, descending. {@code init} says how the factors started (the trace
 * table's {@code init} column); it decides which plateau levels the run can show ({@link PlateauLevels}) and is empty
 * only for traces written before the column existed. A completion trace ({@link #completion()}) also has the error on
 * the unobserved entries and the relative error; its error columns are NaN where the full target is unknown.
 */
public final class Trace {
    private final long[] iterations;
    private final double[] time;
    private final double[] loss;
    private final double[] errorFro;
    private final double[] errorOp;
    private final double[] effectiveRank;
    private final double[] stableRank;
    private final double[][] lambda;
    private final double[][] sigma;
    private final boolean completion;
    private final double[] errorUnobserved;
    private final double[] relativeError;
    private final Optional<Initialization> init;

    private Trace(Builder builder) {
        init = Optional.ofNullable(builder.init);
        int size = builder.iterations.size();
        iterations = new long[size];
        time = new double[size];
        loss = new double[size];
        errorFro = new double[size];
        errorOp = new double[size];
        effectiveRank = new double[size];
        stableRank = new double[size];
        lambda = new double[size][];
        sigma = new double[size][];
        completion = builder.completion;
        errorUnobserved = new double[size];
        relativeError = new double[size];
        for (int k = 0; k < size; k++) {
            double[] scalars = builder.scalars.get(k);
            iterations[k] = builder.iterations.get(k);
            time[k] = scalars[0];
            loss[k] = scalars[1];
            errorFro[k] = scalars[2];
            errorOp[k] = scalars[3];
            effectiveRank[k] = scalars[4];
            stableRank[k] = scalars[5];
            lambda[k] = builder.lambdas.get(k);
            sigma[k] = builder.sigmas.get(k);
            errorUnobserved[k] = scalars[6];
            relativeError[k] = scalars[7];
        }
    }

    /** Starts a trace with {@code eigenCount} lambda columns (0 for non-symmetric targets) and {@code sigmaCount} sigma columns. */
    public static Builder builder(int eigenCount, int sigmaCount) {
        return new Builder(eigenCount, sigmaCount, false);
    }

    /** Starts a trace; {@code completion} adds the columns of a matrix-completion run (docs/design.md §2). */
    public static Builder builder(int eigenCount, int sigmaCount, boolean completion) {
        return new Builder(eigenCount, sigmaCount, completion);
    }

    /** Whether this is the trace of a completion run, with the columns error_unobserved and relative_error. */
    public boolean completion() {
        return completion;
    }

    /** Completion: ‖W − Φ‖_F over the unobserved entries (NaN when Φ is unknown or this is no completion trace). */
    public double errorUnobserved(int point) {
        return errorUnobserved[point];
    }

    /** Completion: ‖W − Φ‖_F / ‖Φ‖_F (NaN when Φ is unknown or this is no completion trace). */
    public double relativeError(int point) {
        return relativeError[point];
    }

    public int size() {
        return iterations.length;
    }

    /** How the factors started, if the trace says so. */
    public Optional<Initialization> init() {
        return init;
    }

    public int eigenCount() {
        return lambda.length == 0 ? 0 : lambda[0].length;
    }

    public int sigmaCount() {
        return sigma.length == 0 ? 0 : sigma[0].length;
    }

    public long iteration(int point) {
        return iterations[point];
    }

    public double time(int point) {
        return time[point];
    }

    public double loss(int point) {
        return loss[point];
    }

    public double errorFro(int point) {
        return errorFro[point];
    }

    public double errorOp(int point) {
        return errorOp[point];
    }

    public double effectiveRank(int point) {
        return effectiveRank[point];
    }

    public double stableRank(int point) {
        return stableRank[point];
    }

    /** vᵢᵀ W vᵢ at a recorded point, i 0-based. */
    public double lambda(int point, int i) {
        return lambda[point][i];
    }

    /** σᵢ(W) at a recorded point, i 0-based. */
    public double sigma(int point, int i) {
        return sigma[point][i];
    }

    /** A copy of the recorded iterations. */
    public long[] iterations() {
        return iterations.clone();
    }

    /** The singular values at a recorded point (copy). */
    public double[] sigmas(int point) {
        return sigma[point].clone();
    }

    /** The eigenvalue coordinates at a recorded point (copy). */
    public double[] lambdas(int point) {
        return lambda[point].clone();
    }

    /** Collects recorded points in ascending iteration order. */
    public static final class Builder {
        private final int eigenCount;
        private final int sigmaCount;
        private final boolean completion;
        private final List<Long> iterations = new ArrayList<>();
        private final List<double[]> scalars = new ArrayList<>();
        private final List<double[]> lambdas = new ArrayList<>();
        private final List<double[]> sigmas = new ArrayList<>();
        private Initialization init;

        private Builder(int eigenCount, int sigmaCount, boolean completion) {
            this.eigenCount = eigenCount;
            this.sigmaCount = sigmaCount;
            this.completion = completion;
        }

        /** Records one point; the arrays are copied. */
        public Builder add(long iteration, double time, double loss, double errorFro, double errorOp,
                           double effectiveRank, double stableRank, double[] lambda, double[] sigma) {
            return add(iteration, time, loss, errorFro, errorOp, effectiveRank, stableRank, lambda, sigma, Double.NaN,
                    Double.NaN);
        }

        /** Records one point with the completion columns (NaN where unknown); the arrays are copied. */
        public Builder add(long iteration, double time, double loss, double errorFro, double errorOp,
                           double effectiveRank, double stableRank, double[] lambda, double[] sigma,
                           double errorUnobserved, double relativeError) {
            if (lambda.length != eigenCount || sigma.length != sigmaCount) {
                throw new IllegalArgumentException("expected " + eigenCount + " lambdas and " + sigmaCount
                        + " sigmas, got " + lambda.length + " and " + sigma.length);
            }
            if (!iterations.isEmpty() && iteration <= iterations.get(iterations.size() - 1)) {
                throw new IllegalArgumentException("iterations must increase: " + iteration + " after "
                        + iterations.get(iterations.size() - 1));
            }
            iterations.add(iteration);
            scalars.add(new double[]{time, loss, errorFro, errorOp, effectiveRank, stableRank, errorUnobserved,
                    relativeError});
            lambdas.add(lambda.clone());
            sigmas.add(sigma.clone());
            return this;
        }

        /** Records how the factors started (the {@code init} column). */
        public Builder init(Initialization start) {
            this.init = start;
            return this;
        }

        /** The number of points recorded so far. */
        public int size() {
            return iterations.size();
        }

        public Trace build() {
            return new Trace(this);
        }
    }

    @Override
    public String toString() {
        return "Trace[" + size() + " points, iterations " + (size() == 0 ? "-" : iterations[0] + "…"
                + iterations[size() - 1]) + ", " + eigenCount() + " lambdas, " + sigmaCount() + " sigmas"
                + init.map(start -> ", init " + start.key()).orElse("") + "]";
    }
}
