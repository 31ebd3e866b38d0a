package org.dmflab.core.groundtruth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dmflab.core.linalg.Symmetry;
import org.dmflab.core.settings.RawSettings;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link GroundTruthConfig#symmetricTarget()} says before generating what {@link Symmetry#isSymmetric} says of the
 * generated target (the KNIME trainer declares its trace's eigenvalue columns from it at configure time): a seeded
 * sweep over every kind of source, square and rectangular shapes including 1×1, with and without noise, symmetrized or
 * not.
 */
class SymmetricTargetTest {

    @Test
    void thePredictionAgreesWithTheGeneratedTarget() {
        int cases = 0;
        int symmetric = 0;
        List<int[]> shapes = List.of(new int[]{1, 1}, new int[]{3, 3}, new int[]{5, 5}, new int[]{2, 4},
                new int[]{4, 2}, new int[]{1, 3});
        for (long seed = 1; seed <= 3; seed++) {
            for (int[] shape : shapes) {
                int m = shape[0];
                int n = shape[1];
                boolean square = m == n;
                for (String noise : List.of("none", "gaussian:0.1", "uniform:0.5")) {
                    for (boolean symmetrize : square || noise.equals("none") ? new boolean[]{false, true}
                            : new boolean[]{false}) {
                        for (String spectrum : List.of(square && n > 1 ? "2,-1" : "2", "gaussian-factors:1")) {
                            Map<String, String> settings = new HashMap<>(Map.of("spectrum", spectrum, "n",
                                    Integer.toString(n), "m", Integer.toString(m), "seed", Long.toString(seed),
                                    "noise", noise, "symmetrize-noise", Boolean.toString(symmetrize)));
                            symmetric += check(GroundTruthSettings.parse(RawSettings.of(settings), Optional.empty()));
                            cases++;
                        }
                        for (DMatrixRMaj input : inputs(m, n)) {
                            symmetric += check(GroundTruthSettings.parse(RawSettings.of(Map.of("seed",
                                    Long.toString(seed), "noise", noise, "symmetrize-noise",
                                    Boolean.toString(symmetrize))), Optional.of(input)));
                            cases++;
                        }
                    }
                }
            }
        }
        assertThat(cases).isEqualTo(360);
        assertThat(symmetric).as("symmetric targets among the cases").isBetween(50, cases - 50);
    }

    /** 1 when the prediction says symmetric, after checking it against the generated target. */
    private static int check(GroundTruthConfig config) {
        boolean predicted = config.symmetricTarget();
        DMatrixRMaj target = GroundTruthGenerator.generate(config).matrix();
        assertThat(predicted).as(config.toString()).isEqualTo(Symmetry.isSymmetric(target));
        return predicted ? 1 : 0;
    }

    /** A symmetric input (where square) and a non-symmetric one. */
    private static List<DMatrixRMaj> inputs(int m, int n) {
        DMatrixRMaj plain = new DMatrixRMaj(m, n);
        DMatrixRMaj mirrored = new DMatrixRMaj(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                plain.set(i, j, 1 + i + 2 * j);
                mirrored.set(i, j, 1 + i + j);
            }
        }
        return List.of(plain, mirrored);
    }
}
