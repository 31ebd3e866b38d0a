package org.dmflab.knime.baseline;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;

/** The Nuclear Norm Baseline's dialog; every setting can also be set by a flow variable of the same key. */
final class NuclearNormBaselineNodeDialog extends DefaultNodeSettingsPane {

    NuclearNormBaselineNodeDialog() {
        NuclearNormBaselineNodeSettings settings = new NuclearNormBaselineNodeSettings();
        createNewGroup("Stopping rule");
        addDialogComponent(new DialogComponentNumber(settings.tolerance, "Relative tolerance", 1e-6, 10));
        addDialogComponent(new DialogComponentNumber(settings.iterations, "Iteration budget", 1000, 10));
        closeCurrentGroup();
    }
}
