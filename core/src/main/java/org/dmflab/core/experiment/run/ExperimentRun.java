package org.dmflab.core.experiment.run;

import org.dmflab.core.experiment.preset.ExperimentPreset;
import org.dmflab.core.groundtruth.GroundTruth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The engines' results of one experiment, before the report is drawn.
 *
 * @param preset what was run
 * @param truth  the target the runs trained on
 * @param clean  the noise-free reference target (denoising only)
 * @param runs   one outcome per {@link ExperimentPreset#runs()}, in that order
 */
public record ExperimentRun(ExperimentPreset preset, GroundTruth truth, Optional<GroundTruth> clean,
                            List<RunOutcome> runs) {
    public ExperimentRun {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(clean, "clean");
        runs = List.copyOf(runs);
    }

    /** The outcome of the run labelled {@code label}. */
    public RunOutcome run(String label) {
        return runs.stream().filter(run -> run.spec().label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run labelled " + label));
    }
}
