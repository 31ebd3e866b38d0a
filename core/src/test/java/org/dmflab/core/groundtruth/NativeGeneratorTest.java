package org.dmflab.core.groundtruth;

import org.dmflab.core.linalg.KernelThresholds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.dmflab.core.RandomCases;
import org.dmflab.core.linalg.NativeBlas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generator above the native threshold, where its basis, product and spectrum run on OpenBLAS: the same settings
 * give the same bits twice, and {@code -Ddmflab.blas=java} gives the same target and spectrum within rounding. Tolerance:
 * the Haar factor moves by at most c·n·u·κ(G) between two QR codes (κ of a Gaussian n×n matrix is O(n) with high
 * probability, a few hundred here), the product and the eigenvalues by c·n·u·‖Φ‖₂ (Weyl); 1e-10·‖Φ‖ covers both with
 * room (about 1e-12 seen). Skipped where OpenBLAS does not load.
 */
class NativeGeneratorTest {

    @BeforeAll
    static void openBlasLoads() {
        assumeTrue(NativeBlas.failure().isEmpty(), () -> "OpenBLAS did not load here: " + NativeBlas.failure().orElse(""));
    }

    static Stream<Arguments> cases() {
        return RandomCases.of(2026_12_02, 6, random -> {
            int n = RandomCases.integer(random, KernelThresholds.NATIVE_FROM, 80);
            int m = random.nextBoolean() ? n : RandomCases.integer(random, KernelThresholds.NATIVE_FROM, 80);
            return new Object[]{m, n, random.nextLong()};
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sameBitsTwiceAndTheJavaFallbackWithinRounding(int m, int n, long seed) {
        Map<String, String> settings = Map.of("spectrum", (m == n ? "linear:3,-1," : "linear:3,0,") + Math.min(m, n), "n", Integer.toString(n),
                "m", Integer.toString(m), "seed", Long.toString(seed), "noise", "gaussian:0.01",
                GroundTruthSettings.SYMMETRIZE_NOISE, Boolean.toString(m == n));
        GroundTruth first = GroundTruthGeneratorTest.generate(settings);
        GroundTruth again = GroundTruthGeneratorTest.generate(settings);
        assertThat(again.matrix().data).isEqualTo(first.matrix().data);
        assertThat(again.spectrum().values()).isEqualTo(first.spectrum().values());
        String previous = System.getProperty(NativeBlas.PROPERTY, "");
        System.setProperty(NativeBlas.PROPERTY, "java");
        GroundTruth java;
        try {
            java = GroundTruthGeneratorTest.generate(settings);
        } finally {
            System.setProperty(NativeBlas.PROPERTY, previous);
        }
        double scale = Math.abs(first.spectrum().values()[0]);
        for (int k = 0; k < first.matrix().data.length; k++) {
            assertThat(Math.abs(java.matrix().data[k] - first.matrix().data[k])).isLessThanOrEqualTo(1e-10 * scale);
        }
        assertThat(java.spectrum().kind()).isEqualTo(first.spectrum().kind());
        double[] expected = first.spectrum().values();
        double[] actual = java.spectrum().values();
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).isLessThanOrEqualTo(1e-10 * scale);
        }
    }
}
