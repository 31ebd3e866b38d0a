package org.dmflab.core.experiment;

import org.dmflab.core.spectrum.TrackResult;
import org.dmflab.core.theory.Prediction;
import org.dmflab.core.train.TrainingResult;

import java.util.Objects;
import java.util.Optional;

/** What one run of an experiment produced: the trainer's result, the predictor's (if any), the tracker's. */
public record RunOutcome(RunSpec spec, TrainingResult training, Optional<Prediction> prediction, TrackResult track) {
    public RunOutcome {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(track, "track");
    }
}
