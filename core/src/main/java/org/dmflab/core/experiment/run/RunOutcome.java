package org.dmflab.core.experiment.run;

import java.util.Objects;
import java.util.Optional;
import org.dmflab.core.experiment.preset.RunSpec;
import org.dmflab.core.track.TrackResult;
import org.dmflab.core.predict.Prediction;
import org.dmflab.core.train.TrainConfig;
import org.dmflab.core.train.TrainingResult;

/**
 * What one run of an experiment produced: the trainer's typed configuration and result, the predictor's (if any), the
 * tracker's, and the products W(k) at chosen iterations (denoising: the iterations its images show; empty otherwise).
 * The analyses read these records, never the settings text again.
 *
 * @param spec           the run's settings as given
 * @param train          the trainer's configuration parsed from {@code spec.train()}
 * @param admissibleStep the admissible step size the trainer computed for this configuration and target
 *                       ((10′), (14′) or the Gaussian heuristic, {@link org.dmflab.core.train.TrainingPlan#admissibleStep})
 * @param snapshots      W(k) by iteration k
 */
public record RunOutcome(RunSpec spec, TrainConfig train, double admissibleStep, TrainingResult training,
                         Optional<Prediction> prediction, TrackResult track,
                         java.util.SortedMap<Long, org.ejml.data.DMatrixRMaj> snapshots) {

    /** An outcome without snapshots. */
    public RunOutcome(RunSpec spec, TrainConfig train, double admissibleStep, TrainingResult training,
                      Optional<Prediction> prediction, TrackResult track) {
        this(spec, train, admissibleStep, training, prediction, track, new java.util.TreeMap<>());
    }

    /** Whether the run ended because its loss reached the tolerance (otherwise its budget ended, or it was stopped). */
    public boolean reachedTolerance() {
        return training.stopReason() == org.dmflab.core.train.StopReason.TOLERANCE;
    }

    public RunOutcome {
        snapshots = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(snapshots));
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(track, "track");
    }
}
