package org.dmflab.core.baseline;

import org.ejml.data.DMatrixRMaj;

/**
 * The data of nuclear-norm minimization, the affine set {W : 𝒜(W) = b} (docs/theory.md §8.4): observed entries
 * (completion, {@link ObservedEntries}) or linear measurements ⟨Aᵢ, W⟩ = yᵢ (sensing, {@link LinearMeasurements}).
 * The solver needs only the Euclidean projection onto the set and the residual ‖𝒜(W) − b‖₂.
 */
public sealed interface AffineConstraint permits ObservedEntries, LinearMeasurements {
    /** m, the rows of W. */
    int rows();

    /** n, the columns of W. */
    int cols();

    /** The nearest point of the set to {@code point} in the Frobenius norm ({@code point} is not modified). */
    DMatrixRMaj project(DMatrixRMaj point);

    /** ‖𝒜(W) − b‖₂, how far {@code matrix} is from satisfying the constraint. */
    double residual(DMatrixRMaj matrix);

    /** ‖b‖₂, the scale the residual is measured against. */
    double dataNorm();

    /** What the constraint holds, for messages and summaries, e.g. "2000 observed entries". */
    String description();
}
