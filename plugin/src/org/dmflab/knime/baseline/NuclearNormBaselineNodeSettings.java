package org.dmflab.knime.baseline;

import java.util.Set;
import org.dmflab.core.baseline.NuclearNormSettings;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.knime.common.NodeSettingsGroup;

/** The Nuclear Norm Baseline's settings: the engine's declarations ({@link NuclearNormSettings#SETTINGS}). */
final class NuclearNormBaselineNodeSettings {
    final NodeSettingsGroup group = new NodeSettingsGroup(NuclearNormSettings.SETTINGS, Set.of());

    /** The engine's check of the settings. */
    static void check(RawSettings candidate) {
        NuclearNormSettings.parse(candidate);
    }
}
