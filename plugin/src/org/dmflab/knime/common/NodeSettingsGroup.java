package org.dmflab.knime.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.settings.Setting;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.workflow.VariableType;

/**
 * A node's settings, built from the engine's declarations ({@link Setting}; docs/design.md §3) and shared by the node
 * model and its dialog: the value of every key as the text the user gave (blank: absent, so the engine applies its
 * default or rule, exactly as for an absent command-line option). It saves, validates and loads them together and hands
 * them to the engine as {@link RawSettings}, so the engine's one parser checks them with the command line's messages.
 *
 * <p>How a value is stored in a workflow follows from its declaration ({@link #storage}): whole numbers and numbers
 * with a fixed default as {@code int} and {@code double}, switches as {@code boolean}, everything that may be absent,
 * choices and texts as strings. Loading accepts any stored type, so workflows saved when a key had another type keep
 * loading with the same value. A key introduced after workflows with this node were first saved is registered as
 * {@code addedLater}: a workflow saved before it has no such key and loads with the key's default, which is the
 * behaviour it had then. Every other key must be present.
 */
public final class NodeSettingsGroup {
    /** How a value is kept in KNIME's settings tree (and which flow variables can set it). */
    public enum Storage {
        INT(VariableType.IntType.INSTANCE), DOUBLE(VariableType.DoubleType.INSTANCE),
        BOOLEAN(VariableType.BooleanType.INSTANCE), STRING(VariableType.StringType.INSTANCE);

        private final VariableType<?> variableType;

        Storage(VariableType<?> variableType) {
            this.variableType = variableType;
        }

        /** The flow variable type that sets a value stored this way. */
        public VariableType<?> variableType() {
            return variableType;
        }
    }

    private final List<Setting> settings;
    private final Set<String> addedLater;
    private final Map<String, String> values = new LinkedHashMap<>();

    /**
     * @param settings   the node's declarations, in the order of docs/design.md §3
     * @param addedLater the keys that workflows saved before them lack
     */
    public NodeSettingsGroup(List<Setting> settings, Set<String> addedLater) {
        this.settings = List.copyOf(settings);
        this.addedLater = Set.copyOf(addedLater);
        for (String key : this.addedLater) {
            Setting.find(this.settings, key); // fails for a key that is not declared
        }
        for (Setting setting : this.settings) {
            values.put(setting.key(), setting.hasDefaultValue() ? setting.defaultValue() : "");
        }
    }

    /** The declarations, in order. */
    public List<Setting> settings() {
        return settings;
    }

    /** The keys in order. */
    public List<String> keys() {
        return Setting.keys(settings);
    }

    /** The current text of {@code key} (blank: absent). */
    public String text(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no setting '" + key + "'");
        }
        return value;
    }

    /** Sets the text of {@code key} (blank: absent). */
    public void set(String key, String text) {
        text(key);
        values.put(key, text == null ? "" : text);
    }

    /** Whether {@code key}'s switch is on (a flag or input setting). */
    public boolean isOn(String key) {
        return Boolean.parseBoolean(text(key));
    }

    /** How {@code setting} is stored in a workflow. */
    public static Storage storage(Setting setting) {
        return switch (setting.type()) {
            case FLAG, INPUT -> Storage.BOOLEAN;
            case CHOICE, TEXT -> Storage.STRING;
            case WHOLE -> setting.hasDefaultValue() ? Storage.INT : Storage.STRING;
            case NUMBER -> setting.hasDefaultValue() ? Storage.DOUBLE : Storage.STRING;
        };
    }

    /**
     * Writes every value with its storage type. Values are expected to be valid (the dialog checks them with the
     * engine first); a number that does not fit its type is a programming error.
     */
    public void saveTo(NodeSettingsWO target) {
        for (Setting setting : settings) {
            String key = setting.key();
            String text = values.get(key);
            switch (storage(setting)) {
                case INT -> target.addInt(key, Integer.parseInt(text));
                case DOUBLE -> target.addDouble(key, Double.parseDouble(text));
                case BOOLEAN -> target.addBoolean(key, Boolean.parseBoolean(text));
                case STRING -> target.addString(key, text);
            }
        }
    }

    /** Checks that every key is present and readable (a key {@code addedLater} may be absent). */
    public void validate(NodeSettingsRO source) throws InvalidSettingsException {
        read(source);
    }

    /** Loads every key; a key {@code addedLater} that {@code source} lacks gets its default. */
    public void loadFrom(NodeSettingsRO source) throws InvalidSettingsException {
        values.putAll(read(source));
    }

    /** The current values as the engine reads them. */
    public RawSettings raw() {
        return RawSettings.of(values);
    }

    /** The values stored in {@code source} as the engine reads them, without loading them. */
    public RawSettings raw(NodeSettingsRO source) throws InvalidSettingsException {
        return RawSettings.of(read(source));
    }

    private Map<String, String> read(NodeSettingsRO source) throws InvalidSettingsException {
        Map<String, String> read = new LinkedHashMap<>();
        for (Setting setting : settings) {
            String key = setting.key();
            if (source.containsKey(key)) {
                read.put(key, textOf(source, key));
            } else if (addedLater.contains(key)) {
                read.put(key, setting.hasDefaultValue() ? setting.defaultValue() : "");
            } else {
                throw new InvalidSettingsException(key + ": missing from the node's settings (a workflow from a "
                        + "newer DMF Lab, or a damaged settings.xml); open and apply the node's dialog to set it");
            }
        }
        return read;
    }

    /** A stored value of any type as text; doubles exactly ({@link Double#toString} round-trips). */
    private static String textOf(NodeSettingsRO source, String key) throws InvalidSettingsException {
        try {
            String text = source.getString(key);
            return text == null ? "" : text;
        } catch (InvalidSettingsException notText) {
            // another type
        }
        try {
            return Integer.toString(source.getInt(key));
        } catch (InvalidSettingsException notInt) {
            // another type
        }
        try {
            return Long.toString(source.getLong(key));
        } catch (InvalidSettingsException notLong) {
            // another type
        }
        try {
            return Double.toString(source.getDouble(key));
        } catch (InvalidSettingsException notDouble) {
            // another type
        }
        return Boolean.toString(source.getBoolean(key));
    }
}
