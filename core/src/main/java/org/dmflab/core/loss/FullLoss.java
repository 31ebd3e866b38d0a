package org.dmflab.core.loss;

import org.dmflab.core.linalg.StepArithmetic;

/** The full observation loss ½‖W − Φ‖²_F (docs/theory.md (5)/(8)): G = W − Φ. */
final class FullLoss implements Loss {
    private final StepArithmetic.Dense target;

    /** @param target Φ, held by the arithmetic the solver runs on */
    FullLoss(StepArithmetic.Dense target) {
        this.target = target;
    }

    @Override
    public double valueAndGradient(StepArithmetic arithmetic, StepArithmetic.Dense w, StepArithmetic.Dense gradient) {
        return 0.5 * arithmetic.residual(w, target, gradient);
    }
}
