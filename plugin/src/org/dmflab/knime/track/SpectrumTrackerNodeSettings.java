package org.dmflab.knime.track;

import static org.dmflab.core.spectrum.TrackSettings.EPSILON;
import static org.dmflab.core.spectrum.TrackSettings.LOG_X;
import static org.dmflab.core.spectrum.TrackSettings.PLATEAU_TOLERANCE;

import org.dmflab.core.spectrum.TrackSettings;
import org.dmflab.knime.common.NodeSettingsGroup;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;

/** The Spectrum Tracker's settings (docs/design.md §3), defined once for the model and the dialog. */
final class SpectrumTrackerNodeSettings {
    final NodeSettingsGroup group = new NodeSettingsGroup();
    final SettingsModelDoubleBounded epsilon = group.number(EPSILON, TrackSettings.DEFAULT_EPSILON, Double.MIN_VALUE,
            1);
    final SettingsModelDoubleBounded plateauTolerance = group.number(PLATEAU_TOLERANCE,
            TrackSettings.DEFAULT_PLATEAU_TOLERANCE, Double.MIN_VALUE, Double.MAX_VALUE);
    final SettingsModelBoolean logX = group.flag(LOG_X, TrackSettings.DEFAULT_LOG_X);
}
