package org.dmflab.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.dynamics.Initialization;
import org.junit.jupiter.api.Test;

/** The one level rule of docs/theory.md §7.3 and its zero threshold 10·u·n·‖Φ‖₂, against hand-computed values. */
class PlateauLevelsTest {

    @Test
    void identicalStartUsesThePositivePartAndOtherStartsTheMagnitudes() {
        double[] lambdas = {3, 1.5, 0.8, -2};
        assertThat(PlateauLevels.of(lambdas, Initialization.IDENTITY).levels())
                .containsExactly(1, 1.5, 5.3 / 3);
        assertThat(PlateauLevels.of(lambdas, Initialization.PERTURBED).levels())
                .containsExactly(1, 5.0 / 3, 6.5 / 3, 7.3 / 3);
        assertThat(PlateauLevels.of(lambdas, Initialization.GAUSSIAN).plateauValues()).containsExactly(3, 2, 1.5, 0.8);
        // singular values: both rules give their partial sums
        Spectrum sigma = new Spectrum(new double[]{4, 2, 1}, SpectrumKind.SINGULAR_VALUE);
        assertThat(PlateauLevels.of(sigma, Initialization.IDENTITY).levels()).containsExactly(1, 1.5, 1.75);
    }

    @Test
    void numericalZerosHaveNoLevel() {
        // n = 4, ‖Φ‖₂ = 2: threshold 10 · 2⁻⁵³ · 4 · 2 = 80 · 2⁻⁵³ ≈ 8.9e-15
        double[] lambdas = {2, 1, 4.172e-16, -3e-15};
        PlateauLevels levels = PlateauLevels.of(lambdas, Initialization.PERTURBED);
        assertThat(levels.zeroThreshold()).isEqualTo(80 * 0x1.0p-53);
        assertThat(levels.count()).isEqualTo(2);
        assertThat(levels.isZero(2)).isTrue();
        assertThat(levels.isZero(3)).isTrue();
        assertThat(levels.isZero(1)).isFalse();
        assertThat(levels.hasNegative()).isFalse();
        // just above the threshold a value counts
        assertThat(PlateauLevels.of(new double[]{2, 1, 1e-14, 0}, Initialization.IDENTITY).count()).isEqualTo(3);
    }

    @Test
    void anUnknownStartIsFineWithoutNegativeEigenvalues() {
        Spectrum psd = new Spectrum(new double[]{2, 1, 0}, SpectrumKind.EIGENVALUE);
        assertThat(PlateauLevels.of(psd, Optional.empty(), "trace.csv").levels()).containsExactly(1, 1.5);
        Spectrum indefinite = new Spectrum(new double[]{2, 1, -1}, SpectrumKind.EIGENVALUE);
        assertThatThrownBy(() -> PlateauLevels.of(indefinite, Optional.empty(), "trace.csv"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("trace.csv: has no 'init' column, and the target has negative eigenvalues");
    }
}
