package org.dmflab.core.groundtruth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.dmflab.core.RandomCases;
import org.dmflab.core.linalg.RandomMatrices;
import org.dmflab.core.linalg.Spectra;
import org.dmflab.core.model.Observations;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.ObservationTables;
import org.dmflab.core.table.Table;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Observed entries for matrix completion (docs/theory.md §8.3) and the Gaussian-factor instance. */
class ObservationsTest {

    static Stream<Arguments> shapes() {
        return RandomCases.of(20261202, 30, random -> {
            int m = RandomCases.integer(random, 1, 9);
            int n = RandomCases.integer(random, 1, 9);
            return new Object[]{m, n, RandomCases.integer(random, 1, m * n), random.nextLong()};
        });
    }

    /** Distinct entries within the shape, the target's own values, in row-major order. */
    @ParameterizedTest
    @MethodSource("shapes")
    void sampledEntriesAreDistinctAndCarryTheTargetsValues(int m, int n, int count, long seed) {
        DMatrixRMaj target = RandomMatrices.gaussian(m, n, 1.0, new Random(seed));
        Observations observed = Observations.sample(target, count, new Random(seed + 1));
        assertThat(observed.count()).isEqualTo(count);
        Set<Integer> positions = new HashSet<>();
        int previous = -1;
        for (int k = 0; k < count; k++) {
            int position = observed.row()[k] * n + observed.column()[k];
            assertThat(position).isGreaterThan(previous);
            previous = position;
            positions.add(position);
            assertThat(observed.values()[k]).isEqualTo(target.get(observed.row()[k], observed.column()[k]));
        }
        assertThat(positions).hasSize(count);
        Observations again = ObservationTables.fromTable(ObservationTables.toTable(observed), m, n, "observations");
        assertThat(again.values()).containsExactly(observed.values());
        assertThat(again.row()).containsExactly(observed.row());
    }

    /**
     * Uniform without replacement: each of the 12 entries of a 3×4 matrix is observed with probability 5/12. Over
     * 6000 draws each count is Binomial(6000, 5/12) with standard deviation 38; 5 standard deviations is 190.
     */
    @Test
    void everyEntryIsEquallyLikely() {
        DMatrixRMaj target = new DMatrixRMaj(3, 4);
        int[] counts = new int[12];
        Random random = new Random(7);
        for (int draw = 0; draw < 6000; draw++) {
            boolean[] mask = Observations.sample(target, 5, random).mask();
            for (int k = 0; k < mask.length; k++) {
                counts[k] += mask[k] ? 1 : 0;
            }
        }
        for (int count : counts) {
            assertThat(count).isCloseTo(2500, within(190));
        }
    }

    /** Through the generator: a count or a fraction, seeded, the same bytes for the same seed. */
    @Test
    void theGeneratorObservesACountOrAFraction() {
        GroundTruth byCount = generate(Map.of("spectrum", "3,2,1", "n", "6", "m", "5", "seed", "3",
                "observations", "12"));
        assertThat(byCount.observations().orElseThrow().count()).isEqualTo(12);
        GroundTruth byFraction = generate(Map.of("spectrum", "3,2,1", "n", "6", "m", "5", "seed", "3",
                "observations", "0.5"));
        assertThat(byFraction.observations().orElseThrow().count()).isEqualTo(15);
        GroundTruth again = generate(Map.of("spectrum", "3,2,1", "n", "6", "m", "5", "seed", "3",
                "observations", "12"));
        assertThat(again.observations().orElseThrow().row()).containsExactly(byCount.observations().get().row());
        assertThat(generate(Map.of("spectrum", "3,2,1", "eigenvectors", "identity")).observations()).isEmpty();
        assertThatThrownBy(() -> generate(Map.of("spectrum", "3,2,1", "eigenvectors", "identity", "observations", "4")))
                .hasMessageStartingWith("seed: observations=4 needs a seed");
        assertThatThrownBy(() -> generate(Map.of("spectrum", "3,2,1", "seed", "1", "observations", "10")))
                .hasMessageStartingWith("observations: 10 observed entries requested, but the target has only 9");
        assertThatThrownBy(() -> generate(Map.of("spectrum", "3,2,1", "seed", "1", "observations", "1.5")))
                .hasMessageStartingWith("observations: the fraction 1.5 is not in (0, 1]");
        assertThatThrownBy(() -> generate(Map.of("spectrum", "3,2,1", "seed", "1", "observations", "many")))
                .hasMessageStartingWith("observations: 'many' is neither a whole count");
    }

    /** gaussian-factors:r,norm has rank r (an independent SVD) and the requested Frobenius norm. */
    @ParameterizedTest
    @MethodSource("shapes")
    void gaussianFactorsHaveTheRankAndTheNorm(int m, int n, int ignored, long seed) {
        int rank = 1 + (int) Math.floorMod(seed, Math.min(m, n));
        double norm = 1 + Math.floorMod(seed, 50);
        GroundTruth truth = generate(Map.of("spectrum", "gaussian-factors:" + rank + "," + norm, "n",
                Integer.toString(n), "m", Integer.toString(m), "seed", Long.toString(seed)));
        DMatrixRMaj matrix = truth.matrix();
        assertThat(matrix.numRows).isEqualTo(m);
        assertThat(matrix.numCols).isEqualTo(n);
        assertThat(NormOps_DDRM.normF(matrix)).isCloseTo(norm, within(1e-12 * norm));
        double[] singular = Spectra.singularValues(matrix);
        // r Gaussian directions are independent with probability one; the rest is round-off, ~1e-15·‖Φ‖
        assertThat(singular[rank - 1]).isGreaterThan(1e-8 * norm);
        if (rank < singular.length) {
            assertThat(singular[rank]).isLessThan(1e-12 * norm);
        }
    }

    @Test
    void gaussianFactorsDefaultToUnitRootMeanSquareEntries() {
        GroundTruth truth = generate(Map.of("spectrum", "gaussian-factors:2", "n", "8", "m", "2", "seed", "1"));
        assertThat(NormOps_DDRM.normF(truth.matrix())).isCloseTo(4, within(1e-12));
        assertThatThrownBy(() -> generate(Map.of("spectrum", "gaussian-factors:2", "seed", "1")))
                .hasMessageStartingWith("n: gaussian-factors needs the number of columns");
        assertThatThrownBy(() -> generate(Map.of("spectrum", "gaussian-factors:4", "n", "3", "seed", "1")))
                .hasMessageStartingWith("spectrum: the rank of gaussian-factors must be between 1 and 3");
        assertThatThrownBy(() -> generate(Map.of("spectrum", "gaussian-factors:2", "n", "3")))
                .hasMessageStartingWith("seed: spectrum=gaussian-factors needs a seed");
    }

    @Test
    void badTablesAreReportedByCell() {
        Table duplicate = table(new Object[]{1, 2, 0.5}, new Object[]{1, 2, 0.7});
        assertThatThrownBy(() -> ObservationTables.fromTable(duplicate, 3, 3, "obs.csv"))
                .hasMessage("obs.csv, row Row1: entry (1, 2) is observed twice; list each entry once (remove the "
                        + "duplicate)");
        assertThatThrownBy(() -> ObservationTables.fromTable(table(new Object[]{4, 1, 0.5}), 3, 3, "obs.csv"))
                .hasMessageStartingWith("obs.csv, row Row0, column 'row': 4 is outside 1 … 3");
        assertThatThrownBy(() -> ObservationTables.fromTable(table(new Object[]{1.5, 1, 0.5}), 3, 3, "obs.csv"))
                .hasMessageStartingWith("obs.csv, row Row0, column 'row': '1.5' is not a whole number");
        assertThatThrownBy(() -> ObservationTables.fromTable(table(new Object[]{1, 1, Double.NaN}), 3, 3, "obs.csv"))
                .hasMessageStartingWith("obs.csv, row Row0, column 'value': 'NaN' is not a finite number");
        Table noValue = Table.builder(java.util.List.of(Column.of("row", ColumnType.DOUBLE),
                Column.of("column", ColumnType.DOUBLE))).addRow(1.0, 1.0).build();
        assertThatThrownBy(() -> ObservationTables.fromTable(noValue, 3, 3, "obs.csv"))
                .hasMessageStartingWith("obs.csv: has no column 'value'");
        assertThatThrownBy(() -> ObservationTables.fromTable(table(), 3, 3, "obs.csv"))
                .hasMessageStartingWith("obs.csv: has no observations");
    }

    private static Table table(Object[]... rows) {
        Table.Builder builder = Table.builder(java.util.List.of(Column.of("row", ColumnType.DOUBLE),
                Column.of("column", ColumnType.DOUBLE), Column.of("value", ColumnType.DOUBLE)));
        for (Object[] row : rows) {
            Object[] cells = new Object[3];
            for (int c = 0; c < 3; c++) {
                cells[c] = ((Number) row[c]).doubleValue();
            }
            builder.addRow(cells);
        }
        return builder.build();
    }

    private static GroundTruth generate(Map<String, String> settings) {
        return GroundTruthGenerator.generate(GroundTruthSettings.parse(RawSettings.of(settings), Optional.empty()));
    }
}
