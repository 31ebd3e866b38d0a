package org.dmflab.knime.predict;

import static org.dmflab.core.theory.PredictSettings.DELTA;
import static org.dmflab.core.theory.PredictSettings.EPSILON;
import static org.dmflab.core.theory.PredictSettings.HORIZON;
import static org.dmflab.core.theory.PredictSettings.TARGET_ACCURACY;

import java.util.List;
import org.dmflab.core.model.Initialization;
import org.dmflab.core.theory.PredictConfig;
import org.dmflab.core.theory.PredictSettings;
import org.dmflab.knime.common.EngineChoices;
import org.dmflab.knime.common.NodeSettingsGroup;
import org.dmflab.knime.common.RunStartSettings;
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

    final RunStartSettings run = new RunStartSettings(group);
    final SettingsModelDoubleBounded epsilon = group.number(EPSILON, PredictSettings.DEFAULT_EPSILON, Double.MIN_VALUE,
            1);
    final SettingsModelString delta = group.string(DELTA, Double.toString(PredictSettings.DEFAULT_DELTA));
    final SettingsModelString targetAccuracy = group.string(TARGET_ACCURACY, "");
    final SettingsModelIntegerBounded horizon = group.integer(HORIZON, (int) PredictSettings.DEFAULT_HORIZON, 1,
            Integer.MAX_VALUE);
}
