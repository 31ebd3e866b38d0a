package org.dmflab.knime.train;

import java.util.Set;
import org.dmflab.core.dynamics.RunSettings;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.knime.common.NodeSettingsGroup;

/** The Deep Factorization Trainer's settings: the engine's declarations ({@link TrainSettings#SETTINGS}). */
final class TrainerNodeSettings {
    /**
     * Keys added after the first saved workflows, which load with their defaults: {@code stop-at} (early stopping,
     * none) and the start settings added since ({@link RunSettings#ADDED_LATER}: {@code determinant}, the conditioned
     * Gaussian start, any: the plain draw).
     */
    final NodeSettingsGroup group = new NodeSettingsGroup(TrainSettings.SETTINGS, addedLater());

    private static Set<String> addedLater() {
        Set<String> keys = new java.util.HashSet<>(RunSettings.ADDED_LATER);
        keys.add(TrainSettings.STOP_AT);
        return keys;
    }

    /** The engine's check of the settings. */
    static void check(RawSettings candidate) {
        TrainSettings.parse(candidate);
    }
}
