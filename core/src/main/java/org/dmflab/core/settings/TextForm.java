package org.dmflab.core.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One written form of a text setting: a kind (e.g. Gaussian noise) and the numbers belonging to it (σ), written as
 * {@code prefix} followed by the numbers separated by commas (e.g. {@code gaussian:0.1}). A dialog shows a kind chooser
 * and one field per number, and writes the text the engine's parser reads; it never parses the values itself.
 *
 * @param key        the kind's name, e.g. {@code gaussian}
 * @param label      what a dialog shows for the kind, e.g. "Gaussian entries N(0, σ²)"
 * @param prefix     what the text starts with, e.g. {@code gaussian:}; empty for a form recognised by its shape
 * @param parameters the labels of the numbers, in order; a single parameter takes the whole rest of the text (e.g. a
 *                   comma list of values)
 * @param shape      the whole text of this form (case-insensitive), used to recognise it
 */
public record TextForm(String key, String label, String prefix, List<String> parameters, Pattern shape) {

    public TextForm {
        parameters = List.copyOf(parameters);
    }

    /** A form {@code prefix:p1,p2,…}. */
    public static TextForm prefixed(String key, String label, String... parameters) {
        String prefix = key + ":";
        return new TextForm(key, label, prefix, List.of(parameters),
                Pattern.compile(Pattern.quote(prefix) + ".*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
    }

    /** A form that is one exact word, e.g. {@code none}. */
    public static TextForm word(String key, String label, String text) {
        return new TextForm(key, label, text, List.of(), Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE));
    }

    /** A form written as its single number alone, recognised by {@code shape} (e.g. a whole count). */
    public static TextForm bare(String key, String label, String parameter, String shape) {
        return new TextForm(key, label, "", List.of(parameter), Pattern.compile(shape, Pattern.DOTALL));
    }

    /** Whether {@code text} is written in this form. */
    public boolean matches(String text) {
        return shape.matcher(text.trim()).matches();
    }

    /**
     * The text of this form with {@code values} (one per parameter), as the engine reads it; empty trailing values
     * are left out (optional numbers such as the norm of {@code gaussian-factors}).
     */
    public String write(List<String> values) {
        if (values.size() != parameters.size()) {
            throw new IllegalArgumentException(key + " takes " + parameters.size() + " values, got " + values.size());
        }
        List<String> trimmed = new ArrayList<>(values.stream().map(String::trim).toList());
        while (trimmed.size() > 1 && trimmed.get(trimmed.size() - 1).isEmpty()) { // optional trailing numbers
            trimmed.remove(trimmed.size() - 1);
        }
        return prefix + String.join(",", trimmed);
    }

    /** The numbers of {@code text} (which {@link #matches} this form), one per parameter; missing ones are empty. */
    public List<String> read(String text) {
        String rest = text.trim().substring(prefix.length());
        List<String> values = new ArrayList<>();
        if (parameters.size() == 1) {
            values.add(rest.trim());
        } else if (!parameters.isEmpty()) {
            for (String part : rest.split(",", -1)) {
                values.add(part.trim());
            }
        }
        while (values.size() < parameters.size()) {
            values.add("");
        }
        if (values.size() > parameters.size()) { // more numbers than the form has: keep them in the last field
            List<String> head = new ArrayList<>(values.subList(0, parameters.size() - 1));
            head.add(String.join(",", values.subList(parameters.size() - 1, values.size())));
            return head;
        }
        return values;
    }

    /** The form of {@code text} among {@code forms} (the first that matches), if any. */
    public static Optional<TextForm> of(List<TextForm> forms, String text) {
        String trimmed = text == null ? "" : text.trim();
        return forms.stream().filter(f -> f.matches(trimmed)).findFirst();
    }
}
