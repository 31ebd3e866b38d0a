package org.dmflab.core.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.dmflab.core.Progress;
import org.dmflab.core.linalg.RandomMatrices;
import org.dmflab.core.linalg.SpectralProduct;
import org.dmflab.core.linalg.Spectra;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.table.Table;
import org.dmflab.core.train.StopReason;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.core.train.Trainer;
import org.dmflab.core.train.TrainingResult;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The tracker's {@code stop_observed} column says, before a user chooses R, where {@code stop-at=rank:R} stops: for a
 * Gaussian-start run (observed rule) on 8, 4, 2, 1, 0.5, 0.25, every rank's value equals the iteration at which a
 * trainer with that setting stops.
 */
class StopColumnTest {
    @Test
    void stopObservedIsWhereTheTrainerStops() {
        DMatrixRMaj target = SpectralProduct.symmetric(RandomMatrices.haarOrthogonal(6, new java.util.Random(3)),
                new double[]{8, 4, 2, 1, 0.5, 0.25});
        Map<String, String> settings = new java.util.HashMap<>(Map.of(TrainSettings.INIT, "gaussian",
                TrainSettings.SIGMA, "0.01", TrainSettings.SEED, "5", TrainSettings.STEP, "0.01",
                TrainSettings.ITERATIONS, "30000", TrainSettings.RECORD, "log:300"));
        TrainingResult whole = Trainer.plan(TrainSettings.parse(RawSettings.of(settings)), target, Optional.empty())
                .run(Progress.NONE);
        TrackResult track = SpectrumTracker.track(new TrackInput(whole.trace(), "run", Optional.of(
                new org.dmflab.core.model.Spectrum(Spectra.sortDescending(Spectra.symmetricEigenvalues(target)),
                        org.dmflab.core.model.SpectrumKind.EIGENVALUE)), "target", Optional.empty(), "none"),
                TrackSettings.parse(RawSettings.of(Map.of())), Progress.NONE);
        Table plateaus = track.plateausTable();
        int column = plateaus.columnNames().indexOf("stop_observed");
        int stopped = 0;
        for (int row = 0; row < plateaus.rowCount(); row++) {
            settings.put(TrainSettings.STOP_AT, "rank:" + (row + 1));
            TrainingResult result = Trainer.plan(TrainSettings.parse(RawSettings.of(settings)), target,
                    Optional.empty()).run(Progress.NONE);
            Object cell = plateaus.cell(row, column);
            if (result.stopReason() == StopReason.RANK) {
                assertThat(cell).as("r = %d", row + 1).isEqualTo(result.iterations());
                stopped++;
            } else {
                assertThat(cell).as("r = %d: the trainer did not stop", row + 1).isNull();
            }
        }
        assertThat(plateaus.rowCount()).isEqualTo(6);
        assertThat(stopped).as("ranks the rule stops at in this run").isGreaterThanOrEqualTo(4);
    }
}
