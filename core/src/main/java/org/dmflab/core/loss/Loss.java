package org.dmflab.core.loss;

import java.util.Optional;
import org.dmflab.core.linalg.StepArithmetic;
import org.dmflab.core.model.Observations;
import org.dmflab.core.model.SensingData;
import org.dmflab.core.model.TracePoint;
import org.ejml.data.DMatrixRMaj;

/**
 * The training loss of the trainer's matrix solver, one class per {@link LossKind}: it holds its data on the step's
 * {@link StepArithmetic}, computes its value and its gradient G = ∂L/∂W of the end-to-end product from the arithmetic's
 * primitives (the solver's products then carry G to the factors, the same for every loss), and adds the trace metrics
 * only it can measure. {@link FullLoss} ½‖W − Φ‖²_F (docs/theory.md (5)), {@link SensingLoss} ½ Σᵢ (⟨Aᵢ, W⟩ − yᵢ)²,
 * {@link CompletionLoss} ½ Σ_observed (W_ij − y_ij)² (docs/theory.md §8.3). A new loss is a class here and its
 * {@link LossKind} constant, which names it and makes it.
 */
public interface Loss {

    /**
     * The loss {@code kind} with its data loaded into {@code arithmetic}.
     *
     * @param data         the run's data (the trainer checked that the loss has what it needs)
     * @param target       Φ, held by {@code arithmetic}
     */
    static Loss of(LossKind kind, Data data, StepArithmetic arithmetic, StepArithmetic.Dense target) {
        return kind.factory().create(data, arithmetic, target);
    }

    /** Makes a loss from the run's data ({@link #of}); each {@link LossKind} declares its own. */
    @FunctionalInterface
    interface Factory {
        Loss create(Data data, StepArithmetic arithmetic, StepArithmetic.Dense target);
    }

    /**
     * What a loss may train on: the target Φ (all zeros, only its shape counting, when {@code targetKnown} is false),
     * the sensing measurements and the observed entries, each when given.
     */
    record Data(DMatrixRMaj target, boolean targetKnown, Optional<SensingData> sensing,
                Optional<Observations> observations) {
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
