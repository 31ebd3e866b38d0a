package org.dmflab.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The record of a gradient-descent run: one point per recorded iteration, ascending, with the columns of the trace table
 * (docs/design.md §2; {@code table.TraceTables} converts it to and from that table). {@code lambda} holds vᵢᵀ W vᵢ
 * along the target's eigenvectors (symmetric targets; empty rows otherwise), {@code sigma} the singular values of W,
 * descending. Its {@link TraceShape} says which columns its table has: only those the run fills, known before the run
 * (a KNIME node's configure). {@code init} says how the factors started (the trace table's {@code init} column); it
 * decides which plateau levels the run can show ({@link PlateauLevels}) and is empty only for traces written before
 * the column existed. The metrics a run does not fill ({@link TraceMetric.Filled}) are NaN here and have no column.
 */
public final class Trace {
    private final long[] iterations;
    /** values[metric.ordinal()][point]. */
    private final double[][] values;
    private final double[][] lambda;
    private final double[][] sigma;
    private final TraceShape shape;
    private final Optional<StartKind> init;

    private Trace(Builder builder) {
        shape = builder.shape;
        init = Optional.ofNullable(builder.init);
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

    /** Starts a trace with {@code eigenCount} lambda and {@code sigmaCount} sigma columns, loss not recorded. */
    public static Builder builder(int eigenCount, int sigmaCount) {
        return builder(new TraceShape(eigenCount, sigmaCount, Optional.empty(), true));
    }

    /** Starts a trace with the columns of {@code shape}. */
    public static Builder builder(TraceShape shape) {
        return new Builder(shape);
    }

    /** Which columns the trace table has. */
    public TraceShape shape() {
        return shape;
    }

    /** The loss the run minimized (the {@code loss} column), if the trace says so. */
    public Optional<TrainedLoss> loss() {
        return shape.loss();
    }

    /** Whether this is the trace of a completion run (its error_unobserved and relative_error cells can have values). */
    public boolean completion() {
        return shape.completion();
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
    public Optional<StartKind> init() {
        return init;
    }

    public int eigenCount() {
        return shape.eigenvalues();
    }

    public int sigmaCount() {
        return shape.singularValues();
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
        private final TraceShape shape;
        private final List<Long> iterations = new ArrayList<>();
        private final List<TracePoint> points = new ArrayList<>();
        private StartKind init;

        private Builder(TraceShape shape) {
            this.shape = shape;
        }

        /** Records one point (its spectra are copied); its metrics without a value stay NaN. */
        public Builder add(long iteration, TracePoint point) {
            if (point.lambda().length != shape.eigenvalues() || point.sigma().length != shape.singularValues()) {
                throw new IllegalArgumentException("expected " + shape.eigenvalues() + " lambdas and "
                        + shape.singularValues()
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

        /** Records how the factors started (the {@code init} column). */
        public Builder init(StartKind start) {
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
