package org.dmflab.core.groundtruth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.settings.RawSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroundTruthSettingsTest {

    static GroundTruthConfig parse(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return GroundTruthSettings.parse(RawSettings.of(map), Optional.empty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            non-numeric entry       | spectrum | 8,x,2        | 'x' at position 2
            empty entry             | spectrum | 8,,2         | empty entry at position 2
            unknown preset          | spectrum | cubic:1,2,3  | unknown preset 'cubic'
            preset with two numbers | spectrum | geometric:1,2 | exactly three numbers
            preset count not whole  | spectrum | linear:1,2,2.5 | whole number
            lowrank rank too big    | spectrum | lowrank:7,1,6 | rank r must be
            """)
    void badSpectraNameTheSettingAndTheProblem(String name, String key, String value, String message) {
        assertThatThrownBy(() -> parse(key, value == null ? "" : value, "seed", "1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("spectrum: ")
                .hasMessageContaining(message);
    }

    @Test
    void nSmallerThanTheListIsRejected() {
        assertThatThrownBy(() -> parse("spectrum", "4,3,2,1", "n", "3", "seed", "1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("n: ")
                .hasMessageContaining("room for 3 values, but the spectrum lists 4");
    }

    @Test
    void negativeSizesAreRejected() {
        assertThatThrownBy(() -> parse("spectrum", "1", "n", "-2", "seed", "1"))
                .hasMessageStartingWith("n: must be a positive size");
        assertThatThrownBy(() -> parse("spectrum", "1", "m", "-1", "seed", "1"))
                .hasMessageStartingWith("m: must be a positive size");
    }

    @Test
    void absurdlyLargeSizesAreRefusedWithTheNumbers() {
        assertThatThrownBy(() -> parse("spectrum", "1", "n", "100000", "seed", "1"))
                .hasMessageStartingWith("n: 100000 is too large")
                .hasMessageContaining("10000000000 entries");
        long heap = Runtime.getRuntime().maxMemory();
        int tooLarge = (int) Math.min(GroundTruthSettings.MAX_SIZE, Math.sqrt(heap / 8.0) + 1);
        assertThatThrownBy(() -> parse("spectrum", "1", "n", Integer.toString(tooLarge), "seed", "1"))
                .hasMessageStartingWith("n: ")
                .hasMessageContaining("needs about")
                .hasMessageContaining("may use only");
    }

    @Test
    void randomnessWithoutASeedIsRejected() {
        assertThatThrownBy(() -> parse("spectrum", "1,2"))
                .hasMessageStartingWith("seed: eigenvectors=random needs a seed");
        assertThatThrownBy(() -> parse("spectrum", "1,2", "eigenvectors", "identity", "noise", "gaussian:0.1"))
                .hasMessageStartingWith("seed: noise=gaussian:0.1 needs a seed");
        assertThatThrownBy(() -> parse("spectrum", "1,2", "eigenvectors", "identity", "measurements", "3"))
                .hasMessageStartingWith("seed: measurements=3 needs a seed");
        assertThat(parse("spectrum", "1,2", "eigenvectors", "identity").seed()).isEmpty();
    }

    @Test
    void badNoiseAndFlagsAreNamed() {
        assertThatThrownBy(() -> parse("spectrum", "1", "seed", "1", "noise", "laplace:1"))
                .hasMessageStartingWith("noise: unknown noise 'laplace:1'");
        assertThatThrownBy(() -> parse("spectrum", "1", "seed", "1", "noise", "gaussian:-1"))
                .hasMessageStartingWith("noise: the scale of gaussian noise must be a positive number");
        assertThatThrownBy(() -> parse("spectrum", "1", "seed", "1", "noise", "gaussian"))
                .hasMessageStartingWith("noise: 'gaussian' needs a scale");
        assertThatThrownBy(() -> parse("spectrum", "1", "seed", "1", "symmetrize-noise", "maybe"))
                .hasMessageStartingWith("symmetrize-noise: 'maybe' is neither true nor false");
        assertThatThrownBy(() -> parse("spectrum", "1", "seed", "1", "eigenvectors", "haar"))
                .hasMessageStartingWith("eigenvectors: 'haar' is not a basis");
        assertThatThrownBy(() -> parse("spectrum", "1", "seed", "x"))
                .hasMessageStartingWith("seed: 'x' is not a whole number");
        assertThatThrownBy(() -> parse("spectrum", "1", "seed", "1", "measurements", "-4"))
                .hasMessageStartingWith("measurements: must be 0");
    }

    @Test
    void rectangularTargetsRejectNegativeSingularValuesAndSymmetrisedNoise() {
        assertThatThrownBy(() -> parse("spectrum", "2,-1", "n", "3", "m", "4", "seed", "1"))
                .hasMessageStartingWith("spectrum: a rectangular target takes singular values");
        assertThatThrownBy(() -> parse("spectrum", "2,1", "n", "3", "m", "4", "seed", "1", "noise", "gaussian:1",
                "symmetrize-noise", "true"))
                .hasMessageStartingWith("symmetrize-noise: a 4×3 target is not square");
    }

    @Test
    void presetsExpandToTheirValues() {
        assertThat(SpectrumSpec.parse("geometric:8,0.5,4", 100).values()).containsExactly(8, 4, 2, 1);
        assertThat(SpectrumSpec.parse("linear:4,1,4", 100).values()).containsExactly(4, 3, 2, 1);
        assertThat(SpectrumSpec.parse("lowrank:2,3,5", 100).values()).containsExactly(3, 3, 0, 0, 0);
        assertThat(SpectrumSpec.parse(" 1, -2 ,0,0 ", 100).values()).containsExactly(1, -2, 0, 0);
    }

    @Test
    void defaultsAreSquareWithTheSpectrumsLength() {
        GroundTruthConfig config = parse("spectrum", "3,2,1", "seed", "1");
        assertThat(config.source().rows()).isEqualTo(3);
        assertThat(config.source().columns()).isEqualTo(3);
        assertThat(config.noise().isNone()).isTrue();
        assertThat(config.measurements()).isZero();
    }
}
