package org.dmflab.core.settings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One setting, declared once for every front end (docs/design.md §3): its key (KNIME settings key = command-line option
 * name), what kind of value it takes, the label and help text both front ends show, its range, its default or the rule
 * that derives it, and under which choice of another setting it is read. The KNIME dialogs and settings models, the
 * {@code dmflab} options and the docs table are built from these declarations; the engine's parsers read the same
 * defaults, so a workflow and a command line with the same values make the same run.
 *
 * @param key          the key, e.g. {@code step}
 * @param type         the kind of value
 * @param label        a short label naming the quantity, e.g. "Step size η"
 * @param help         one or two plain sentences: what the setting does (tooltip and option description)
 * @param defaultValue the value an absent setting has, as text; empty when absence means a derived value or nothing
 *                     (see {@code defaultRule})
 * @param defaultRule  what an absent value means in words, e.g. "α/2" or "the spectrum's length"; empty when the
 *                     default is {@code defaultValue} itself
 * @param range        the allowed values in words, e.g. "> 0" or "1 … 1000"; empty for choices, flags and texts
 * @param min          smallest value a dialog accepts for a number (the engine's check is the authority)
 * @param max          largest value a dialog accepts for a number
 * @param choices      the values of a {@link Type#CHOICE}, with readable labels
 * @param forms        the written forms of a {@link Type#TEXT} (a kind and the numbers belonging to it)
 * @param readWhen     when the setting is read at all (e.g. β only for a perturbed start); empty: always
 */
public record Setting(String key, Type type, String label, String help, String defaultValue, String defaultRule,
                      String range, double min, double max, List<Choice> choices, List<TextForm> forms,
                      Optional<ReadWhen> readWhen) {

    /** What kind of value a setting takes. */
    public enum Type {
        /** A whole number. */
        WHOLE,
        /** A finite real number. */
        NUMBER,
        /** Yes or no. */
        FLAG,
        /** One of the {@link Setting#choices()}. */
        CHOICE,
        /** Text in one of the {@link Setting#forms()}. */
        TEXT,
        /** A matrix given beside the settings: the KNIME node's optional input (switched on here), a file on the CLI. */
        INPUT
    }

    /**
     * One value of a choice setting.
     *
     * @param key   the stored value, e.g. {@code perturbed}
     * @param label what a dialog shows, e.g. "Perturbed: W₁ = βI, the others αI"
     */
    public record Choice(String key, String label) {
    }

    /**
     * The setting is read only when another setting has one of some values (e.g. σ when {@code init} is
     * {@code gaussian}); otherwise the dialog greys it out and the engine ignores it.
     *
     * @param key    the controlling setting
     * @param values its values (as stored text) that make this setting count
     */
    public record ReadWhen(String key, Set<String> values) {
        public ReadWhen {
            values = Set.copyOf(values);
        }

        /** Whether the controlling value {@code text} makes the setting count. */
        public boolean holdsFor(String text) {
            return values.contains(text);
        }
    }

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
        forms = List.copyOf(forms);
        Objects.requireNonNull(readWhen, "readWhen");
    }

    /** A whole-number setting with a default. */
    public static Setting whole(String key, String label, long defaultValue, long min, long max, String range) {
        return new Setting(key, Type.WHOLE, label, "", Long.toString(defaultValue), "", range, min, max, List.of(),
                List.of(), Optional.empty());
    }

    /** A number setting with a default. */
    public static Setting number(String key, String label, double defaultValue, double min, double max, String range) {
        return new Setting(key, Type.NUMBER, label, "", Double.toString(defaultValue), "", range, min, max, List.of(),
                List.of(), Optional.empty());
    }

    /** A yes/no setting. */
    public static Setting flag(String key, String label, boolean defaultValue) {
        return new Setting(key, Type.FLAG, label, "", Boolean.toString(defaultValue), "", "", 0, 0, List.of(),
                List.of(), Optional.empty());
    }

    /** A choice among {@code choices}; the first is the default. */
    public static Setting choice(String key, String label, List<Choice> choices) {
        return new Setting(key, Type.CHOICE, label, "", choices.get(0).key(), "", "", 0, 0, choices, List.of(),
                Optional.empty());
    }

    /** A text in one of {@code forms}. */
    public static Setting text(String key, String label, String defaultValue, List<TextForm> forms) {
        return new Setting(key, Type.TEXT, label, "", defaultValue, "", "", 0, 0, List.of(), forms, Optional.empty());
    }

    /** A matrix given beside the settings (see {@link Type#INPUT}). */
    public static Setting input(String key, String label) {
        return new Setting(key, Type.INPUT, label, "", "false", "", "", 0, 0, List.of(), List.of(), Optional.empty());
    }

    /** This setting with its help text. */
    public Setting help(String text) {
        return new Setting(key, type, label, text, defaultValue, defaultRule, range, min, max, choices, forms, readWhen);
    }

    /** This setting without a fixed default: absence means {@code rule} (e.g. "α/2"). */
    public Setting derived(String rule) {
        return new Setting(key, type, label, help, "", rule, range, min, max, choices, forms, readWhen);
    }

    /** This setting with another range (e.g. a node that allows less than the engine's other users). */
    public Setting range(double newMin, double newMax, String text) {
        return new Setting(key, type, label, help, defaultValue, defaultRule, text, newMin, newMax, choices, forms,
                readWhen);
    }

    /** This setting with some choices only (e.g. the starts the theory covers). */
    public Setting onlyChoices(Set<String> keys) {
        List<Choice> kept = choices.stream().filter(c -> keys.contains(c.key())).toList();
        return new Setting(key, type, label, help, kept.get(0).key(), defaultRule, range, min, max, kept, forms,
                readWhen);
    }

    /** This setting, read only when {@code controlling} has one of {@code values}. */
    public Setting readWhen(String controlling, String... values) {
        return new Setting(key, type, label, help, defaultValue, defaultRule, range, min, max, choices, forms,
                Optional.of(new ReadWhen(controlling, Set.of(values))));
    }

    /** Whether absence means a fixed value ({@link #defaultValue()}) rather than a derived one or nothing. */
    public boolean hasDefaultValue() {
        return !defaultValue.isEmpty();
    }

    /** The default in words, as the docs and the command-line help show it. */
    public String defaultText() {
        return hasDefaultValue() ? defaultValue : defaultRule;
    }

    /** The choice stored as {@code key}, if any. */
    public Optional<Choice> choice(String choiceKey) {
        return choices.stream().filter(c -> c.key().equals(choiceKey)).findFirst();
    }

    /** The declaration of {@code key} in {@code settings}. */
    public static Setting find(List<Setting> settings, String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no setting '" + key + "'"));
    }

    /** The keys of {@code settings}, in order. */
    public static List<String> keys(List<Setting> settings) {
        return settings.stream().map(Setting::key).toList();
    }

    /** The defaults of {@code settings} as the engine reads them (keys without a fixed default are left out). */
    public static RawSettings defaults(List<Setting> settings) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        for (Setting setting : settings) {
            if (setting.hasDefaultValue() && setting.type() != Type.INPUT) {
                values.put(setting.key(), setting.defaultValue());
            }
        }
        return RawSettings.of(values);
    }
}
