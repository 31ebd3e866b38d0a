package org.dmflab.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The record of a gradient-descent run: one point per recorded iteration, ascending, with the columns of the trace table
 * (docs/design.md §2; {@code table.TraceTables} converts it to and from that table). {@code lambda} holds vᵢᵀ W vᵢ along the target's eigenvectors (symmetric targets; empty rows
 * otherwise), {@code sigma} the singular values of W, descending. Its table has {@code lambda_1 … lambda_n} and
 * {@code sigma_1 … sigma_n} (n the target's columns: {@link #lambdaColumns()}, {@link #sigmaColumns()}) whatever the
 * target's rows and symmetry, so that its columns are known before the run (a KNIME node's configure); cells without a
 * value are missing.
 * {@code init} says how the factors started (the trace
 * table's {@code init} column); it decides which plateau levels the run can show ({@link PlateauLevels}) and is empty
 * only for traces written before the column existed. Every trace table also has {@code error_unobserved} and
 * {@code relative_error}, with values only for a completion run ({@link #completion()}) whose full target is known;
 * there the error columns are NaN (missing cells) where the full target is unknown.
 */
public final class Trace {
    private final long[] iterations;
    /** values[metric.ordinal()][point]. */
    private final double[][] values;
    private final double[][] lambda;
    private final double[][] sigma;
    private final boolean completion;
    private final int lambdaColumns;
    private final int sigmaColumns;
    private final Optional<Initialization> init;

    private Trace(Builder builder) {
        lambdaColumns = builder.lambdaColumns;
        sigmaColumns = builder.sigmaColumns;
        init = Optional.ofNullable(builder.init);
        completion = builder.completion;
        int size = builder.iterations.size();
        iterations = new long[size];
        values = new double[TraceMetric.values().length][size];
        lambda = new double[size][];
        sigma = new double[size][];
        for (int k = 0; k < size; k++) {
            TracePoint point = builder.points.get(k);
            iterations[k] = builder.iterations.get(k);
            for (TraceMetric metric : TraceMetric.values()) {
                values[metric.ordinal()][k] = point.value(metric);
            }
            lambda[k] = point.lambda();
            sigma[k] = point.sigma();
        }
    }

    /** Starts a trace with {@code eigenCount} lambda and {@code sigmaCount} sigma columns, all with values. */
    public static Builder builder(int eigenCount, int sigmaCount) {
        return builder(eigenCount, sigmaCount, eigenCount, sigmaCount);
    }

    /**
     * Starts a trace whose table has {@code width} lambda and sigma columns (a trained trace: the target's columns n),
     * of which the first {@code eigenCount} and {@code sigmaCount} hold values.
     */
    public static Builder builder(int eigenCount, int sigmaCount, int width) {
        return builder(eigenCount, sigmaCount, width, width);
    }

    /** Starts a trace with the given column counts, of which the first {@code eigenCount}, {@code sigmaCount} hold values. */
    public static Builder builder(int eigenCount, int sigmaCount, int lambdaColumns, int sigmaColumns) {
        if (eigenCount > lambdaColumns || sigmaCount > sigmaColumns) {
            throw new IllegalArgumentException(lambdaColumns + " lambda and " + sigmaColumns + " sigma columns cannot "
                    + "hold " + eigenCount + " lambdas and " + sigmaCount + " sigmas");
        }
        return new Builder(eigenCount, sigmaCount, lambdaColumns, sigmaColumns);
    }

    /** The number of lambda columns of the trace table (values or missing cells). */
    public int lambdaColumns() {
        return lambdaColumns;
    }

    /** The number of sigma columns of the trace table (values or missing cells). */
    public int sigmaColumns() {
        return sigmaColumns;
    }

    /** Whether this is the trace of a completion run (its error_unobserved and relative_error cells can have values). */
    public boolean completion() {
        return completion;
    }

    /** The value of {@code metric} at a recorded point (NaN where the run has none, see {@link TraceMetric.Filled}). */
    public double value(TraceMetric metric, int point) {
        return values[metric.ordinal()][point];
    }

    /** Completion: ‖W − Φ‖_F over the unobserved entries (NaN when Φ is unknown or this is no completion trace). */
    public double errorUnobserved(int point) {
        return value(TraceMetric.ERROR_UNOBSERVED, point);
    }

    /** Completion: ‖W − Φ‖_F / ‖Φ‖_F (NaN when Φ is unknown or this is no completion trace). */
    public double relativeError(int point) {
        return value(TraceMetric.RELATIVE_ERROR, point);
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
        return value(TraceMetric.TIME, point);
    }

    public double loss(int point) {
        return value(TraceMetric.LOSS, point);
    }

    public double errorFro(int point) {
        return value(TraceMetric.ERROR_FRO, point);
    }

    public double errorOp(int point) {
        return value(TraceMetric.ERROR_OP, point);
    }

    public double effectiveRank(int point) {
        return value(TraceMetric.EFFECTIVE_RANK, point);
    }

    public double stableRank(int point) {
        return value(TraceMetric.STABLE_RANK, point);
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
        private final List<TracePoint> points = new ArrayList<>();
        private Initialization init;

        private final int lambdaColumns;
        private final int sigmaColumns;
        private boolean completion;

        private Builder(int eigenCount, int sigmaCount, int lambdaColumns, int sigmaColumns) {
            this.eigenCount = eigenCount;
            this.sigmaCount = sigmaCount;
            this.lambdaColumns = lambdaColumns;
            this.sigmaColumns = sigmaColumns;
        }

        /** Records one point (its spectra are copied); its metrics without a value stay NaN. */
        public Builder add(long iteration, TracePoint point) {
            if (point.lambda().length != eigenCount || point.sigma().length != sigmaCount) {
                throw new IllegalArgumentException("expected " + eigenCount + " lambdas and " + sigmaCount
                        + " sigmas, got " + point.lambda().length + " and " + point.sigma().length);
            }
            if (!iterations.isEmpty() && iteration <= iterations.get(iterations.size() - 1)) {
                throw new IllegalArgumentException("iterations must increase: " + iteration + " after "
                        + iterations.get(iterations.size() - 1));
            }
            iterations.add(iteration);
            points.add(point.copy());
            return this;
        }

        /** Marks the trace of a matrix-completion run (docs/design.md §2). */
        public Builder completion(boolean isCompletion) {
            this.completion = isCompletion;
            return this;
        }

        /** Records how the factors started (the {@code init} column). */
        public Builder init(Initialization start) {
            this.init = start;
            return this;
        }

        /** Drops every point after the first {@code size} (a run that returns an earlier iterate ends its trace there). */
        public Builder keepFirst(int size) {
            iterations.subList(size, iterations.size()).clear();
            points.subList(size, points.size()).clear();
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
