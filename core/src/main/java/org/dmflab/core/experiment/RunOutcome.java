package org.dmflab.core.experiment;

import java.util.Objects;
import java.util.Optional;
import org.dmflab.core.spectrum.TrackResult;
import org.dmflab.core.theory.Prediction;
import org.dmflab.core.train.TrainConfig;
import org.dmflab.core.train.TrainingResult;

/**
 * What one run of an experiment produced: the trainer's typed configuration and result, the predictor's (if any), the
 * tracker's. The analyses read these records, never the settings text again.
 *
 * @param spec           the run's settings as given
 * @param train          the trainer's configuration parsed from {@code spec.train()}
 * @param admissibleStep the admissible step size the trainer computed for this configuration and target
 *                       ((10′), (14′) or the Gaussian heuristic, {@link org.dmflab.core.train.TrainingPlan#admissibleStep})
 */
public record RunOutcome(RunSpec spec, TrainConfig train, double admissibleStep, TrainingResult training,
                         Optional<Prediction> prediction, TrackResult track) {
    public RunOutcome {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(track, "track");
    }
}
