package org.dmflab.core.groundtruth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.dmflab.core.RandomCases;
import org.dmflab.core.linalg.Spectra;
import org.dmflab.core.model.SensingData;
import org.dmflab.core.model.SpectrumKind;
import org.dmflab.core.linalg.Symmetry;
import org.dmflab.core.settings.RawSettings;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GroundTruthGeneratorTest {

    static GroundTruth generate(Map<String, String> settings) {
        return GroundTruthGenerator.generate(GroundTruthSettings.parse(RawSettings.of(settings), Optional.empty()));
    }

    static double[] descending(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
            double swap = sorted[i];
            sorted[i] = sorted[j];
            sorted[j] = swap;
        }
        return sorted;
    }

    /**
     * A backward-stable symmetric eigensolver and the construction V diag(λ) Vᵀ each err by a few n·ε·‖Φ‖, about 1e-14
     * here; the contract is 1e-10 relative to ‖Φ‖.
     */
    static Stream<Arguments> spectra() {
        return RandomCases.of(20261127, 60, random -> {
            double[] values = new double[RandomCases.integer(random, 1, 12)];
            for (int i = 0; i < values.length; i++) {
                // any signs, some exact repeats and zeros, magnitudes over several decades
                int kind = random.nextInt(5);
                values[i] = kind == 0 ? 0 : kind == 1 && i > 0 ? values[i - 1]
                        : (random.nextBoolean() ? 1 : -1) * RandomCases.logUniform(random, 1e-3, 10);
            }
            return new Object[]{values, RandomCases.integer(random, 0, 4), random.nextLong()};
        });
    }

    @ParameterizedTest
    @MethodSource("spectra")
    void eigenvaluesMatchTheRequestedSpectrum(double[] spectrum, int padding, long seed) {
        String list = String.join(",", Arrays.stream(spectrum).mapToObj(Double::toString).toList());
        int n = spectrum.length + padding;
        GroundTruth truth = generate(Map.of("spectrum", list, "n", Integer.toString(n), "seed", Long.toString(seed)));

        double[] expected = descending(Arrays.copyOf(spectrum, n));
        double scale = Math.max(1e-300, Arrays.stream(expected).map(Math::abs).max().orElse(0));
        assertThat(truth.spectrum().kind()).isEqualTo(SpectrumKind.EIGENVALUE);
        double[] actual = truth.spectrum().values();
        assertThat(actual).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(1e-10 * scale));
        }
        DMatrixRMaj matrix = truth.matrix();
        DMatrixRMaj transpose = CommonOps_DDRM.transpose(matrix, null);
        assertThat(matrix.data).containsExactly(transpose.data);
    }

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() {
        Map<String, String> settings = Map.of("spectrum", "8,4,2,1,-1", "n", "7", "seed", "7", "noise", "gaussian:0.1",
                "measurements", "5");
        GroundTruth first = generate(settings);
        GroundTruth second = generate(settings);
        assertThat(first.matrix().data).containsExactly(second.matrix().data);
        assertThat(first.sensing().orElseThrow().operators().data)
                .containsExactly(second.sensing().orElseThrow().operators().data);
        assertThat(first.spectrum()).isEqualTo(second.spectrum());

        GroundTruth other = generate(Map.of("spectrum", "8,4,2,1,-1", "n", "7", "seed", "8", "noise", "gaussian:0.1",
                "measurements", "5"));
        assertThat(other.matrix().data).isNotEqualTo(first.matrix().data);
    }

    @Test
    void identityBasisPutsTheSpectrumOnTheDiagonalInTheGivenOrder() {
        GroundTruth truth = generate(Map.of("spectrum", "1,-2,3", "n", "4", "eigenvectors", "identity"));
        DMatrixRMaj expected = CommonOps_DDRM.diag(1, -2, 3, 0);
        assertThat(truth.matrix().data).containsExactly(expected.data);
        assertThat(truth.spectrum().values()).containsExactly(3, 1, 0, -2);
    }

    @Test
    void randomBasisIsOrthogonal() {
        GroundTruth truth = generate(Map.of("spectrum", "1,1,1,1,1,1,1,1", "seed", "3"));
        // V diag(1) Vᵀ = V Vᵀ = I exactly when V is orthogonal
        DMatrixRMaj identity = CommonOps_DDRM.identity(8);
        for (int k = 0; k < 64; k++) {
            assertThat(truth.matrix().data[k]).isCloseTo(identity.data[k], within(1e-14));
        }
    }

    @Test
    void presetsAndRepeatedOrZeroValuesAreHonoured() {
        GroundTruth truth = generate(Map.of("spectrum", "lowrank:2,5,6", "seed", "1"));
        double[] values = truth.spectrum().values();
        assertThat(values).hasSize(6);
        assertThat(values[0]).isCloseTo(5, within(1e-12));
        assertThat(values[1]).isCloseTo(5, within(1e-12));
        for (int i = 2; i < 6; i++) {
            assertThat(values[i]).isCloseTo(0, within(1e-12));
        }
    }

    static Stream<Arguments> shapes() {
        return RandomCases.of(7, 25, random -> new Object[]{RandomCases.integer(random, 1, 9),
                RandomCases.integer(random, 1, 9), RandomCases.uniform(random, 0.1, 5), random.nextLong()});
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void rectangularTargetsHaveTheRequestedSingularValues(int m, int n, double top, long seed) {
        int p = Math.min(m, n);
        double[] requested = new double[p];
        for (int i = 0; i < p; i++) {
            requested[i] = top / (i + 1);
        }
        String list = String.join(",", Arrays.stream(requested).mapToObj(Double::toString).toList());
        GroundTruth truth = generate(Map.of("spectrum", list, "n", Integer.toString(n), "m", Integer.toString(m),
                "seed", Long.toString(seed)));
        assertThat(truth.matrix().numRows).isEqualTo(m);
        assertThat(truth.matrix().numCols).isEqualTo(n);
        double[] singular = Spectra.singularValues(truth.matrix());
        for (int i = 0; i < p; i++) {
            assertThat(singular[i]).isCloseTo(requested[i], within(1e-10 * top));
        }
        if (m != n) {
            assertThat(truth.spectrum().kind()).isEqualTo(SpectrumKind.SINGULAR_VALUE);
        }
    }

    @Test
    void symmetrisedNoiseKeepsTheTargetSymmetricAndTheSpectrumIsRecomputed() {
        GroundTruth clean = generate(Map.of("spectrum", "4,2,1", "n", "30", "seed", "5"));
        GroundTruth noisy = generate(Map.of("spectrum", "4,2,1", "n", "30", "seed", "5", "noise", "gaussian:0.05",
                "symmetrize-noise", "true"));
        assertThat(Symmetry.isSymmetric(noisy.matrix())).isTrue();
        assertThat(noisy.spectrum().kind()).isEqualTo(SpectrumKind.EIGENVALUE);
        assertThat(noisy.spectrum().values()).isNotEqualTo(clean.spectrum().values());
        // Weyl: every eigenvalue moves by at most ‖E‖₂
        DMatrixRMaj noise = noisy.matrix();
        CommonOps_DDRM.subtractEquals(noise, clean.matrix());
        double noiseNorm = NormOps_DDRM.normP2(noise);
        for (int i = 0; i < 30; i++) {
            assertThat(Math.abs(noisy.spectrum().value(i) - clean.spectrum().value(i))).isLessThanOrEqualTo(noiseNorm + 1e-12);
        }
    }

    @Test
    void unsymmetrisedNoiseGivesSingularValues() {
        GroundTruth noisy = generate(Map.of("spectrum", "4,2,1", "seed", "5", "noise", "uniform:0.1"));
        assertThat(noisy.spectrum().kind()).isEqualTo(SpectrumKind.SINGULAR_VALUE);
        assertThat(Arrays.stream(noisy.spectrum().values()).min().orElseThrow()).isGreaterThanOrEqualTo(0);
    }

    /** 3600 draws: the sample standard deviation is within 5 % (about four standard errors) of the true one. */
    @Test
    void noiseHasTheRequestedScale() {
        int n = 60;
        GroundTruth gaussian = generate(Map.of("spectrum", "0", "n", "60", "eigenvectors", "identity", "seed", "11",
                "noise", "gaussian:0.3"));
        assertThat(standardDeviation(gaussian.matrix().data)).isCloseTo(0.3, within(0.015));
        GroundTruth uniform = generate(Map.of("spectrum", "0", "n", "60", "eigenvectors", "identity", "seed", "11",
                "noise", "uniform:0.5"));
        assertThat(Arrays.stream(uniform.matrix().data).map(Math::abs).max().orElseThrow()).isLessThanOrEqualTo(0.5);
        assertThat(standardDeviation(uniform.matrix().data)).isCloseTo(0.5 / Math.sqrt(3), within(0.015));
        assertThat(n * n).isEqualTo(gaussian.matrix().data.length);
    }

    @Test
    void measurementsAreInnerProductsWithTheTarget() {
        GroundTruth truth = generate(Map.of("spectrum", "3,1", "n", "3", "m", "2", "seed", "2", "measurements", "40"));
        SensingData sensing = truth.sensing().orElseThrow();
        DMatrixRMaj target = truth.matrix();
        DMatrixRMaj operators = sensing.operators();
        double squaredNorms = 0;
        for (int i = 0; i < 40; i++) {
            double inner = 0;
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    double a = operators.get(i, r * 3 + c);
                    inner += a * target.get(r, c);
                    squaredNorms += a * a;
                }
            }
            assertThat(sensing.observations()[i]).isCloseTo(inner, within(1e-12));
        }
        // entries are N(0, 1/M): the mean of ‖Aᵢ‖²_F is m·n/M = 6/40; 240 draws give a relative error of about 9 %
        assertThat(squaredNorms / 40).isCloseTo(6.0 / 40, within(0.05));
    }

    @Test
    void inputMatrixIsUsedUnchangedWithoutNoise() {
        DMatrixRMaj input = new DMatrixRMaj(new double[][]{{1, 2}, {3, 4}, {5, 6}});
        GroundTruth truth = GroundTruthGenerator.generate(
                GroundTruthSettings.parse(RawSettings.of(Map.of()), Optional.of(input)));
        assertThat(truth.matrix().data).containsExactly(input.data);
        assertThat(truth.spectrum().kind()).isEqualTo(SpectrumKind.SINGULAR_VALUE);
        double[] expected = Spectra.singularValues(input);
        assertThat(truth.spectrum().values()).containsExactly(expected);
    }

    private static double standardDeviation(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }
}
