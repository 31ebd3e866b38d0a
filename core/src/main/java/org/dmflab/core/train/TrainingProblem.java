package org.dmflab.core.train;

import java.util.Optional;
import org.dmflab.core.model.Observations;
import org.dmflab.core.model.SensingData;
import org.dmflab.core.linalg.SymmetricEigen;
import org.ejml.data.DMatrixRMaj;

/**
 * What every solver starts from: the validated settings, the target Φ (m×n; exactly symmetrized when symmetric), its
 * eigendecomposition when symmetric, the sensing data or the observed entries when the loss needs them, and the inner
 * width of the factors. {@code targetKnown} is false for a completion run without the full target: {@code target} is
 * then all zeros, only its shape counts, and the trace leaves the error columns empty.
 */
record TrainingProblem(TrainConfig config, DMatrixRMaj target, boolean targetKnown, Optional<SymmetricEigen> eigen,
                       Optional<SensingData> sensing, Optional<Observations> observations, int width) {

    TrainingProblem(TrainConfig config, DMatrixRMaj target, Optional<SymmetricEigen> eigen,
                    Optional<SensingData> sensing, int width) {
        this(config, target, true, eigen, sensing, Optional.empty(), width);
    }

    int rows() {
        return target.numRows;
    }

    int cols() {
        return target.numCols;
    }

    /** Rows of factor j (1-based): W₁ is width × n, the middle ones width × width, W_N is m × width (N = 1: m × n). */
    int factorRows(int j) {
        return j == config.depth() ? rows() : width;
    }

    /** Columns of factor j (1-based). */
    int factorCols(int j) {
        return j == 1 ? cols() : width;
    }
}
