package org.dmflab.core.experiment;

import org.dmflab.core.spectrum.TrackResult;
import org.dmflab.core.theory.Prediction;
import org.dmflab.core.train.TrainingResult;

import java.util.Objects;
import java.util.Optional;

/**
 * What one run of an experiment produced: the trainer's result, the predictor's (if any), the tracker's, and the
 * products W(k) at chosen iterations (denoising: the iterations its images show; empty otherwise).
 */
public record RunOutcome(RunSpec spec, TrainingResult training, Optional<Prediction> prediction, TrackResult track,
                         java.util.SortedMap<Long, org.ejml.data.DMatrixRMaj> snapshots) {

    /** An outcome without snapshots. */
    public RunOutcome(RunSpec spec, TrainingResult training, Optional<Prediction> prediction, TrackResult track) {
        this(spec, training, prediction, track, new java.util.TreeMap<>());
    }

    public RunOutcome {
        snapshots = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(snapshots));
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(track, "track");
    }
}
