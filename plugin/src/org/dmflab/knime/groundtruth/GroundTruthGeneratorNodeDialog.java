package org.dmflab.knime.groundtruth;

import static org.dmflab.core.groundtruth.GroundTruthSettings.DIVIDE_BY;
import static org.dmflab.core.groundtruth.GroundTruthSettings.EIGENVECTORS;
import static org.dmflab.core.groundtruth.GroundTruthSettings.INPUT;
import static org.dmflab.core.groundtruth.GroundTruthSettings.M;
import static org.dmflab.core.groundtruth.GroundTruthSettings.MEASUREMENTS;
import static org.dmflab.core.groundtruth.GroundTruthSettings.N;
import static org.dmflab.core.groundtruth.GroundTruthSettings.NOISE;
import static org.dmflab.core.groundtruth.GroundTruthSettings.OBSERVATIONS;
import static org.dmflab.core.groundtruth.GroundTruthSettings.SEED;
import static org.dmflab.core.groundtruth.GroundTruthSettings.SPECTRUM;
import static org.dmflab.core.groundtruth.GroundTruthSettings.SYMMETRIZE_NOISE;

import org.dmflab.knime.dialog.SettingsDialog;

/** The Ground Truth Generator's dialog: the target (generated or the input table), randomness and noise, sampling. */
final class GroundTruthGeneratorNodeDialog extends SettingsDialog {

    GroundTruthGeneratorNodeDialog() {
        super(new GroundTruthNodeSettings().group, GroundTruthNodeSettings::check);
        group("Target", INPUT, DIVIDE_BY, SPECTRUM, N, M, EIGENVECTORS);
        group("Randomness and noise", SEED, NOISE, SYMMETRIZE_NOISE);
        group("Matrix sensing and completion", MEASUREMENTS, OBSERVATIONS);
        finish();
    }
}
