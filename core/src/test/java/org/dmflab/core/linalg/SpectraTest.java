package org.dmflab.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;

class SpectraTest {

    @Test
    void symmetricMatricesGetSignedEigenvaluesDescending() {
        // [[2,1],[1,2]] has eigenvalues 3 and 1; [[0,2],[2,0]] has 2 and -2
        assertThat(Spectra.of(new DMatrixRMaj(new double[][]{{2, 1}, {1, 2}})).values())
                .containsExactly(new double[]{3, 1}, within(1e-14));
        Spectrum signed = Spectra.of(new DMatrixRMaj(new double[][]{{0, 2}, {2, 0}}));
        assertThat(signed.kind()).isEqualTo(SpectrumKind.EIGENVALUE);
        assertThat(signed.values()).containsExactly(new double[]{2, -2}, within(1e-14));
    }

    @Test
    void otherMatricesGetSingularValues() {
        // [[0,2],[0,0]] is not symmetric: singular values 2 and 0
        Spectrum spectrum = Spectra.of(new DMatrixRMaj(new double[][]{{0, 2}, {0, 0}}));
        assertThat(spectrum.kind()).isEqualTo(SpectrumKind.SINGULAR_VALUE);
        assertThat(spectrum.values()).containsExactly(new double[]{2, 0}, within(1e-14));
        // a 2×3 matrix [[3,0,0],[0,0,-4]]: singular values 4, 3
        assertThat(Spectra.of(new DMatrixRMaj(new double[][]{{3, 0, 0}, {0, 0, -4}})).values())
                .containsExactly(new double[]{4, 3}, within(1e-14));
    }

    @Test
    void eigenvectorsAreOrthonormalAndSignFixed() {
        DMatrixRMaj phi = new DMatrixRMaj(new double[][]{{4, 1, 0}, {1, 3, 1}, {0, 1, 2}});
        SymmetricEigen eig = SymmetricEigen.of(phi);
        DMatrixRMaj v = eig.vectors();
        double[] lambda = eig.values();
        for (int k = 0; k < 3; k++) {
            double largest = 0;
            for (int i = 0; i < 3; i++) {
                double phiV = 0;
                for (int j = 0; j < 3; j++) {
                    phiV += phi.get(i, j) * v.get(j, k);
                }
                assertThat(phiV).isCloseTo(lambda[k] * v.get(i, k), within(1e-13));
                if (Math.abs(v.get(i, k)) > Math.abs(largest)) {
                    largest = v.get(i, k);
                }
            }
            assertThat(largest).isPositive();
        }
    }

    @Test
    void symmetryToleratesRoundingButNotNoise() {
        DMatrixRMaj almost = new DMatrixRMaj(new double[][]{{1, 0.5}, {0.5 + 1e-16, 1}});
        assertThat(Symmetry.isSymmetric(almost)).isTrue();
        DMatrixRMaj skew = new DMatrixRMaj(new double[][]{{1, 0.5}, {0.5 + 1e-9, 1}});
        assertThat(Symmetry.isSymmetric(skew)).isFalse();
        assertThat(Symmetry.isSymmetric(new DMatrixRMaj(2, 3))).isFalse();
    }
}
