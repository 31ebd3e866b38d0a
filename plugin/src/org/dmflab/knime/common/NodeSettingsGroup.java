package org.dmflab.knime.common;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmflab.core.settings.RawSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * A node's settings models, each created once under its docs/design.md §3 key (the engine's key constant) and shared by the
 * node model and its dialog. It saves, validates and loads them together and hands their values to the engine as
 * {@link RawSettings}, so that the engine's one parser checks them with the same messages as the command line.
 *
 * <p>A key introduced after workflows with this node were first saved is registered {@link #addedLater}: a workflow
 * saved before it has no such key and loads with the key's default, which is the behaviour it had then. Every other
 * key must be present.
 */
public final class NodeSettingsGroup {
    private final Map<String, SettingsModel> models = new LinkedHashMap<>();
    /** The defaults of the keys registered {@link #addedLater}, saved when they were registered: exactly those keys. */
    private final NodeSettings laterDefaults = new NodeSettings("defaults of keys added later");
    private final Map<SettingsModel, String> keyOf = new IdentityHashMap<>();

    /** A text setting. */
    public SettingsModelString string(String key, String defaultValue) {
        return register(key, new SettingsModelString(key, defaultValue));
    }

    /** A whole-number setting within [min, max]. */
    public SettingsModelIntegerBounded integer(String key, int defaultValue, int min, int max) {
        return register(key, new SettingsModelIntegerBounded(key, defaultValue, min, max));
    }

    /** A number setting within [min, max]. */
    public SettingsModelDoubleBounded number(String key, double defaultValue, double min, double max) {
        return register(key, new SettingsModelDoubleBounded(key, defaultValue, min, max));
    }

    /** A yes/no setting. */
    public SettingsModelBoolean flag(String key, boolean defaultValue) {
        return register(key, new SettingsModelBoolean(key, defaultValue));
    }

    /**
     * Marks {@code model} (already registered here) as added after this node's settings were first saved, so that a
     * workflow saved without its key loads with the default {@code model} has now.
     */
    public <T extends SettingsModel> T addedLater(T model) {
        String key = keyOf.get(model);
        if (key == null) {
            throw new IllegalArgumentException("the setting is not registered in this group");
        }
        model.saveSettingsTo(laterDefaults); // still its default: called where the model is registered
        return model;
    }

    /** The keys in registration order. */
    public List<String> keys() {
        return List.copyOf(models.keySet());
    }

    public void saveTo(NodeSettingsWO settings) {
        for (SettingsModel model : models.values()) {
            model.saveSettingsTo(settings);
        }
    }

    /**
     * Checks that every key is present with a value of the right type and range (a key {@link #addedLater} may be
     * absent).
     */
    public void validate(NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel model : models.values()) {
            model.validateSettings(source(model, settings));
        }
    }

    /** Loads every key; a key {@link #addedLater} that {@code settings} lacks gets its default. */
    public void loadFrom(NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel model : models.values()) {
            model.loadSettingsFrom(source(model, settings));
        }
    }

    /** The current values as text, keyed as in docs/design.md §3. */
    public RawSettings raw() {
        Map<String, String> values = new LinkedHashMap<>();
        models.forEach((key, model) -> values.put(key, text(model)));
        return RawSettings.of(values);
    }

    /** The values stored in {@code settings} (already {@link #validate validated}) as text, without loading them. */
    public RawSettings raw(NodeSettingsRO settings) throws InvalidSettingsException {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, SettingsModel> entry : models.entrySet()) {
            SettingsModel model = entry.getValue();
            values.put(entry.getKey(), text(model.createCloneWithValidatedValue(source(model, settings))));
        }
        return RawSettings.of(values);
    }

    /** Where {@code model}'s value is read from: {@code settings}, or the defaults for a later key it lacks. */
    private NodeSettingsRO source(SettingsModel model, NodeSettingsRO settings) {
        String key = keyOf.get(model);
        return laterDefaults.containsKey(key) && !settings.containsKey(key) ? laterDefaults : settings;
    }

    private <T extends SettingsModel> T register(String key, T model) {
        if (models.putIfAbsent(key, model) != null) {
            throw new IllegalArgumentException("setting '" + key + "' is defined twice");
        }
        keyOf.put(model, key);
        return model;
    }

    private static String text(SettingsModel model) {
        if (model instanceof SettingsModelString string) {
            return string.getStringValue();
        }
        if (model instanceof SettingsModelInteger integer) {
            return Integer.toString(integer.getIntValue());
        }
        if (model instanceof SettingsModelDouble number) {
            return Double.toString(number.getDoubleValue());
        }
        if (model instanceof SettingsModelBoolean flag) {
            return Boolean.toString(flag.getBooleanValue());
        }
        throw new IllegalStateException("unsupported settings model " + model.getClass().getName());
    }
}
