package org.dmflab.knime.train;

import java.util.Set;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.knime.common.NodeSettingsGroup;

/** The Deep Factorization Trainer's settings: the engine's declarations ({@link TrainSettings#SETTINGS}). */
final class TrainerNodeSettings {
    /**
     * {@code determinant} came with the conditioned Gaussian start: workflows saved before it load with its default
     * (any: the plain draw).
     */
    final NodeSettingsGroup group = new NodeSettingsGroup(TrainSettings.SETTINGS, Set.of(TrainSettings.DETERMINANT));

    /** The engine's check of the settings. */
    static void check(RawSettings candidate) {
        TrainSettings.parse(candidate);
    }
}
