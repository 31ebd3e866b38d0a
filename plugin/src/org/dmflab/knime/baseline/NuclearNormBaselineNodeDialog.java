package org.dmflab.knime.baseline;

import static org.dmflab.core.baseline.NuclearNormSettings.ITERATIONS;
import static org.dmflab.core.baseline.NuclearNormSettings.TOLERANCE;

import org.dmflab.knime.dialog.SettingsDialog;

/** The Nuclear Norm Baseline's dialog. */
final class NuclearNormBaselineNodeDialog extends SettingsDialog {

    NuclearNormBaselineNodeDialog() {
        super(new NuclearNormBaselineNodeSettings().group, NuclearNormBaselineNodeSettings::check);
        group("Stopping rule", TOLERANCE, ITERATIONS);
        finish();
    }
}
