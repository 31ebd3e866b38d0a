package org.dmflab.core.train;

import org.dmflab.core.loss.LossKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dmflab.core.dynamics.Perturbed;
import org.dmflab.core.dynamics.Identity;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.dynamics.RunDynamics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainSettingsTest {

    @Test
    void defaultsAndKeysFollowTheDesign() {
        assertThat(TrainSettings.KEYS).containsExactly("depth", "step", "init", "alpha", "beta", "sigma", "seed",
                "determinant", "iterations", "tolerance", "stop-at", "record", "solver", "loss", "width");
        TrainConfig config = Fixtures.config();
        assertThat(config.stopAt()).isEqualTo(StopAt.NONE);
        assertThat(config.depth()).isEqualTo(3);
        assertThat(config.init()).isEqualTo(Initialization.IDENTITY);
        assertThat(config.beta()).isEqualTo(config.alpha() / 2);
        assertThat(config.record().text()).isEqualTo("log:400");
        assertThat(config.solver()).isEqualTo(SolverKind.AUTO);
        assertThat(config.loss()).isEqualTo(LossKind.FULL);
        assertThat(config.width()).isEmpty();
        assertThat(config.tolerance()).isZero();
    }

    @Test
    void parsesEveryKey() {
        TrainConfig config = Fixtures.config("depth", "5", "step", "0.2", "init", "perturbed", "alpha", "0.3", "beta",
                "0.1", "sigma", "0.5", "seed", "42", "iterations", "123", "tolerance", "1e-6", "record", "every:7",
                "solver", "matrix", "loss", "sensing", "width", "9", "stop-at", "rank:4");
        assertThat(config).isEqualTo(new TrainConfig(new RunDynamics(5, 0.2,
                new Perturbed(0.3, 0.1)), 123, 1e-6, new RecordSchedule.Every(7), SolverKind.MATRIX,
                LossKind.SENSING, java.util.OptionalInt.of(9), new StopAt(4)));
        assertThat(config).isEqualTo(TrainConfig.builder().depth(5).step(0.2).start(new Perturbed(0.3, 0.1))
                .iterations(123).tolerance(1e-6)
                .record(new RecordSchedule.Every(7)).solver(SolverKind.MATRIX).loss(LossKind.SENSING)
                .width(java.util.OptionalInt.of(9)).stopAt(new StopAt(4)).build());
    }

    /** The loss setting offers the declared losses, in their order and with their own texts (one declaration). */
    @Test
    void theLossChoicesAreTheDeclaredLosses() {
        org.dmflab.core.settings.Setting loss = TrainSettings.SETTINGS.stream()
                .filter(setting -> setting.key().equals(TrainSettings.LOSS)).findFirst().orElseThrow();
        assertThat(loss.choices()).extracting(org.dmflab.core.settings.Setting.Choice::key)
                .containsExactlyElementsOf(java.util.Arrays.stream(LossKind.values()).map(LossKind::key).toList());
        assertThat(loss.choices()).extracting(org.dmflab.core.settings.Setting.Choice::label)
                .containsExactly("Full: ½‖W − Φ‖² over all entries", "Matrix sensing: Gaussian measurements",
                        "Matrix completion: observed entries");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "depth|0|depth",
            "step|0|step",
            "step|-1|step",
            "alpha|0|alpha",
            "iterations|0|iterations",
            "tolerance|-1|tolerance",
            "record|every:0|record",
            "record|sometimes|record",
            "record|log:1|record",
            "solver|fast|solver",
            "loss|l1|loss",
            "init|zero|init",
            "width|-2|width",
            "depth|three|depth"})
    void badValuesNameTheirKey(String key, String value, String subject) {
        assertThatThrownBy(() -> Fixtures.config(key, value))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).subject()).isEqualTo(subject))
                .hasMessageStartingWith(subject + ": ");
    }

    @Test
    void perturbedNeedsBetaBelowAlpha() {
        assertThatThrownBy(() -> Fixtures.config("init", "perturbed", "alpha", "0.1", "beta", "0.1"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("beta: ").hasMessageContaining("0 < β < α");
        assertThatThrownBy(() -> Fixtures.config("init", "perturbed", "alpha", "0.1", "beta", "0"))
                .hasMessageStartingWith("beta: ");
        // beta is irrelevant for the other starts: they do not carry it
        assertThat(Fixtures.config("init", "identity", "alpha", "0.1", "beta", "5").dynamics().start())
                .isEqualTo(new Identity(0.1));
    }

    @Test
    void gaussianNeedsASeedAndSigma() {
        assertThatThrownBy(() -> Fixtures.config("init", "gaussian"))
                .hasMessageStartingWith("seed: ").hasMessageContaining("set a seed");
        assertThatThrownBy(() -> Fixtures.config("init", "gaussian", "seed", "1", "sigma", "0"))
                .hasMessageStartingWith("sigma: ");
    }

    @Test
    void theBuilderStartsFromTheDefaultsAndValidates() {
        assertThat(TrainConfig.builder().build()).isEqualTo(Fixtures.config());
        assertThat(TrainConfig.builder().start(new Identity(0.4)).build().beta()).isEqualTo(0.2);
        assertThatThrownBy(() -> TrainConfig.builder().width(java.util.OptionalInt.of(-2)).build())
                .hasMessageStartingWith("width: must be a positive inner width");
    }

    @Test
    void exactSolversRefuseWhatTheyCannotDo() {
        assertThatThrownBy(() -> Fixtures.config("init", "gaussian", "seed", "1", "solver", "spectral"))
                .hasMessageStartingWith("solver: ").hasMessageContaining("solver=matrix");
        assertThatThrownBy(() -> Fixtures.config("loss", "sensing", "solver", "flow"))
                .hasMessageStartingWith("solver: ");
    }
}
