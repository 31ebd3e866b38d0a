package org.dmflab.core.groundtruth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.model.Observations;
import org.dmflab.core.settings.RawSettings;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The generator's {@code divide-by} setting: validation, correctly rounded division, noise on the scaled matrix. */
class InputDivisorTest {

    private static GroundTruth generate(DMatrixRMaj input, String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return GroundTruthGenerator.generate(GroundTruthSettings.parse(RawSettings.of(map), Optional.of(input)));
    }

    /** Every 8-bit pixel value in a 16 × 16 matrix, 0 … 255. */
    private static DMatrixRMaj allPixels() {
        DMatrixRMaj pixels = new DMatrixRMaj(16, 16);
        for (int k = 0; k < 256; k++) {
            pixels.data[k] = k;
        }
        return pixels;
    }

    @ParameterizedTest(name = "divide-by = {0}")
    @CsvSource(delimiter = '|', textBlock = """
            0         | must be positive and finite, got 0.0
            -255      | must be positive and finite, got -255.0
            Infinity  | 'Infinity' is not a finite number
            NaN       | 'NaN' is not a finite number
            pixels    | 'pixels' is not a number
            """)
    void badDivisorsAreRefusedNamingTheSetting(String value, String message) {
        assertThatThrownBy(() -> generate(allPixels(), "divide-by", value))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("divide-by: ")
                .hasMessageContaining(message);
    }

    @Test
    void theRecordItselfRefusesWhatTheParserCannotSend() {
        for (double bad : new double[]{0, -0.0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new InputDivisor(bad)).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("divide-by: ");
        }
    }

    @Test
    void theDefaultIsOneAndLeavesTheInputAsItIs() {
        assertThat(GroundTruthSettings.inputDivisor(RawSettings.of(Map.of()))).isEqualTo(InputDivisor.NONE);
        assertThat(generate(allPixels()).matrix().data).containsExactly(allPixels().data);
    }

    /**
     * Independent truth for x / c correctly rounded: among the doubles q⁻ &lt; q &lt; q⁺ around the result, q has the
     * smallest residual |q·c − x|, each residual computed with one rounding by fma (exact enough to order them:
     * the three residuals differ by about c·ulp(q), far above their own rounding). The sweep includes pixels where
     * x · (1/c) is one ulp off (33, 37, 41, … for c = 255), so a multiplication by the reciprocal would fail here.
     */
    @ParameterizedTest(name = "divide-by = {0}")
    @ValueSource(doubles = {255, 3, 7.5, 1e-3, 65535})
    void everyEntryIsTheCorrectlyRoundedQuotient(double divisor) {
        DMatrixRMaj input = allPixels();
        Random random = new Random(Double.hashCode(divisor));
        for (int k = 0; k < 40; k++) {
            input.data[k] = random.nextGaussian() * 1e3; // a few non-integers of both signs as well
        }
        DMatrixRMaj scaled = generate(input, "divide-by", Double.toString(divisor)).matrix();
        int reciprocalWouldDiffer = 0;
        for (int k = 0; k < input.getNumElements(); k++) {
            double x = input.data[k];
            double q = scaled.data[k];
            double residual = Math.abs(Math.fma(q, divisor, -x));
            assertThat(residual).as("entry %d: %s / %s", k, x, divisor)
                    .isLessThanOrEqualTo(Math.abs(Math.fma(Math.nextUp(q), divisor, -x)))
                    .isLessThanOrEqualTo(Math.abs(Math.fma(Math.nextDown(q), divisor, -x)));
            if (x * (1 / divisor) != q) {
                reciprocalWouldDiffer++;
            }
        }
        if (divisor == 255) {
            assertThat(reciprocalWouldDiffer).as("entries where x · (1/255) is not x / 255").isPositive();
        }
    }

    /**
     * Noise goes on the scaled matrix: X / c + E with E the draw the same seed gives on a zero input (the draws do
     * not depend on the values), added with one rounding; without noise the result is the scaled input, the clean
     * reference of a denoising run.
     */
    @Test
    void noiseIsAddedToTheScaledMatrix() {
        DMatrixRMaj input = allPixels();
        DMatrixRMaj noise = generate(new DMatrixRMaj(16, 16), "noise", "uniform:0.5", "seed", "7").matrix();
        DMatrixRMaj noisy = generate(input, "divide-by", "255", "noise", "uniform:0.5", "seed", "7").matrix();
        DMatrixRMaj clean = generate(input, "divide-by", "255", "seed", "7").matrix();
        for (int k = 0; k < 256; k++) {
            assertThat(clean.data[k]).isEqualTo(k / 255.0);
            assertThat(noisy.data[k]).isEqualTo(k / 255.0 + noise.data[k]);
            assertThat(Math.abs(noise.data[k])).isLessThanOrEqualTo(0.5);
        }
    }

    @Test
    void observationsAreOfTheScaledNoisyMatrix() {
        GroundTruth truth = generate(allPixels(), "divide-by", "255", "noise", "gaussian:0.1", "seed", "3",
                "observations", "1.0");
        DMatrixRMaj target = truth.matrix();
        Observations observed = truth.observations().orElseThrow();
        assertThat(observed.count()).isEqualTo(256);
        int[] rows = observed.row();
        int[] columns = observed.column();
        double[] values = observed.values();
        for (int i = 0; i < observed.count(); i++) {
            assertThat(values[i]).isEqualTo(target.get(rows[i], columns[i]));
        }
    }

    @Test
    void aGeneratedTargetIsNotDivided() {
        Map<String, String> plain = Map.of("spectrum", "4,2,1", "seed", "5");
        Map<String, String> divided = new HashMap<>(plain);
        divided.put("divide-by", "255");
        assertThat(GroundTruthGenerator.generate(GroundTruthSettings.parse(RawSettings.of(divided), Optional.empty()))
                .matrix().data).containsExactly(GroundTruthGenerator.generate(GroundTruthSettings.parse(
                RawSettings.of(plain), Optional.empty())).matrix().data);
    }
}
