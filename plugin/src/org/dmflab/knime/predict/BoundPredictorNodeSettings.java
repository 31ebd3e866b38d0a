package org.dmflab.knime.predict;

import java.util.Set;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.predict.PredictSettings;
import org.dmflab.knime.common.NodeSettingsGroup;

/** The Theoretical Bound Predictor's settings: the engine's declarations ({@link PredictSettings#SETTINGS}). */
final class BoundPredictorNodeSettings {
    final NodeSettingsGroup group = new NodeSettingsGroup(PredictSettings.SETTINGS, Set.of());

    /** The engine's check of the settings. */
    static void check(RawSettings candidate) {
        PredictSettings.parse(candidate);
    }
}
