package org.dmflab.core.experiment.preset;

import static org.assertj.core.api.Assertions.assertThat;

import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.loss.LossKind;
import org.dmflab.core.train.RecordSchedule;
import org.dmflab.core.train.SolverKind;
import org.dmflab.core.train.TrainConfig;
import org.dmflab.core.train.TrainSettings;
import org.junit.jupiter.api.Test;

/** The typed preset settings: the shortest number text, and settings that the trainer's own parser reads back. */
class RunSettingsTest {
    @Test
    void numbersAreWrittenInTheirShortestForm() {
        assertThat(RunSettings.number(8)).isEqualTo("8");
        assertThat(RunSettings.number(0.25)).isEqualTo("0.25");
        assertThat(RunSettings.number(-0.3)).isEqualTo("-0.3");
        assertThat(RunSettings.number(1e-10)).isEqualTo("1e-10");
        assertThat(Double.parseDouble(RunSettings.number(0.1 + 0.2))).isEqualTo(0.1 + 0.2); // round trip
    }

    @Test
    void theTrainerReadsBackWhatWasSet() {
        TrainConfig config = TrainSettings.parse(RawSettings.of(RunSettings.Train.depth(4).step(0.00123456, 3)
                .init(Initialization.GAUSSIAN).sigma(0.02).seed(7).iterations(900).tolerance(1e-10)
                .record(new RecordSchedule.Every(30)).solver(SolverKind.MATRIX).loss(LossKind.FULL).width(5)
                .build()));
        assertThat(config.depth()).isEqualTo(4);
        assertThat(config.step()).isEqualTo(0.00123);
        assertThat(config.init()).isEqualTo(Initialization.GAUSSIAN);
        assertThat(config.sigma()).isEqualTo(0.02);
        assertThat(config.seed().getAsLong()).isEqualTo(7);
        assertThat(config.iterations()).isEqualTo(900);
        assertThat(config.tolerance()).isEqualTo(1e-10);
        assertThat(config.record()).isEqualTo(new RecordSchedule.Every(30));
        assertThat(config.solver()).isEqualTo(SolverKind.MATRIX);
        assertThat(config.width().getAsInt()).isEqualTo(5);
    }
}
