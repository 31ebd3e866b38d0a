package org.dmflab.knime.track;

import static org.dmflab.core.track.TrackSettings.EPSILON;
import static org.dmflab.core.track.TrackSettings.LOG_X;
import static org.dmflab.core.track.TrackSettings.PLATEAU_TOLERANCE;

import org.dmflab.knime.dialog.SettingsDialog;

/** The Spectrum Tracker's dialog. */
final class SpectrumTrackerNodeDialog extends SettingsDialog {

    SpectrumTrackerNodeDialog() {
        super(new SpectrumTrackerNodeSettings().group, SpectrumTrackerNodeSettings::check);
        group("Tracking", EPSILON, PLATEAU_TOLERANCE, LOG_X);
        finish();
    }
}
