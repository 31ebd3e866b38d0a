package org.dmflab.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which columns a trace table has (docs/design.md §2): only those the run fills. {@code lambda_1 … lambda_n} for a
 * symmetric n×n target (vᵢᵀ W vᵢ along its eigenvectors; none otherwise), {@code sigma_1 … sigma_min(m, n)} (W has no
 * more singular values), and the {@link TraceMetric}s that {@link TraceMetric.Filled} says a run of this loss and
 * knowledge of the target gives values. The trainer knows it before the run, from the target's shape and symmetry
 * and the loss: so the KNIME node declares the trace's columns at configure time and the command line writes the same
 * columns to trace.csv.
 *
 * @param eigenvalues    lambda columns: n for a symmetric target, else 0
 * @param singularValues sigma columns: min(m, n)
 * @param loss           the loss trained; empty for a trace read from a table written before it was recorded
 * @param targetKnown    whether the full target is known (false only for completion without it)
 */
public record TraceShape(int eigenvalues, int singularValues, Optional<TrainedLoss> loss, boolean targetKnown) {

    public TraceShape {
        if (eigenvalues < 0 || singularValues < 0) {
            throw new IllegalArgumentException("negative column counts: " + eigenvalues + ", " + singularValues);
        }
    }

    /** The trace of a run on an m×n target ({@code symmetric}: square and symmetric) with the given loss. */
    public static TraceShape ofRun(int rows, int columns, boolean symmetric, TrainedLoss loss, boolean targetKnown) {
        return new TraceShape(symmetric ? columns : 0, Math.min(rows, columns), Optional.of(loss), targetKnown);
    }

    /** Whether the run is a matrix-completion run (its error columns are against the full target). */
    public boolean completion() {
        return loss.map(TrainedLoss::completion).orElse(false);
    }

    /** Whether the trace has a column for {@code metric}. */
    public boolean has(TraceMetric metric) {
        if (metric.filled() == TraceMetric.Filled.EVERY_RUN && metric.trailing()) {
            // the norms and factor diagnostics came with loss_kind: a table of an older version has neither
            return loss.isPresent();
        }
        return metric.filled().fills(completion(), targetKnown);
    }

    /** The metrics the trace has before ({@code trailing} false) or after the spectra, in declaration order. */
    public List<TraceMetric> metrics(boolean trailing) {
        return Arrays.stream(TraceMetric.values()).filter(metric -> metric.trailing() == trailing && has(metric))
                .toList();
    }
}
