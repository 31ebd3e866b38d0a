package org.dmflab.core.train;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.dmflab.core.model.TracePoint;

/**
 * One way of computing the iterates of a training run (docs/design.md §5): {@link MatrixSolver} (gradient descent (6) on
 * the factors), {@link SpectralSolver} (the exact recursions (18), (40)/(41) of docs/theory.md §2) and {@link FlowSolver}
 * (gradient flow, docs/theory.md §4, sampled at t = ηk). The run loop calls {@link #evaluate()} for the current iterate,
 * then possibly {@link #measure()}, then {@link #update()} to go to the next iterate. {@code evaluate} and
 * {@code update} allocate nothing.
 */
public interface Solver extends AutoCloseable {
    /** Which solver this is (never {@link SolverKind#AUTO}). */
    SolverKind kind();

    /** Computes the loss of the current iterate and prepares {@link #update()} and {@link #measure()}. */
    double evaluate();

    /** Advances to the next iterate; {@link #evaluate()} must have been called for the current one. */
    void update();

    /** The trace columns of the current iterate (after {@link #evaluate()}); may allocate. */
    TracePoint measure();

    /** The current product W = W_N ⋯ W₁ (a new matrix). */
    DMatrixRMaj product();

    /** The current factors W₁ … W_N (new matrices), e.g. to see which factor carries the negative signs. */
    List<DMatrixRMaj> factors();

    /** Releases threads; idempotent. */
    @Override
    void close();
}
