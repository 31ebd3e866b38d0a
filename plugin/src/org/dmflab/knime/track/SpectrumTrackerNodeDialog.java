package org.dmflab.knime.track;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;

/** The Spectrum Tracker's dialog; every setting can also be set by a flow variable of the same key. */
final class SpectrumTrackerNodeDialog extends DefaultNodeSettingsPane {

    SpectrumTrackerNodeDialog() {
        SpectrumTrackerNodeSettings settings = new SpectrumTrackerNodeSettings();
        addDialogComponent(new DialogComponentNumber(settings.epsilon, "Relative accuracy ε for hitting iterations",
                0.001, 10));
        addDialogComponent(new DialogComponentNumber(settings.plateauTolerance, "Plateau tolerance", 0.01, 10));
        addDialogComponent(new DialogComponentBoolean(settings.logX, "Logarithmic iteration axis"));
    }
}
