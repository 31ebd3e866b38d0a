package org.dmflab.core.settings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.dmflab.core.InvalidInputException;

/**
 * Settings as the user wrote them: key → text, with the keys of docs/design.md §3 (KNIME settings keys = command-line option
 * names). The command line and the KNIME nodes both hand their values over in this form, and the engine parses them in
 * one place, so every message about a bad value is the same in both and names the key.
 *
 * <p>An absent key or a blank value means "use the default".
 */
public final class RawSettings {
    private final Map<String, String> values;

    private RawSettings(Map<String, String> values) {
        this.values = values;
    }

    /** Settings from a map; {@code null} values are treated as absent. */
    public static RawSettings of(Map<String, String> values) {
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return new RawSettings(copy);
    }

    /** The text of a key, if given and not blank. */
    public Optional<String> text(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** The text of a key, or {@code fallback}. */
    public String text(String key, String fallback) {
        return text(key).orElse(fallback);
    }

    /** A whole number, or {@code fallback} when absent. */
    public int integer(String key, int fallback) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.get());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(key, "'" + text.get() + "' is not a whole number");
        }
    }

    /** A whole number (64 bit), if given. */
    public OptionalLong optionalLong(String key) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.get()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(key, "'" + text.get() + "' is not a whole number");
        }
    }

    /** A finite number, or {@code fallback} when absent. */
    public double number(String key, double fallback) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text.get());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(key, "'" + text.get() + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(key, "'" + text.get() + "' is not a finite number");
        }
        return value;
    }

    /** {@code true}/{@code false} (also yes/no, on/off), or {@code fallback} when absent. */
    public boolean flag(String key, boolean fallback) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return fallback;
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new InvalidInputException(key, "'" + text.get() + "' is neither true nor false");
        };
    }
}
