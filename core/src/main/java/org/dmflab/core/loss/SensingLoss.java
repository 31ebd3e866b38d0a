package org.dmflab.core.loss;

import org.dmflab.core.linalg.StepArithmetic;
import org.dmflab.core.model.SensingData;
import org.ejml.data.DMatrixRMaj;

/**
 * The matrix-sensing loss ½ Σᵢ (⟨Aᵢ, W⟩ − yᵢ)² with the generator's measurements: G = Σᵢ rᵢ Aᵢ with the residuals
 * rᵢ = ⟨Aᵢ, W⟩ − yᵢ. Holds the operators (M × m·n, row i = vec(Aᵢ)), y and r on the arithmetic.
 */
final class SensingLoss implements Loss {
    private final StepArithmetic.Dense operators;
    private final StepArithmetic.Dense observations;
    private final StepArithmetic.Dense residuals;

    SensingLoss(SensingData sensing, StepArithmetic arithmetic) {
        DMatrixRMaj ops = sensing.operators();
        double[] y = sensing.observations();
        operators = arithmetic.allocate(y.length, ops.numCols);
        arithmetic.load(ops, operators);
        observations = arithmetic.allocate(y.length, 1);
        arithmetic.load(new DMatrixRMaj(y.length, 1, true, y), observations);
        residuals = arithmetic.allocate(y.length, 1);
    }

    @Override
    public double valueAndGradient(StepArithmetic arithmetic, StepArithmetic.Dense w, StepArithmetic.Dense gradient) {
        return 0.5 * arithmetic.operatorResidual(operators, observations, residuals, w, gradient);
    }
}
