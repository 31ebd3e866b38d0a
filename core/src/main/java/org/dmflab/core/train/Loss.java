package org.dmflab.core.train;

import org.dmflab.core.model.TracePoint;
import org.ejml.data.DMatrixRMaj;

/**
 * The training loss of the matrix solver, one class per {@link LossKind}: it holds its data on the step's
 * {@link StepArithmetic}, computes its value and its gradient G = ∂L/∂W of the end-to-end product from the arithmetic's
 * primitives (the solver's products then carry G to the factors, the same for every loss), and adds the trace metrics
 * only it can measure. {@link FullLoss} ½‖W − Φ‖²_F (docs/theory.md (5)), {@link SensingLoss} ½ Σᵢ (⟨Aᵢ, W⟩ − yᵢ)²,
 * {@link CompletionLoss} ½ Σ_observed (W_ij − y_ij)² (docs/theory.md §8.3).
 */
sealed interface Loss permits FullLoss, SensingLoss, CompletionLoss {

    /** The problem's loss with its data loaded into {@code arithmetic}; {@code target} holds Φ there. */
    static Loss of(TrainingProblem problem, StepArithmetic arithmetic, StepArithmetic.Dense target) {
        return switch (problem.config().loss()) {
            case FULL -> new FullLoss(target);
            case SENSING -> new SensingLoss(problem.sensing().orElseThrow(), arithmetic);
            case COMPLETION -> new CompletionLoss(problem.observations().orElseThrow(), problem.target(),
                    problem.targetKnown());
        };
    }

    /**
     * Writes G = ∂L/∂W at {@code w} into {@code gradient} and returns L. Entries the loss does not reach are never
     * written (they stay 0 in a freshly allocated matrix). Allocates nothing.
     */
    double valueAndGradient(StepArithmetic arithmetic, StepArithmetic.Dense w, StepArithmetic.Dense gradient);

    /**
     * A recorded row with this loss's own metrics added, when the full target is known: {@code error} = W − Φ
     * (row-major) and {@code errorFro} = ‖W − Φ‖_F. The full and sensing losses have none.
     */
    default TracePoint measure(TracePoint row, DMatrixRMaj error, double errorFro) {
        return row;
    }
}
