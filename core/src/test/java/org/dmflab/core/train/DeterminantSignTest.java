package org.dmflab.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Random;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.linalg.RandomMatrices;
import org.dmflab.core.dynamics.DeterminantSign;
import org.dmflab.core.dynamics.Initialization;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The Gaussian start conditioned on the sign of det W(0) (docs/theory.md §1.6). */
class DeterminantSignTest {
    private static final DMatrixRMaj TARGET = new DMatrixRMaj(new double[][]{{0, 1}, {1, 0}});

    /**
     * Seeded sweep: the conditioned start has the asked sign; it is the plain draw of the same seed when that already
     * has it, and otherwise the plain draw with W₁'s first column negated (every other entry equal).
     */
    @Test
    void theConditionedStartIsThePlainDrawOrItsFirstColumnNegated() {
        int kept = 0;
        int flipped = 0;
        for (long seed = 1; seed <= 40; seed++) {
            for (int depth = 1; depth <= 4; depth++) {
                DMatrixRMaj[] plain = start(depth, seed, "any");
                double plainSign = Math.signum(determinant(plain));
                for (String sign : new String[]{"positive", "negative"}) {
                    DMatrixRMaj[] conditioned = start(depth, seed, sign);
                    double wanted = sign.equals("positive") ? 1 : -1;
                    assertThat(Math.signum(determinant(conditioned))).isEqualTo(wanted);
                    for (int j = 0; j < depth; j++) {
                        for (int r = 0; r < 2; r++) {
                            for (int c = 0; c < 2; c++) {
                                double factor = j == 0 && c == 0 && plainSign != wanted ? -1 : 1;
                                assertThat(conditioned[j].get(r, c)).isEqualTo(factor * plain[j].get(r, c));
                            }
                        }
                    }
                    if (plainSign == wanted) {
                        kept++;
                    } else {
                        flipped++;
                    }
                }
            }
        }
        assertThat(kept + flipped).isEqualTo(40 * 4 * 2);
        assertThat(kept).isEqualTo(flipped); // each draw keeps one sign and flips for the other
        assertThat(kept).isGreaterThan(100);
    }

    /** The plain draw is RandomMatrices.gaussian per factor from one seeded stream, as before the setting existed. */
    @Test
    void anyLeavesTheDrawAsItWas() {
        Random random = new Random(9);
        DMatrixRMaj[] start = start(3, 9, "any");
        for (int j = 0; j < 3; j++) {
            assertThat(start[j].data).containsExactly(RandomMatrices.gaussian(2, 2, 0.1, random).data);
        }
    }

    @Test
    void refusedWhereTheDeterminantIsZeroAndReadOnlyForARandomStart() {
        DMatrixRMaj wide = new DMatrixRMaj(2, 3);
        assertThatThrownBy(() -> Trainer.plan(config(3, 1, "positive"), wide, Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("determinant: determinant=positive conditions on the sign of det W(0), which "
                        + "needs a square product")
                .hasMessageContaining("the target is 2×3");
        assertThatThrownBy(() -> Trainer.plan(Fixtures.config("depth", "3", "init", "gaussian", "seed", "1", "width",
                "1", "determinant", "negative"), TARGET, Optional.empty()))
                .hasMessageContaining("width=1 < n = 2 makes det W(0) = 0");
        // read only with a Gaussian start, like σ and the seed
        assertThat(Fixtures.config("init", "identity", "determinant", "positive").determinant())
                .isEqualTo(DeterminantSign.ANY);
        assertThatThrownBy(() -> Fixtures.config("init", "gaussian", "seed", "1", "determinant", "plus"))
                .hasMessageStartingWith("determinant: 'plus' is not a determinant sign");
    }

    private static TrainConfig config(int depth, long seed, String sign) {
        return Fixtures.config("depth", Integer.toString(depth), "init", "gaussian", "sigma", "0.1", "seed",
                Long.toString(seed), "determinant", sign, "loss", "full");
    }

    private static DMatrixRMaj[] start(int depth, long seed, String sign) {
        TrainingPlan plan = Trainer.plan(config(depth, seed, sign), TARGET, Optional.empty());
        assertThat(plan.config().init()).isEqualTo(Initialization.GAUSSIAN);
        return MatrixSolver.initialFactors(plan.problem());
    }

    private static double determinant(DMatrixRMaj[] factors) {
        double det = 1;
        for (DMatrixRMaj factor : factors) {
            det *= CommonOps_DDRM.det(factor);
        }
        return det;
    }
}
