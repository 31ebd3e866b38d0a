package org.dmflab.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.stream.Stream;
import org.dmflab.core.RandomCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded sweeps of the plateau and monotonicity rules against brute-force restatements of their definitions. */
class PlateauPropertiesTest {

    static Stream<Arguments> paths() {
        return RandomCases.of(20261127, 300, random -> {
            double[] values = new double[RandomCases.integer(random, 1, 40)];
            for (int i = 0; i < values.length; i++) {
                // coarse values, so that runs inside and outside the band both occur often
                values[i] = RandomCases.integer(random, 0, 6) * 0.5;
            }
            return new Object[]{values, RandomCases.integer(random, 0, 6) * 0.5,
                    RandomCases.uniform(random, 0.01, 1)};
        });
    }

    /**
     * The longest run equals the brute-force maximum over all windows [i, j] lying entirely inside the band that are
     * long enough to be a plateau: at least MIN_POINTS points and MIN_LOG_FRACTION of the run's log-iteration axis
     * (the latter waived for a window that reaches the last point).
     */
    @ParameterizedTest
    @MethodSource("paths")
    void longestRunIsTheLongestWindowInsideTheBand(double[] values, double level, double tolerance) {
        int n = values.length;
        long[] iterations = new long[n];
        for (int i = 0; i < n; i++) {
            iterations[i] = 3L * i + 1; // uneven spacing must not matter: length counts points
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                boolean inside = true;
                for (int p = i; p <= j; p++) {
                    inside &= Math.abs(values[p] - level) <= tolerance;
                }
                boolean longEnough = j - i + 1 >= PlateauDetector.MIN_POINTS
                        && (j == n - 1 || Math.log(iterations[j] + 1.0) - Math.log(iterations[i] + 1.0)
                        >= PlateauDetector.MIN_LOG_FRACTION * Math.log(iterations[n - 1] + 1.0));
                if (inside && longEnough && j - i + 1 > bestLength) {
                    bestLength = j - i + 1;
                    bestStart = i;
                }
            }
        }
        Optional<PlateauRun> run = PlateauDetector.longestRun(iterations, values, level, tolerance);
        if (bestLength == 0) {
            assertThat(run).isEmpty();
        } else {
            assertThat(run).contains(new PlateauRun(iterations[bestStart], iterations[bestStart + bestLength - 1],
                    bestLength));
        }
    }

    static Stream<Arguments> fallsAndRises() {
        return RandomCases.of(11, 300, random -> {
            double[] falls = new double[RandomCases.integer(random, 1, 20)];
            for (int i = 0; i < falls.length; i++) {
                falls[i] = RandomCases.uniform(random, 0.01, 1);
            }
            double[] rises = new double[RandomCases.integer(random, 0, 30)];
            for (int i = 0; i < rises.length; i++) {
                rises[i] = random.nextInt(4) == 0 ? 0 : RandomCases.uniform(random, 0, 1); // flat stretches too
            }
            return new Object[]{falls, rises};
        });
    }

    /** A strictly falling start followed by a non-decreasing path is monotone, with the first minimum at the turn. */
    @ParameterizedTest
    @MethodSource("fallsAndRises")
    void fallThenRiseIsMonotone(double[] falls, double[] rises) {
        double[] path = new double[falls.length + rises.length + 1];
        path[0] = 30;
        int k = 1;
        for (double fall : falls) {
            path[k] = path[k - 1] - fall;
            k++;
        }
        int turn = k - 1;
        for (double rise : rises) {
            path[k] = path[k - 1] + rise;
            k++;
        }
        long[] iterations = new long[path.length];
        for (int i = 0; i < path.length; i++) {
            iterations[i] = i;
        }
        Monotonicity result = Monotonicity.of(iterations, path);
        assertThat(result.monotone()).isTrue();
        assertThat(result.firstMinimumIteration()).isEqualTo(turn);
    }

    static Stream<Arguments> drops() {
        return RandomCases.of(12, 300, random -> new Object[]{RandomCases.integer(random, 2, 30),
                RandomCases.integer(random, 0, 1000), RandomCases.logUniform(random, 1e-8, 1)});
    }

    /**
     * Any drop after the first real rise is found and measured, wherever it happens; it breaks monotonicity exactly
     * when it exceeds the reader's tolerance.
     */
    @ParameterizedTest
    @MethodSource("drops")
    void aDropAfterTheFirstRiseIsFound(int length, int where, double drop) {
        double[] path = new double[length + 3];
        long[] iterations = new long[path.length];
        path[0] = 5;
        path[1] = 1; // first minimum, then a rise of 0.1 per point
        for (int i = 2; i < path.length; i++) {
            path[i] = 1 + 0.1 * (i - 1);
        }
        int at = 3 + where % (path.length - 3); // after the first rise (at point 2)
        for (int i = at; i < path.length; i++) {
            path[i] -= 0.1 + drop; // point `at` lies `drop` (≥ 1e-8 > τ = 1e-9) below its predecessor, the running maximum
        }
        for (int i = 0; i < path.length; i++) {
            iterations[i] = 10L * i;
        }
        Monotonicity result = Monotonicity.of(iterations, path);
        // the drop is the difference of two numbers ≤ 4, exact to a few ulps
        assertThat(result.largestDrop()).isCloseTo(drop, within(1e-14));
        assertThat(result.largestDropIteration()).hasValue(10L * at);
        boolean visible = drop > Monotonicity.READER_TOLERANCE;
        assertThat(result.monotone()).isEqualTo(!visible);
        if (visible) {
            assertThat(result.firstViolation()).hasValue(10L * at);
            assertThat(result.verdict()).startsWith("no, first drop beyond 1e-4 at iteration " + 10L * at);
        } else {
            assertThat(result.firstViolation()).isEmpty();
            assertThat(result.verdict()).startsWith(String.format(java.util.Locale.ROOT, "yes, up to %.2g", drop));
        }
    }
}
