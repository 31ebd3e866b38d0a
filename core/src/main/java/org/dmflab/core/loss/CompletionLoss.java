package org.dmflab.core.loss;

import org.dmflab.core.linalg.StepArithmetic;
import org.dmflab.core.model.Observations;
import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.model.TracePoint;
import org.ejml.data.DMatrixRMaj;

/**
 * The matrix-completion loss ½ Σ_{(i,j) observed} (W_ij − y_ij)² (docs/theory.md §8.3) by gathering the observed
 * entries: O(M) per step for the residual, whose gradient ∂L/∂W is the residual at the observed entries and 0
 * elsewhere. With the full target known it adds the error on the unobserved entries and the relative error to the trace.
 */
final class CompletionLoss implements Loss {
    private final int[] rows;
    private final int[] columns;
    private final double[] values;
    /** Which entries are observed (row-major), for the error on the others. */
    private final boolean[] observedMask;
    /** ‖Φ‖_F (NaN when the target is unknown). */
    private final double targetFro;

    CompletionLoss(Observations observations, DMatrixRMaj target, boolean targetKnown) {
        rows = observations.row();
        columns = observations.column();
        values = observations.values();
        observedMask = observations.mask();
        double squares = 0;
        for (double value : target.data) {
            squares += value * value;
        }
        targetFro = targetKnown ? Math.sqrt(squares) : Double.NaN;
    }

    @Override
    public double valueAndGradient(StepArithmetic arithmetic, StepArithmetic.Dense w, StepArithmetic.Dense gradient) {
        return 0.5 * arithmetic.entryResidual(w, rows, columns, values, gradient);
    }

    @Override
    public TracePoint measure(TracePoint row, DMatrixRMaj error, double errorFro) {
        double unobserved = 0;
        for (int k = 0; k < observedMask.length; k++) {
            if (!observedMask[k]) {
                unobserved += error.data[k] * error.data[k];
            }
        }
        return row.with(TraceMetric.ERROR_UNOBSERVED, Math.sqrt(unobserved))
                .with(TraceMetric.RELATIVE_ERROR, errorFro / targetFro);
    }
}
