package org.dmflab.knime.tests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.track.TrackSettings;
import org.dmflab.core.predict.PredictSettings;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.knime.groundtruth.GroundTruthGeneratorNodeFactory;
import org.dmflab.knime.predict.BoundPredictorNodeFactory;
import org.dmflab.knime.track.SpectrumTrackerNodeFactory;
import org.dmflab.knime.train.DeepFactorizationTrainerNodeFactory;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.workflow.NodeID;

/**
 * The plateaus experiment as a KNIME workflow built through the engine's API: Ground Truth Generator → Deep
 * Factorization Trainer → Spectrum Tracker, and the generator's spectrum → Theoretical Bound Predictor → the tracker's
 * predicted-plateaus port (examples/plateaus; the settings of test-workflows/README.md). KNIME numbers data ports
 * from 1 (port 0 carries flow variables).
 */
final class Pipeline {
    static final Map<String, Object> GENERATOR = settings(GroundTruthSettings.SPECTRUM, "geometric:8,0.5,6",
            GroundTruthSettings.EIGENVECTORS, "identity", GroundTruthSettings.SEED, 1);
    static final Map<String, Object> TRAINER = settings(TrainSettings.DEPTH, 3, TrainSettings.STEP, 0.01,
            TrainSettings.INIT, "identity", TrainSettings.ALPHA, 0.02, TrainSettings.BETA, 0.01,
            TrainSettings.ITERATIONS, 25000, TrainSettings.RECORD, "log:400");
    static final Map<String, Object> TRACKER = settings(TrackSettings.EPSILON, 0.01, TrackSettings.PLATEAU_TOLERANCE,
            0.05);
    static final Map<String, Object> PREDICTOR = settings(PredictSettings.DEPTH, 3, PredictSettings.STEP, 0.01,
            PredictSettings.INIT, "identity", PredictSettings.ALPHA, 0.02, PredictSettings.BETA, 0.01,
            PredictSettings.EPSILON, 0.01, PredictSettings.DELTA, "0.005", PredictSettings.HORIZON, 10_000_000);

    /** The same runs on the command line (test-workflows/README.md), in order; {@code OUT} is the output root. */
    static List<List<String>> commandLine(String out) {
        return List.of(
                List.of("generate", "--spectrum", "geometric:8,0.5,6", "--eigenvectors", "identity", "--seed", "1",
                        "--out", out + "/gen"),
                List.of("train", "--target", out + "/gen/matrix.csv", "--depth", "3", "--step", "0.01", "--init",
                        "identity", "--alpha", "0.02", "--beta", "0.01", "--iterations", "25000", "--record",
                        "log:400", "--out", out + "/train"),
                List.of("predict", "--spectrum", out + "/gen/spectrum.csv", "--depth", "3", "--step", "0.01",
                        "--init", "identity", "--alpha", "0.02", "--beta", "0.01", "--epsilon", "0.01", "--delta",
                        "0.005", "--horizon", "10000000", "--out", out + "/predict"),
                List.of("track", "--trace", out + "/train/trace.csv", "--target", out + "/gen/matrix.csv",
                        "--predicted", out + "/predict/plateaus.csv", "--epsilon", "0.01", "--plateau-tolerance",
                        "0.05", "--out", out + "/track"));
    }

    final Knime.Project project;
    final NodeID generator;
    final NodeID trainer;
    final NodeID predictor;
    final NodeID tracker;

    private Pipeline(Knime.Project project) throws InvalidSettingsException {
        this.project = project;
        generator = project.add(new GroundTruthGeneratorNodeFactory());
        trainer = project.add(new DeepFactorizationTrainerNodeFactory());
        predictor = project.add(new BoundPredictorNodeFactory());
        tracker = project.add(new SpectrumTrackerNodeFactory());
        project.set(generator, GENERATOR);
        project.set(trainer, TRAINER);
        project.set(predictor, PREDICTOR);
        project.set(tracker, TRACKER);
        project.connect(generator, 1, trainer, 1);
        project.connect(trainer, 1, tracker, 1);
        project.connect(generator, 1, tracker, 2);
        project.connect(generator, 2, predictor, 1);
        project.connect(predictor, 2, tracker, 3);
    }

    /** A new project holding the wired, configured pipeline. */
    static Pipeline create(String name) throws InvalidSettingsException {
        Knime.Project project = Knime.project(name);
        try {
            return new Pipeline(project);
        } catch (InvalidSettingsException | RuntimeException e) {
            project.close();
            throw e;
        }
    }

    List<NodeID> nodes() {
        return List.of(generator, trainer, predictor, tracker);
    }

    private static Map<String, Object> settings(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
