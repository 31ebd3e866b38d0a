package org.dmflab.core.experiment.run;

import org.dmflab.core.Progress;
import org.dmflab.core.experiment.preset.DataSets;
import org.dmflab.core.experiment.preset.ExperimentPreset;
import org.dmflab.core.experiment.preset.RunSpec;
import org.dmflab.core.groundtruth.GroundTruth;
import org.dmflab.core.groundtruth.GroundTruthGenerator;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.track.SpectrumTracker;
import org.dmflab.core.track.TrackInput;
import org.dmflab.core.track.TrackResult;
import org.dmflab.core.track.TrackSettings;
import org.dmflab.core.predict.PredictSettings;
import org.dmflab.core.predict.Prediction;
import org.dmflab.core.predict.Predictor;
import org.dmflab.core.train.TrainConfig;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.core.train.Trainer;
import org.dmflab.core.train.TrainingPlan;
import org.dmflab.core.train.TrainingResult;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.dmflab.core.train.KeptIterates;
import java.util.List;
import java.util.Optional;
import org.dmflab.core.theory.PlateauCertificate;

/**
 * Runs a preset through the four engines — generate → train → predict → track — exactly as the command line does:
 * each stage's settings go through that engine's own parser ({@link RawSettings}), so bad preset data fails with the
 * engine's message. Progress: every stage reports into its share of [0, 1].
 */
public final class ExperimentRunner {
    private ExperimentRunner() {
    }

    /** Runs every stage of {@code preset}. */
    public static ExperimentRun run(ExperimentPreset preset, Progress progress) {
        Optional<DMatrixRMaj> data = preset.input().map(set -> DataSets.load(set.dataSet(), set.rows()));
        GroundTruth truth = GroundTruthGenerator.generate(GroundTruthSettings.parse(RawSettings.of(preset.groundTruth()),
                data));
        Optional<GroundTruth> clean = preset.clean().map(settings -> GroundTruthGenerator.generate(
                GroundTruthSettings.parse(RawSettings.of(settings), data)));
        List<RunOutcome> outcomes = new ArrayList<>();
        int count = preset.runs().size();
        for (int i = 0; i < count; i++) {
            RunSpec spec = preset.runs().get(i);
            // training takes most of a run's time; prediction and tracking share the last fifth
            double offset = (double) i / count;
            double width = 1.0 / count;
            TrainConfig train = TrainSettings.parse(RawSettings.of(spec.train()));
            TrainingPlan plan = plan(preset, spec, train, truth, clean, data);
            // the products an analysis shows are kept while the run records (no second run)
            Optional<KeptIterates> keep = preset.analysis().snapshotStopRank().isPresent()
                    ? Optional.of(new KeptIterates(EarlyStopping.observedRule(truth.spectrum(), train.init(),
                    preset.analysis().snapshotStopRank().getAsInt()), "preset " + preset.name())) : Optional.empty();
            Progress trainProgress = share(progress, offset, 0.8 * width, spec.title() + ", train");
            TrainingResult training = keep.isPresent() ? plan.run(trainProgress, keep.get()) : plan.run(trainProgress);
            Optional<Prediction> prediction = spec.predict().map(settings -> Predictor.predict(
                    PredictSettings.parse(RawSettings.of(settings)), truth.spectrum(),
                    share(progress, offset + 0.8 * width, 0.1 * width, spec.title() + ", predict")));
            TrackInput input = new TrackInput(training.trace(), spec.label(), Optional.of(truth.spectrum()), "target",
                    prediction.filter(ExperimentRunner::certifiesSomething).map(Prediction::predictedPlateaus),
                    "prediction");
            TrackResult track = SpectrumTracker.track(input, TrackSettings.parse(RawSettings.of(spec.track())),
                    share(progress, offset + 0.9 * width, 0.1 * width, spec.title() + ", track"));
            SortedMap<Long, DMatrixRMaj> snapshots = keep.map(KeptIterates::products).orElse(new TreeMap<>());
            outcomes.add(new RunOutcome(spec, train, plan.admissibleStep(), training, prediction, track, snapshots));
        }
        progress.report(1, "done");
        return new ExperimentRun(preset, truth, clean, outcomes);
    }

    /**
     * The run's training plan: on the preset's target, or for a completion run on the entries the generator observes
     * of the same target (same seed, so the same matrix) with the run's {@code observations} setting. A denoising
     * preset observes every noisy entry ({@code observations=1.0}: the loss is then ½‖W − Φ̃‖²_F exactly) with the
     * clean matrix as the truth, so the trace's error_fro is the generalization error ‖W(k) − X‖_F.
     */
    private static TrainingPlan plan(ExperimentPreset preset, RunSpec spec, TrainConfig config, GroundTruth truth,
                                     Optional<GroundTruth> clean, Optional<DMatrixRMaj> input) {
        if (spec.observations().isEmpty()) {
            return Trainer.plan(config, truth.matrix(), truth.sensing());
        }
        Map<String, String> observed = new LinkedHashMap<>(preset.groundTruth());
        observed.put(GroundTruthSettings.OBSERVATIONS, spec.observations().get());
        GroundTruth withObservations = GroundTruthGenerator.generate(GroundTruthSettings.parse(
                RawSettings.of(observed), input));
        // the truth of the error columns: the clean reference when there is one (denoising), else the target itself
        return Trainer.planCompletion(config, withObservations.observations().orElseThrow(),
                Optional.of(clean.orElse(withObservations).matrix()));
    }

    /**
     * Whether the predictor certified any plateau. Only then are its plateaus handed to the tracker: for a target that
     * is not PSD nothing is certified (Theorem 3.5′) and the predicted rows (one per r ≤ n) would not match the
     * tracker's levels (one per positive eigenvalue).
     */
    private static boolean certifiesSomething(Prediction prediction) {
        return prediction.plateaus().stream().anyMatch(PlateauCertificate::certified);
    }

    /** Reports of a stage mapped into [offset, offset + width] of the whole, prefixed by the run's title. */
    private static Progress share(Progress whole, double offset, double width, String title) {
        return new Progress() {
            @Override
            public void report(double fraction, String message) {
                whole.report(offset + width * Math.max(0, Math.min(1, fraction)), title + ": " + message);
            }

            @Override
            public void checkCanceled() {
                whole.checkCanceled();
            }
        };
    }
}
