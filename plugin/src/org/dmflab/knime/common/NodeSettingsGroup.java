package org.dmflab.knime.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmflab.core.settings.RawSettings;
import org.knime.core.node.InvalidSettingsException;
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
 */
public final class NodeSettingsGroup {
    private final Map<String, SettingsModel> models = new LinkedHashMap<>();

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

    /** The keys in registration order. */
    public List<String> keys() {
        return List.copyOf(models.keySet());
    }

    public void saveTo(NodeSettingsWO settings) {
        for (SettingsModel model : models.values()) {
            model.saveSettingsTo(settings);
        }
    }

    /** Checks that every key is present with a value of the right type and range. */
    public void validate(NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel model : models.values()) {
            model.validateSettings(settings);
        }
    }

    public void loadFrom(NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel model : models.values()) {
            model.loadSettingsFrom(settings);
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
            values.put(entry.getKey(), text(entry.getValue().createCloneWithValidatedValue(settings)));
        }
        return RawSettings.of(values);
    }

    private <T extends SettingsModel> T register(String key, T model) {
        if (models.putIfAbsent(key, model) != null) {
            throw new IllegalArgumentException("setting '" + key + "' is defined twice");
        }
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
