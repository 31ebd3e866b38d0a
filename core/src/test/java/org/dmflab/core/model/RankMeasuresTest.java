package org.dmflab.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankMeasuresTest {

    @Test
    void closedFormCases() {
        assertThat(RankMeasures.effectiveRank(new double[]{3, 3, 3})).isEqualTo(3);
        assertThat(RankMeasures.effectiveRank(new double[]{4, 2, 1, 0})).isEqualTo(1.75);
        assertThat(RankMeasures.stableRank(new double[]{4, 2, 1, 0})).isCloseTo(21.0 / 16, within(1e-15));
        assertThat(RankMeasures.effectiveRank(new double[]{0, 0})).isZero();
        assertThat(RankMeasures.plateauLevel(new double[]{8, 4, 2, 1}, 3)).isEqualTo(1.75);
    }

    /** Closed forms of the literature's norms and effective rank (Razin and Cohen 2020). */
    @Test
    void normsAndEntropyEffectiveRankInClosedForm() {
        double[] sigma = {4, 2, 1, 0};
        assertThat(RankMeasures.frobeniusNorm(sigma)).isCloseTo(Math.sqrt(21), within(1e-15));
        assertThat(RankMeasures.nuclearNorm(sigma)).isEqualTo(7);
        assertThat(RankMeasures.schattenQuasiNorm(sigma, 1)).isCloseTo(Math.sqrt(21), within(1e-14));
        assertThat(RankMeasures.schattenQuasiNorm(sigma, 2)).isCloseTo(7, within(1e-14));
        assertThat(RankMeasures.schattenQuasiNorm(sigma, 3))
                .isCloseTo(Math.pow(Math.cbrt(16) + Math.cbrt(4) + 1, 1.5), within(1e-13));
        assertThat(RankMeasures.entropyEffectiveRank(new double[]{5, 5, 5, 0})).isCloseTo(3, within(1e-14));
        assertThat(RankMeasures.entropyEffectiveRank(new double[]{2, 0})).isEqualTo(1);
        // p = (3/4, 1/4): H = −¾ log ¾ − ¼ log ¼
        assertThat(RankMeasures.entropyEffectiveRank(new double[]{3, 1}))
                .isCloseTo(Math.exp(-0.75 * Math.log(0.75) - 0.25 * Math.log(0.25)), within(1e-15));
        assertThat(RankMeasures.frobeniusNorm(new double[]{1e200, 1e200})).isCloseTo(Math.sqrt(2) * 1e200,
                within(1e186));
        assertThat(RankMeasures.schattenQuasiNorm(new double[]{0, 0}, 4)).isZero();
        assertThat(RankMeasures.entropyEffectiveRank(new double[]{0})).isZero();
    }

    /**
     * Seeded sweep: 1 ≤ exp(H) ≤ the number of non-zero σ, ‖W‖₂ ≤ ‖W‖_F ≤ ‖W‖_* = S_{2/2}, and the Schatten-2/N
     * quasi-norm grows with N (p = 2/N falls), with ‖W‖_* ≤ S_{2/N} ≤ k^{N/2 − 1}·‖W‖_* (Hölder) for k non-zero σ.
     */
    @Test
    void orderingsHoldOnASeededSweep() {
        java.util.Random random = new java.util.Random(17);
        int cases = 0;
        for (int trial = 0; trial < 300; trial++) {
            int k = 1 + random.nextInt(8);
            double[] sigma = new double[k];
            for (int i = 0; i < k; i++) {
                sigma[i] = Math.exp(6 * random.nextGaussian());
            }
            double largest = java.util.Arrays.stream(sigma).max().orElseThrow();
            double entropyRank = RankMeasures.entropyEffectiveRank(sigma);
            assertThat(entropyRank).isBetween(1 - 1e-12, k + 1e-12);
            double fro = RankMeasures.frobeniusNorm(sigma);
            double nuclear = RankMeasures.nuclearNorm(sigma);
            assertThat(fro).isBetween(largest * (1 - 1e-15), nuclear * (1 + 1e-15));
            double previous = RankMeasures.schattenQuasiNorm(sigma, 1);
            for (int depth = 2; depth <= 6; depth++) {
                double quasi = RankMeasures.schattenQuasiNorm(sigma, depth);
                assertThat(quasi).isGreaterThanOrEqualTo(previous * (1 - 1e-12));
                assertThat(quasi).isBetween(nuclear * (1 - 1e-12), Math.pow(k, depth / 2.0 - 1) * nuclear * (1 + 1e-12));
                previous = quasi;
            }
            cases++;
        }
        assertThat(cases).isEqualTo(300);
    }

    @Test
    void accuracyIsRelativeToLambdaOrTheNormForZero() {
        assertThat(Accuracy.isLearned(1.99, 2, 2, 0.01, 8)).isTrue();
        assertThat(Accuracy.isLearned(1.97, 2, 2, 0.01, 8)).isFalse();
        assertThat(Accuracy.isLearned(0.07, 0, 0, 0.01, 8)).isTrue();
        assertThat(Accuracy.isLearned(0.09, 0, 0, 0.01, 8)).isFalse();
    }
}
