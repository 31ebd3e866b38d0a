package org.dmflab.core.experiment.preset;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.settings.Setting;
import org.dmflab.core.track.TrackSettings;
import org.dmflab.core.predict.PredictSettings;
import org.dmflab.core.train.TrainSettings;

/**
 * One setting of one stage of an experiment, given as {@code STAGE.KEY=VALUE} (e.g. {@code train.depth=4}): the stage
 * is one of the four engines, the key one of that engine's declared settings (docs/design.md §3), the value its text.
 * The value itself is checked by the stage's own parser when the experiment is built ({@link PresetVariants}).
 *
 * @param stage the engine
 * @param key   a key the engine declares
 * @param value the text, as on the command line
 */
public record SettingOverride(Stage stage, String key, String value) {

    /** The four engines of an experiment, with the settings each declares. */
    public enum Stage {
        /** The Ground Truth Generator. */
        GENERATE(GroundTruthSettings.SETTINGS),
        /** The Deep Factorization Trainer. */
        TRAIN(TrainSettings.SETTINGS),
        /** The Theoretical Bound Predictor. */
        PREDICT(PredictSettings.SETTINGS),
        /** The Spectrum Tracker. */
        TRACK(TrackSettings.SETTINGS);

        private final List<Setting> settings;

        Stage(List<Setting> settings) {
            this.settings = settings;
        }

        /** The name written before the dot, e.g. {@code train}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The stage called {@code text}, or bad input naming {@code subject}. */
        static Stage parse(String text, String subject) {
            for (Stage stage : values()) {
                if (stage.key().equals(text)) {
                    return stage;
                }
            }
            throw new InvalidInputException(subject, "unknown stage '" + text + "'; write STAGE.KEY=VALUE with "
                    + "STAGE one of " + java.util.Arrays.stream(values()).map(Stage::key)
                    .collect(Collectors.joining(", ")) + ", e.g. train.depth=4");
        }

        /** The declaration of {@code key}, or bad input listing the keys this stage has. */
        public Setting setting(String key, String subject) {
            return settings.stream().filter(setting -> setting.key().equals(key)).findFirst()
                    .orElseThrow(() -> new InvalidInputException(subject, "the " + key() + " stage has no setting '"
                            + key + "'; its keys are " + String.join(", ", Setting.keys(settings))));
        }
    }

    public SettingOverride {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses {@code STAGE.KEY=VALUE}; a stage or key that does not exist, or a key naming an input matrix, is bad input
     * naming {@code option} (e.g. {@code set}).
     */
    public static SettingOverride parse(String text, String option) {
        int equals = text.indexOf('=');
        if (equals < 0) {
            throw new InvalidInputException(option, InvalidInputException.quote(text) + " has no '='; write "
                    + "STAGE.KEY=VALUE, e.g. train.depth=4");
        }
        SettingKey key = SettingKey.parse(text.substring(0, equals), option);
        return new SettingOverride(key.stage(), key.key(), text.substring(equals + 1).trim());
    }

    /** The qualified key, e.g. {@code train.depth}. */
    public String qualifiedKey() {
        return stage.key() + "." + key;
    }

    /** As written: {@code train.depth=4}. */
    @Override
    public String toString() {
        return qualifiedKey() + "=" + value;
    }

    /**
     * A stage and one of its declared keys, e.g. {@code train.depth}.
     *
     * @param stage the engine
     * @param key   a key it declares (not an input matrix)
     */
    public record SettingKey(Stage stage, String key) {
        /** Parses {@code STAGE.KEY}; bad input names {@code option}. */
        public static SettingKey parse(String text, String option) {
            String trimmed = text.trim();
            int dot = trimmed.indexOf('.');
            if (dot < 0) {
                throw new InvalidInputException(option, InvalidInputException.quote(trimmed) + " names no stage; "
                        + "write STAGE.KEY, e.g. train.depth");
            }
            Stage stage = Stage.parse(trimmed.substring(0, dot), option);
            String key = trimmed.substring(dot + 1);
            Setting setting = stage.setting(key, option);
            if (setting.type() == Setting.Type.INPUT) {
                throw new InvalidInputException(option, stage.key() + "." + key + " is a matrix given beside the "
                        + "settings, not a value; it cannot be set here");
            }
            return new SettingKey(stage, key);
        }

        @Override
        public String toString() {
            return stage.key() + "." + key;
        }
    }
}
