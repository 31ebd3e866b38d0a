package org.dmflab.knime.train;

import static org.dmflab.core.train.TrainSettings.DEPTH;
import static org.dmflab.core.train.TrainSettings.INIT;
import static org.dmflab.core.train.TrainSettings.ITERATIONS;
import static org.dmflab.core.train.TrainSettings.LOSS;
import static org.dmflab.core.train.TrainSettings.RECORD;
import static org.dmflab.core.train.TrainSettings.SOLVER;
import static org.dmflab.core.train.TrainSettings.STEP;
import static org.dmflab.core.train.TrainSettings.STOP_AT;
import static org.dmflab.core.train.TrainSettings.TOLERANCE;
import static org.dmflab.core.train.TrainSettings.WIDTH;

import java.util.ArrayList;
import java.util.List;
import org.dmflab.core.dynamics.RunSettings;
import org.dmflab.core.settings.Setting;
import org.dmflab.knime.dialog.SettingsDialog;

/** The Deep Factorization Trainer's dialog: the model, its start (every start's settings), and the run. */
final class DeepFactorizationTrainerNodeDialog extends SettingsDialog {

    DeepFactorizationTrainerNodeDialog() {
        super(new TrainerNodeSettings().group, TrainerNodeSettings::check);
        group("Model", DEPTH, STEP, WIDTH);
        group("Start", startKeys());
        group("Run", ITERATIONS, TOLERANCE, STOP_AT, RECORD, SOLVER, LOSS);
        finish();
    }

    /** {@code init}, then every start's settings in the order of the starts. */
    private static String[] startKeys() {
        List<String> keys = new ArrayList<>(List.of(INIT));
        keys.addAll(Setting.keys(RunSettings.START_SETTINGS));
        return keys.toArray(String[]::new);
    }
}
