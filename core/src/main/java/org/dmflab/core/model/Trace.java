package org.dmflab.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The record of a gradient-descent run: one point per recorded iteration, ascending, with the columns of the trace table
 * (docs/design.md §2; {@code table.TraceTables} converts it to and from that table). {@code lambda} holds vᵢᵀ W vᵢ along the target's eigenvectors (symmetric targets; empty rows
 * otherwise), {@code sigma} the singular values of W, descending. Its table has {@code lambda_1 … lambda_n} and
 * {@code sigma_1 … sigma_n} ({@link #width()}, the target's n columns) whatever the target's rows and symmetry, so that
 * its columns are known before the run (a KNIME node's configure); cells without a value are missing.
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
    private final int width;

    private Trace(Builder builder) {
        width = builder.width;
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
        }
    }

    /** Starts a trace with {@code eigenCount} lambda values (0 for non-symmetric targets) and {@code sigmaCount} sigmas. */
    public static Builder builder(int eigenCount, int sigmaCount) {
        return builder(eigenCount, sigmaCount, Math.max(eigenCount, sigmaCount));
    }

    /**
     * Starts a trace whose table has {@code width} lambda and sigma columns (the target's columns n), of which the
     * first {@code eigenCount} and {@code sigmaCount} hold values.
     */
    public static Builder builder(int eigenCount, int sigmaCount, int width) {
        if (eigenCount > width || sigmaCount > width) {
            throw new IllegalArgumentException("width " + width + " is less than " + eigenCount + " lambdas or "
                    + sigmaCount + " sigmas");
        }
        return new Builder(eigenCount, sigmaCount, width);
    }

    /** The number of lambda and of sigma columns of the trace table (the target's columns). */
    public int width() {
        return width;
    }

    public int size() {
        return iterations.length;
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
        private final List<Long> iterations = new ArrayList<>();
        private final List<double[]> scalars = new ArrayList<>();
        private final List<double[]> lambdas = new ArrayList<>();
        private final List<double[]> sigmas = new ArrayList<>();

        private final int width;

        private Builder(int eigenCount, int sigmaCount, int width) {
            this.eigenCount = eigenCount;
            this.sigmaCount = sigmaCount;
            this.width = width;
        }

        /** Records one point; the arrays are copied. */
        public Builder add(long iteration, double time, double loss, double errorFro, double errorOp,
                           double effectiveRank, double stableRank, double[] lambda, double[] sigma) {
            if (lambda.length != eigenCount || sigma.length != sigmaCount) {
                throw new IllegalArgumentException("expected " + eigenCount + " lambdas and " + sigmaCount
                        + " sigmas, got " + lambda.length + " and " + sigma.length);
            }
            if (!iterations.isEmpty() && iteration <= iterations.get(iterations.size() - 1)) {
                throw new IllegalArgumentException("iterations must increase: " + iteration + " after "
                        + iterations.get(iterations.size() - 1));
            }
            iterations.add(iteration);
            scalars.add(new double[]{time, loss, errorFro, errorOp, effectiveRank, stableRank});
            lambdas.add(lambda.clone());
            sigmas.add(sigma.clone());
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
                + iterations[size() - 1]) + ", " + eigenCount() + " lambdas, " + sigmaCount() + " sigmas]";
    }
}
