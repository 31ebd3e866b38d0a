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

import org.dmflab.core.theory.PredictSettings;
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
    final SettingsModelIntegerBounded depth = group.integer(DEPTH, 3, 1, 1000);
    final SettingsModelDoubleBounded step = group.number(STEP, 0.01, Double.MIN_VALUE, Double.MAX_VALUE);
    final SettingsModelString init = group.string(INIT, "identity");
    final SettingsModelDoubleBounded alpha = group.number(ALPHA, 0.02, Double.MIN_VALUE, Double.MAX_VALUE);
    final SettingsModelDoubleBounded beta = group.number(BETA, 0.01, Double.MIN_VALUE, Double.MAX_VALUE);
    final SettingsModelDoubleBounded epsilon = group.number(EPSILON, PredictSettings.DEFAULT_EPSILON, Double.MIN_VALUE,
            1);
    final SettingsModelString delta = group.string(DELTA, Double.toString(PredictSettings.DEFAULT_DELTA));
    final SettingsModelString targetAccuracy = group.string(TARGET_ACCURACY, "");
    final SettingsModelIntegerBounded horizon = group.integer(HORIZON, (int) PredictSettings.DEFAULT_HORIZON, 1,
            Integer.MAX_VALUE);
}
