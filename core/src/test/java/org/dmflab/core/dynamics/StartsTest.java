package org.dmflab.core.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.dmflab.core.RandomCases;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.settings.Setting;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The starts' one home: each kind reads exactly the scales its declarations say it reads, builds the initial factors
 * of docs/theory.md §1.4–1.6, and the list of kinds is what the {@code init} choices and messages show.
 */
class StartsTest {

    private static RawSettings settings(Map<String, String> values) {
        return RawSettings.of(values);
    }

    /** A valid start of {@code kind} from its declared defaults (the Gaussian start's seed has none: 7). */
    private static Map<String, String> validValues(Initialization kind) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(RunSettings.INIT, kind.key());
        if (kind == Initialization.GAUSSIAN) {
            values.put(Gaussian.SEED, "7");
        }
        return values;
    }

    @Test
    void eachKindReadsExactlyTheScalesItsDeclarationsEnable() {
        int cases = 0;
        for (Initialization kind : Initialization.values()) {
            Start reference = RunSettings.start(settings(validValues(kind)));
            assertThat(reference.init()).isEqualTo(kind);
            for (Setting scale : RunSettings.START_SETTINGS) {
                Map<String, String> values = validValues(kind);
                values.put(scale.key(), "not a number");
                boolean read = scale.readWhen().orElseThrow().holdsFor(kind.key());
                if (read) {
                    assertThatThrownBy(() -> RunSettings.start(settings(values))).as(kind + " reads " + scale.key())
                            .hasMessageStartingWith(scale.key() + ": ");
                } else {
                    assertThat(RunSettings.start(settings(values))).as(kind + " ignores " + scale.key())
                            .isEqualTo(reference);
                }
                cases++;
            }
        }
        assertThat(cases).isEqualTo(Initialization.values().length * RunSettings.START_SETTINGS.size());
    }

    @Test
    void theInitChoicesAndMessagesListEveryKind() {
        List<String> keys = Arrays.stream(Initialization.values()).map(Initialization::key).toList();
        assertThat(RunSettings.INIT_SETTING.choices().stream().map(Setting.Choice::key).toList()).isEqualTo(keys);
        for (Initialization kind : Initialization.values()) {
            assertThat(Initialization.parse(" " + kind.key().toUpperCase(java.util.Locale.ROOT) + " ")).isEqualTo(kind);
            assertThat(Initialization.keys()).contains(kind.key());
        }
        assertThat(Initialization.keys()).isEqualTo("identity, perturbed or gaussian");
        assertThatThrownBy(() -> Initialization.parse("random"))
                .hasMessage("init: 'random' is not an initialization; use identity, perturbed or gaussian");
        // every start's setting is declared once, in the trainer's list, right after depth, step and init
        assertThat(Setting.keys(RunSettings.START_SETTINGS)).containsExactly("alpha", "beta", "sigma", "seed",
                "determinant");
        assertThat(RunSettings.ADDED_LATER).containsExactly("determinant");
        Set<String> readByTheTheory = RunSettings.START_SETTINGS.stream().filter(scale -> Arrays.stream(
                        Initialization.values()).filter(Initialization::covered)
                .anyMatch(kind -> scale.readWhen().orElseThrow().holdsFor(kind.key()))).map(Setting::key)
                .collect(Collectors.toSet());
        assertThat(Setting.keys(RunSettings.SETTINGS)).containsExactly("depth", "step", "init", "alpha", "beta");
        assertThat(readByTheTheory).containsExactlyInAnyOrder("alpha", "beta");
    }

    @Test
    void identicalAndPerturbedStartsAreMultiplesOfTheIdentity() {
        Random random = new Random(61);
        int cases = 0;
        for (int i = 0; i < 40; i++) {
            int depth = RandomCases.integer(random, 1, 5);
            int[] rows = new int[depth];
            int[] cols = new int[depth];
            for (int j = 0; j < depth; j++) {
                rows[j] = RandomCases.integer(random, 1, 6);
                cols[j] = RandomCases.integer(random, 1, 6);
            }
            double alpha = RandomCases.logUniform(random, 1e-6, 1);
            double beta = alpha * (0.01 + 0.98 * random.nextDouble());
            DMatrixRMaj[] identity = new Identity(alpha).initialFactors(rows, cols);
            DMatrixRMaj[] perturbed = new Perturbed(alpha, beta).initialFactors(rows, cols);
            for (int j = 0; j < depth; j++) {
                for (int r = 0; r < rows[j]; r++) {
                    for (int c = 0; c < cols[j]; c++) {
                        double unit = r == c ? 1 : 0;
                        // exact: the entries are set, not computed
                        assertThat(identity[j].get(r, c)).isEqualTo(unit * alpha);
                        assertThat(perturbed[j].get(r, c)).isEqualTo(unit * (j == 0 ? beta : alpha));
                    }
                }
            }
            cases++;
        }
        assertThat(cases).isEqualTo(40);
    }

    @Test
    void theGaussianStartDrawsItsFactorsInOrderFromItsSeed() {
        int[] rows = {3, 4, 2};
        int[] cols = {2, 3, 4};
        double sigma = 0.25;
        DMatrixRMaj[] factors = new Gaussian(sigma, 42).initialFactors(rows, cols);
        Random draws = new Random(42);
        for (int j = 0; j < rows.length; j++) {
            assertThat(factors[j].numRows).isEqualTo(rows[j]);
            assertThat(factors[j].numCols).isEqualTo(cols[j]);
            for (int r = 0; r < rows[j]; r++) {
                for (int c = 0; c < cols[j]; c++) {
                    assertThat(factors[j].get(r, c)).isEqualTo(sigma * draws.nextGaussian());
                }
            }
        }
        DMatrixRMaj[] again = new Gaussian(sigma, 42).initialFactors(rows, cols);
        for (int j = 0; j < rows.length; j++) {
            assertThat(again[j].data).isEqualTo(factors[j].data);
        }
    }

    @Test
    void theStepScaleIsTheSizeOfTheStartingFactors() {
        assertThat(new Identity(0.3).stepScale(3, 5, 5, 5)).isEqualTo(0.3);
        assertThat(new Perturbed(0.3, 0.1).stepScale(1, 5, 5, 5)).isEqualTo(0.1);
        // σ(√m + √n) for the only factor; σ·max(√width + √max(m, n), 2√width) deeper
        assertThat(new Gaussian(0.5, 1).stepScale(1, 4, 9, 9)).isEqualTo(0.5 * (2 + 3));
        assertThat(new Gaussian(0.5, 1).stepScale(3, 4, 9, 16)).isEqualTo(0.5 * Math.max(4 + 3, 8));
        assertThat(new Gaussian(0.5, 1).stepScale(3, 16, 16, 1)).isEqualTo(0.5 * Math.max(1 + 4, 2));
    }
}
