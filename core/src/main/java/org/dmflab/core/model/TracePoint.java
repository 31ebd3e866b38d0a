package org.dmflab.core.model;

import java.util.Arrays;

/**
 * One row of a trace (docs/design.md §2): a value per {@link TraceMetric} (NaN where the run has none), {@code lambda}
 * = vᵢᵀ W vᵢ along the target's eigenvectors (descending eigenvalue order; empty for non-symmetric targets) and
 * {@code sigma}, the singular values of W, descending. A solver measures the loss, the errors and the spectra; the run
 * loop adds the time and the rank measures ({@link #with}).
 */
public final class TracePoint {
    private final double[] values;
    private final double[] lambda;
    private final double[] sigma;

    private TracePoint(double[] values, double[] lambda, double[] sigma) {
        this.values = values;
        this.lambda = lambda;
        this.sigma = sigma;
    }

    /** A row with these spectra and no metric values yet (all NaN). */
    public static TracePoint of(double[] lambda, double[] sigma) {
        double[] values = new double[TraceMetric.values().length];
        Arrays.fill(values, Double.NaN);
        return new TracePoint(values, lambda, sigma);
    }

    /** This row with {@code metric} set to {@code value}. */
    public TracePoint with(TraceMetric metric, double value) {
        double[] changed = values.clone();
        changed[metric.ordinal()] = value;
        return new TracePoint(changed, lambda, sigma);
    }

    /** A deep copy (the trace keeps its rows apart from the solver's workspaces). */
    TracePoint copy() {
        return new TracePoint(values.clone(), lambda.clone(), sigma.clone());
    }

    /** The value of {@code metric} (NaN when unknown). */
    public double value(TraceMetric metric) {
        return values[metric.ordinal()];
    }

    /** The training loss. */
    public double loss() {
        return value(TraceMetric.LOSS);
    }

    /** vᵢᵀ W vᵢ along the target's eigenvectors (not a copy). */
    public double[] lambda() {
        return lambda;
    }

    /** The singular values of W, descending (not a copy). */
    public double[] sigma() {
        return sigma;
    }
}
