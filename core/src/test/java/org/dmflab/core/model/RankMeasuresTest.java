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

    @Test
    void accuracyIsRelativeToLambdaOrTheNormForZero() {
        assertThat(Accuracy.isLearned(1.99, 2, 2, 0.01, 8)).isTrue();
        assertThat(Accuracy.isLearned(1.97, 2, 2, 0.01, 8)).isFalse();
        assertThat(Accuracy.isLearned(0.07, 0, 0, 0.01, 8)).isTrue();
        assertThat(Accuracy.isLearned(0.09, 0, 0, 0.01, 8)).isFalse();
    }
}
