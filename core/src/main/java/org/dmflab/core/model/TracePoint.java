package org.dmflab.core.model;

/**
 * The measured columns of one trace row (docs/design.md §2) before the rank measures are derived from {@code sigma}.
 *
 * @param loss     the training loss
 * @param errorFro ‖W − Φ‖_F
 * @param errorOp  ‖W − Φ‖₂
 * @param lambda   vᵢᵀ W vᵢ along the target's eigenvectors (descending eigenvalue order); empty for non-symmetric targets
 * @param sigma    singular values of W, descending
 */
public record TracePoint(double loss, double errorFro, double errorOp, double[] lambda, double[] sigma) {
}
