package org.dmflab.core.experiment.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.dmflab.core.linalg.RandomMatrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

class InitScaleTest {

    /** The closed form against Monte Carlo: the mean of ‖W_N ⋯ W₁‖²_F over 400 draws, within 4 standard errors. */
    @Test
    void theExpectedSquaredNormIsTheSameForEveryDepth() {
        Random random = new Random(3);
        for (int depth = 1; depth <= 4; depth++) {
            int[] dims = InitScale.dims(6, 9, 5, depth);
            double sigma = InitScale.sigma(0.3, dims);
            double sum = 0;
            double sumSquares = 0;
            int draws = 400;
            for (int draw = 0; draw < draws; draw++) {
                DMatrixRMaj w = RandomMatrices.gaussian(dims[1], dims[0], sigma, random);
                for (int j = 2; j <= depth; j++) {
                    DMatrixRMaj next = new DMatrixRMaj(dims[j], dims[0]);
                    CommonOps_DDRM.mult(RandomMatrices.gaussian(dims[j], dims[j - 1], sigma, random), w, next);
                    w = next;
                }
                double squared = Math.pow(NormOps_DDRM.normF(w), 2);
                sum += squared;
                sumSquares += squared * squared;
            }
            double mean = sum / draws;
            double standardError = Math.sqrt((sumSquares / draws - mean * mean) / draws);
            assertThat(mean).as("N = %d", depth).isCloseTo(0.09, within(4 * standardError));
        }
    }

    @Test
    void closedFormForSquareFactors() {
        // σ^{2N}·100^{N+1} = s²: N = 2, s = 0.01 gives σ = (1e-4 / 1e6)^{1/4} = 1e-2.5
        assertThat(InitScale.sigma(0.01, InitScale.dims(100, 100, 100, 2))).isCloseTo(Math.pow(10, -2.5),
                within(1e-15));
    }
}
