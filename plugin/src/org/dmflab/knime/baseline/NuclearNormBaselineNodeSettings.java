package org.dmflab.knime.baseline;

import org.dmflab.core.baseline.NuclearNormSettings;
import org.dmflab.knime.common.NodeSettingsGroup;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;

/** The Nuclear Norm Baseline's settings (docs/design.md §3), defined once for the model and the dialog. */
final class NuclearNormBaselineNodeSettings {
    final NodeSettingsGroup group = new NodeSettingsGroup();
    final SettingsModelDoubleBounded tolerance = group.number(NuclearNormSettings.TOLERANCE,
            NuclearNormSettings.DEFAULT_TOLERANCE, Double.MIN_VALUE, 0.1);
    final SettingsModelIntegerBounded iterations = group.integer(NuclearNormSettings.ITERATIONS,
            (int) NuclearNormSettings.DEFAULT_ITERATIONS, 1, Integer.MAX_VALUE);
}
