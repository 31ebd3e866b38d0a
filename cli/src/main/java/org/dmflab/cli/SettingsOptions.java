package org.dmflab.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.settings.Setting;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command's settings options, derived from the engine's declarations ({@link Setting}): the option {@code --key}
 * carries the docs/design.md §3 setting {@code key} with the declared help, range and default, so the option names,
 * texts and defaults are the KNIME dialog's by construction. An option not given is an absent setting: the engine
 * applies the declared default or rule, exactly as for a KNIME setting left empty.
 */
final class SettingsOptions {
    private SettingsOptions() {
    }

    /** A command whose settings options come from declarations. */
    interface Declared {
        /** The declarations of the command's settings; {@link Setting.Type#INPUT} ones are the command's own files. */
        List<Setting> settings();
    }

    /** Adds an option for every declared setting except inputs (which a command reads as a file of its own). */
    static void addTo(CommandSpec spec, List<Setting> settings) {
        for (Setting setting : settings) {
            if (setting.type() == Setting.Type.INPUT) {
                continue;
            }
            OptionSpec.Builder option = OptionSpec.builder("--" + setting.key())
                    .paramLabel(paramLabel(setting))
                    .description(description(setting));
            switch (setting.type()) {
                case WHOLE -> option.type(Long.class);
                case NUMBER -> option.type(Double.class);
                case FLAG -> option.type(String.class).arity("0..1").fallbackValue("true");
                default -> option.type(String.class);
            }
            spec.addOption(option.build());
        }
    }

    /** The values given for {@code settings} (absent options are absent settings). */
    static RawSettings of(CommandSpec spec, List<Setting> settings) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Setting setting : settings) {
            if (setting.type() == Setting.Type.INPUT) {
                continue;
            }
            OptionSpec option = spec.findOption("--" + setting.key());
            if (option == null) {
                throw new IllegalStateException("dmflab " + spec.name() + " has no option --" + setting.key());
            }
            Object value = option.getValue();
            values.put(setting.key(), value == null ? null : value.toString());
        }
        return RawSettings.of(values);
    }

    private static String paramLabel(Setting setting) {
        return switch (setting.type()) {
            case WHOLE -> "N";
            case NUMBER -> "X";
            case FLAG -> "BOOL";
            case CHOICE -> setting.choices().stream().map(Setting.Choice::key).collect(Collectors.joining("|"));
            default -> "TEXT";
        };
    }

    /** The declared help, the choices or written forms, the range and the default. */
    static String description(Setting setting) {
        StringBuilder text = new StringBuilder(setting.help());
        if (!setting.choices().isEmpty()) {
            text.append(" ").append(setting.choices().stream().map(c -> c.key() + ": " + c.label())
                    .collect(Collectors.joining("; "))).append('.');
        }
        if (!setting.forms().isEmpty()) {
            text.append(" Forms: ").append(setting.forms().stream().map(SettingsOptions::form)
                    .collect(Collectors.joining("; "))).append('.');
        }
        if (!setting.range().isEmpty()) {
            text.append(" Range: ").append(setting.range()).append('.');
        }
        setting.readWhen().ifPresent(when -> text.append(" Read only with --").append(when.key()).append(' ')
                .append(String.join(" or ", when.values().stream().sorted().toList())).append('.'));
        text.append(" Default: ").append(setting.defaultText()).append('.');
        return text.toString().replace("%", "%%");
    }

    private static String form(org.dmflab.core.settings.TextForm form) {
        String numbers = String.join(",", form.parameters());
        return (form.prefix().isEmpty() ? numbers : form.prefix() + numbers) + " (" + form.label() + ")";
    }
}
