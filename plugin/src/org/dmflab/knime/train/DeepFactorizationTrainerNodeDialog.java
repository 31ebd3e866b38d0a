package org.dmflab.knime.train;

import static org.dmflab.core.train.TrainSettings.ALPHA;
import static org.dmflab.core.train.TrainSettings.BETA;
import static org.dmflab.core.train.TrainSettings.DEPTH;
import static org.dmflab.core.train.TrainSettings.DETERMINANT;
import static org.dmflab.core.train.TrainSettings.INIT;
import static org.dmflab.core.train.TrainSettings.ITERATIONS;
import static org.dmflab.core.train.TrainSettings.LOSS;
import static org.dmflab.core.train.TrainSettings.RECORD;
import static org.dmflab.core.train.TrainSettings.SEED;
import static org.dmflab.core.train.TrainSettings.SIGMA;
import static org.dmflab.core.train.TrainSettings.SOLVER;
import static org.dmflab.core.train.TrainSettings.STEP;
import static org.dmflab.core.train.TrainSettings.STOP_AT;
import static org.dmflab.core.train.TrainSettings.TOLERANCE;
import static org.dmflab.core.train.TrainSettings.WIDTH;

import org.dmflab.knime.dialog.SettingsDialog;

/** The Deep Factorization Trainer's dialog: the model, its start, and the run. */
final class DeepFactorizationTrainerNodeDialog extends SettingsDialog {

    DeepFactorizationTrainerNodeDialog() {
        super(new TrainerNodeSettings().group, TrainerNodeSettings::check);
        group("Model", DEPTH, STEP, WIDTH);
        group("Start", INIT, ALPHA, BETA, SIGMA, SEED, DETERMINANT);
        group("Run", ITERATIONS, TOLERANCE, STOP_AT, RECORD, SOLVER, LOSS);
        finish();
    }
}
