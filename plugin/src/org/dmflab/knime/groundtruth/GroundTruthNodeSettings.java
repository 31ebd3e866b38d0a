package org.dmflab.knime.groundtruth;

import java.util.Optional;
import java.util.Set;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.knime.common.NodeSettingsGroup;

/** The Ground Truth Generator's settings: the engine's declarations ({@link GroundTruthSettings#SETTINGS}). */
final class GroundTruthNodeSettings {
    /**
     * {@code observations} came with matrix completion and {@code divide-by} with the MNIST example: workflows saved
     * before them load with their defaults (no observations; the input table as it is).
     */
    final NodeSettingsGroup group = new NodeSettingsGroup(GroundTruthSettings.SETTINGS,
            Set.of(GroundTruthSettings.OBSERVATIONS, GroundTruthSettings.DIVIDE_BY));

    /** The engine's check of settings without the input table (whose values only execution knows). */
    static void check(RawSettings candidate) {
        if (candidate.flag(GroundTruthSettings.INPUT, false)) {
            GroundTruthSettings.inputDivisor(candidate); // the rest needs the input table
        } else {
            GroundTruthSettings.parse(candidate, Optional.empty());
        }
    }
}
