package org.dmflab.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class SpectralProductTest {

    /** Against EJML's own U·diag(d)·Vᵀ with an explicit diagonal matrix (1e-14: sums of three products). */
    @Test
    void equalsTheProductWithAnExplicitDiagonal() {
        Random random = new Random(4);
        DMatrixRMaj u = RandomMatrices.gaussian(5, 3, 1, random);
        DMatrixRMaj v = RandomMatrices.gaussian(4, 3, 1, random);
        double[] d = {2, -0.5, 3};
        DMatrixRMaj expected = new DMatrixRMaj(5, 4);
        DMatrixRMaj ud = new DMatrixRMaj(5, 3);
        CommonOps_DDRM.mult(u, CommonOps_DDRM.diag(d), ud);
        CommonOps_DDRM.multTransB(ud, v, expected);
        DMatrixRMaj product = SpectralProduct.of(u, d, v);
        assertThat(product.numRows).isEqualTo(5);
        assertThat(product.numCols).isEqualTo(4);
        for (int i = 0; i < expected.data.length; i++) {
            assertThat(product.data[i]).isCloseTo(expected.data[i], within(1e-14));
        }
    }

    /** V diag(λ) Vᵀ with an orthogonal V has exactly the eigenvalues λ (1e-12 relative: the eigensolver's rounding). */
    @Test
    void aSymmetricProductHasTheGivenEigenvalues() {
        double[] lambda = {4, 1, -2};
        DMatrixRMaj phi = SpectralProduct.symmetric(RandomMatrices.haarOrthogonal(3, new Random(9)), lambda);
        double[] values = SymmetricEigen.of(phi).spectrum().values();
        for (int i = 0; i < lambda.length; i++) {
            assertThat(values[i]).isCloseTo(lambda[i], within(1e-12 * 4));
        }
        assertThatThrownBy(() -> SpectralProduct.of(new DMatrixRMaj(2, 2), new double[3], new DMatrixRMaj(2, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one column per value");
    }
}
