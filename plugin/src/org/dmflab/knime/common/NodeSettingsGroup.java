package org.dmflab.knime.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.settings.Setting;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBase;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.workflow.VariableType;

/**
 * A node's settings, built from the engine's declarations ({@link Setting}; docs/design.md §3) and shared by the node
 * model and its dialog: the value of every key as the text the user gave (blank: absent, so the engine applies its
 * default or rule, exactly as for an absent command-line option). It saves, validates and loads them together and hands
 * them to the engine as {@link RawSettings}, so the engine's one parser checks them with the command line's messages.
 *
 * <p>How a new value is stored in a workflow follows from its declaration ({@link #storage}): whole numbers and
 * numbers with a fixed default as {@code int} and {@code double}, switches as {@code boolean}, everything that may be
 * absent, choices and texts as strings. Loading accepts any stored type, so workflows saved when a key had another
 * type keep loading with the same value, and saving keeps the type a value was loaded with while the value fits it,
 * so that settings saved back unchanged are identical (KNIME compares them to decide whether a node must be reset). A key introduced after workflows with this node were first saved is registered as
 * {@code addedLater}: a workflow saved before it has no such key and loads with the key's default, which is the
 * behaviour it had then. Every other key must be present.
 */
public final class NodeSettingsGroup {
    /** How a value is kept in KNIME's settings tree. */
    public enum Storage { INT, DOUBLE, BOOLEAN, STRING }

    private final List<Setting> settings;
    private final Set<String> addedLater;
    private final Map<String, String> values = new LinkedHashMap<>();
    /**
     * The loaded settings, whose entries that are not ours (the "…_Internals" of the settings models older versions
     * used) are saved back unchanged: KNIME compares a dialog's settings with the stored ones to decide whether OK
     * must reset an executed node.
     */
    private NodeSettings loaded = new NodeSettings("loaded");
    /** How each loaded value was stored, kept when saving (unless the value no longer fits that type). */
    private final Map<String, Storage> loadedStorage = new LinkedHashMap<>();
    /**
     * The keys {@code addedLater} that the loaded settings lacked: saved back only once they differ from their default,
     * so that settings of an older workflow saved back unchanged stay identical (an untouched dialog of an executed
     * node then does not reset it).
     */
    private final java.util.Set<String> absentAtLoad = new java.util.HashSet<>();

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

    /**
     * The flow variables that set {@code setting}: by the kind of value (a double variable also sets a number that may
     * be empty and is therefore stored as text; KNIME converts it).
     */
    public static VariableType<?> variableType(Setting setting) {
        return switch (setting.type()) {
            case WHOLE -> VariableType.IntType.INSTANCE;
            case NUMBER -> VariableType.DoubleType.INSTANCE;
            case FLAG, INPUT -> VariableType.BooleanType.INSTANCE;
            case CHOICE, TEXT -> VariableType.StringType.INSTANCE;
        };
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
        for (String key : loaded.keySet()) {
            if (!values.containsKey(key) && target instanceof ConfigBase config) {
                config.addEntry(loaded.getEntry(key));
            }
        }
        for (Setting setting : settings) {
            String key = setting.key();
            String text = values.get(key);
            if (absentAtLoad.contains(key) && text.equals(setting.hasDefaultValue() ? setting.defaultValue() : "")) {
                continue; // an older workflow's settings, unchanged
            }
            Storage loaded = loadedStorage.get(key);
            switch (loaded != null && fits(loaded, text) ? loaded : storage(setting)) {
                case INT -> target.addInt(key, Integer.parseInt(text));
                case DOUBLE -> target.addDouble(key, Double.parseDouble(text));
                case BOOLEAN -> target.addBoolean(key, Boolean.parseBoolean(text));
                case STRING -> target.addString(key, text);
            }
        }
    }

    private static boolean fits(Storage storage, String text) {
        try {
            switch (storage) {
                case INT -> Integer.parseInt(text);
                case DOUBLE -> Double.parseDouble(text);
                case BOOLEAN -> {
                    return text.equals("true") || text.equals("false");
                }
                default -> {
                    return true;
                }
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Checks that every key is present and readable (a key {@code addedLater} may be absent). */
    public void validate(NodeSettingsRO source) throws InvalidSettingsException {
        read(source);
    }

    /** Loads every key; a key {@code addedLater} that {@code source} lacks gets its default. */
    public void loadFrom(NodeSettingsRO source) throws InvalidSettingsException {
        Map<String, String> read = read(source);
        values.putAll(read);
        NodeSettings copy = new NodeSettings("loaded");
        source.copyTo(copy);
        loaded = copy;
        absentAtLoad.clear();
        for (String key : addedLater) {
            if (!source.containsKey(key)) {
                absentAtLoad.add(key);
            }
        }
        loadedStorage.clear();
        for (String key : read.keySet()) {
            if (source.containsKey(key)) {
                loadedStorage.put(key, storedAs(source, key));
            }
        }
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

    /** The type {@code key} is stored with in {@code source}. */
    private static Storage storedAs(NodeSettingsRO source, String key) {
        try {
            source.getString(key);
            return Storage.STRING;
        } catch (InvalidSettingsException notText) {
            // another type
        }
        try {
            source.getInt(key);
            return Storage.INT;
        } catch (InvalidSettingsException notInt) {
            // another type
        }
        try {
            source.getDouble(key);
            return Storage.DOUBLE;
        } catch (InvalidSettingsException notDouble) {
            return Storage.BOOLEAN;
        }
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
