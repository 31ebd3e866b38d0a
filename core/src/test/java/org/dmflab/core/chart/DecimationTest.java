package org.dmflab.core.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecimationTest {

    @Test
    void shortSeriesAreKeptAsTheyAre() {
        double[][] kept = Decimation.thin(new double[]{1, 2, 3}, new double[]{3, 1, 2}, false);
        assertThat(kept[0]).containsExactly(1, 2, 3);
        assertThat(kept[1]).containsExactly(3, 1, 2);
    }

    @Test
    void longSeriesKeepEndsAndEverySpike() {
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = Math.sin(i * 1e-4);
        }
        y[54_321] = 50;   // a one-point spike up
        y[77_777] = -50;  // and down
        for (boolean log : new boolean[]{false, true}) {
            double[][] kept = Decimation.thin(x, y, log);
            assertThat(kept[0].length).isLessThanOrEqualTo(4 * Decimation.BINS).isGreaterThan(Decimation.BINS / 2);
            assertThat(kept[0][0]).isEqualTo(1);
            assertThat(kept[0][kept[0].length - 1]).isEqualTo(n);
            assertThat(kept[1]).contains(50.0, -50.0);
            for (int j = 1; j < kept[0].length; j++) {
                assertThat(kept[0][j]).isGreaterThan(kept[0][j - 1]);
            }
        }
    }

    @Test
    void pointsALogAxisCannotShowAreLeftOut() {
        double[][] kept = Decimation.drawable(new double[]{0, 1, 2, 3}, new double[]{1, 0, Double.NaN, 4}, true, true);
        assertThat(kept[0]).containsExactly(3);
        assertThat(kept[1]).containsExactly(4);
        double[][] linear = Decimation.drawable(new double[]{0, 1}, new double[]{1, 0}, false, false);
        assertThat(linear[0]).containsExactly(0, 1);
    }
}
