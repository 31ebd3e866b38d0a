package org.dmflab.core.model;

/**
 * The measured columns of one trace row (docs/design.md §2) before the rank measures are derived from {@code sigma}.
 *
 * @param loss             the training loss
 * @param errorFro         ‖W − Φ‖_F (NaN when Φ is unknown: completion without the full target)
 * @param errorOp          ‖W − Φ‖₂ (NaN when Φ is unknown)
 * @param lambda           vᵢᵀ W vᵢ along the target's eigenvectors (descending eigenvalue order); empty for
 *                         non-symmetric targets
 * @param sigma            singular values of W, descending
 * @param errorUnobserved  completion: ‖W − Φ‖_F over the unobserved entries (NaN otherwise or when Φ is unknown)
 * @param relativeError    completion: ‖W − Φ‖_F / ‖Φ‖_F (NaN otherwise or when Φ is unknown)
 */
public record TracePoint(double loss, double errorFro, double errorOp, double[] lambda, double[] sigma,
                         double errorUnobserved, double relativeError) {

    /** A point of a run on the full or sensing loss, which has no completion columns. */
    public TracePoint(double loss, double errorFro, double errorOp, double[] lambda, double[] sigma) {
        this(loss, errorFro, errorOp, lambda, sigma, Double.NaN, Double.NaN);
    }
}
