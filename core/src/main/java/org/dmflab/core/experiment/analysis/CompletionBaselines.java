package org.dmflab.core.experiment.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dmflab.core.Progress;
import org.dmflab.core.baseline.NuclearNormResult;
import org.dmflab.core.baseline.NuclearNormSettings;
import org.dmflab.core.baseline.NuclearNormSolver;
import org.dmflab.core.baseline.ObservedEntries;
import org.dmflab.core.experiment.run.ExperimentRun;
import org.dmflab.core.groundtruth.GroundTruthGenerator;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.model.Observations;
import org.dmflab.core.settings.RawSettings;

/**
 * The nuclear-norm baseline (docs/theory.md §8.4) of a completion preset: for each count M of observed entries, the
 * matrix of least nuclear norm on the same entries the runs trained on (the preset's generator settings with
 * {@code observations = M}, as the runner draws them), with the default stopping rule.
 */
final class CompletionBaselines {
    private CompletionBaselines() {
    }

    /** The entries a baseline was computed from, and its result. */
    record Baseline(Observations observations, NuclearNormResult result) {
    }

    /** One baseline per count of observed entries, ascending. */
    static Map<Integer, Baseline> solve(ExperimentRun run, Iterable<Integer> observedCounts) {
        Map<Integer, Baseline> baselines = new TreeMap<>();
        for (int count : observedCounts) {
            Map<String, String> settings = new LinkedHashMap<>(run.preset().groundTruth());
            settings.put(GroundTruthSettings.OBSERVATIONS, Integer.toString(count));
            Observations observed = GroundTruthGenerator.generate(GroundTruthSettings.parse(RawSettings.of(settings),
                    Optional.empty())).observations().orElseThrow();
            baselines.put(count, new Baseline(observed, NuclearNormSolver.solve(new ObservedEntries(observed),
                    NuclearNormSettings.parse(RawSettings.of(Map.of())), Progress.NONE)));
        }
        return baselines;
    }
}
