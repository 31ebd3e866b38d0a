package org.dmflab.knime.predict;

import static org.dmflab.core.theory.PredictSettings.ALPHA;
import static org.dmflab.core.theory.PredictSettings.BETA;
import static org.dmflab.core.theory.PredictSettings.DELTA;
import static org.dmflab.core.theory.PredictSettings.DEPTH;
import static org.dmflab.core.theory.PredictSettings.EPSILON;
import static org.dmflab.core.theory.PredictSettings.HORIZON;
import static org.dmflab.core.theory.PredictSettings.INIT;
import static org.dmflab.core.theory.PredictSettings.STEP;
import static org.dmflab.core.theory.PredictSettings.TARGET_ACCURACY;

import java.util.List;
import org.dmflab.core.model.Initialization;
import org.dmflab.core.theory.PredictConfig;
import org.dmflab.core.theory.PredictSettings;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.knime.common.EngineChoices;
import org.dmflab.knime.common.NodeSettingsGroup;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The Theoretical Bound Predictor's settings (docs/design.md §3), defined once for the model and the dialog. δ and the
 * target accuracy τ are text so that either can be left empty: τ, when given, chooses ε and δ by (65′).
 */
final class BoundPredictorNodeSettings {
    final NodeSettingsGroup group = new NodeSettingsGroup();
    /** The starts the predictor's theory covers, as the engine lists them. */
    static final List<String> INITS = EngineChoices.keys(Initialization.values(), PredictConfig.INITIALIZATIONS,
            Initialization::key);

    // depth, step, init, α and β start at the trainer's defaults: the prediction is for the run the trainer makes
    final SettingsModelIntegerBounded depth = group.integer(DEPTH, TrainSettings.DEFAULT_DEPTH, 1, 1000);
    final SettingsModelDoubleBounded step = group.number(STEP, TrainSettings.DEFAULT_STEP, Double.MIN_VALUE,
            Double.MAX_VALUE);
    final SettingsModelString init = group.string(INIT, Initialization.parse(null).key());
    final SettingsModelDoubleBounded alpha = group.number(ALPHA, TrainSettings.DEFAULT_ALPHA, Double.MIN_VALUE,
            Double.MAX_VALUE);
    final SettingsModelDoubleBounded beta = group.number(BETA, TrainSettings.DEFAULT_ALPHA / 2, Double.MIN_VALUE,
            Double.MAX_VALUE);
    final SettingsModelDoubleBounded epsilon = group.number(EPSILON, PredictSettings.DEFAULT_EPSILON, Double.MIN_VALUE,
            1);
    final SettingsModelString delta = group.string(DELTA, Double.toString(PredictSettings.DEFAULT_DELTA));
    final SettingsModelString targetAccuracy = group.string(TARGET_ACCURACY, "");
    final SettingsModelIntegerBounded horizon = group.integer(HORIZON, (int) PredictSettings.DEFAULT_HORIZON, 1,
            Integer.MAX_VALUE);
}
