package org.dmflab.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmflab.core.settings.RawSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Collects a command's settings options into {@link RawSettings}: the option {@code --key} carries the docs/design.md §3
 * setting {@code key}, so the option names are the KNIME settings keys by construction.
 */
final class SettingsOptions {
    private SettingsOptions() {
    }

    /** The values given for {@code keys} (absent options are absent settings). */
    static RawSettings of(CommandSpec spec, List<String> keys) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : keys) {
            OptionSpec option = spec.findOption("--" + key);
            if (option == null) {
                throw new IllegalStateException("dmflab " + spec.name() + " has no option --" + key);
            }
            Object value = option.getValue();
            values.put(key, value == null ? null : value.toString());
        }
        return RawSettings.of(values);
    }
}
