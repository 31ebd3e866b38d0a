package org.dmflab.knime.track;

import java.util.Set;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.track.TrackSettings;
import org.dmflab.knime.common.NodeSettingsGroup;

/** The Spectrum Tracker's settings: the engine's declarations ({@link TrackSettings#SETTINGS}). */
final class SpectrumTrackerNodeSettings {
    final NodeSettingsGroup group = new NodeSettingsGroup(TrackSettings.SETTINGS, Set.of());

    /** The engine's check of the settings. */
    static void check(RawSettings candidate) {
        TrackSettings.parse(candidate);
    }
}
