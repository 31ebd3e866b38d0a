package org.dmflab.core;

import java.util.List;

/**
 * Bad input that the user can fix: names the setting (or table cell) at fault, says what was wrong and how to fix it.
 * The command line turns it into exit code 2 and one line on stderr; the KNIME nodes into an
 * {@code InvalidSettingsException} at configure time.
 */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The longest text {@link #quote} repeats in a message. */
    public static final int QUOTE_LIMIT = 40;

    private final String subject;

    /**
     * @param subject the setting key or cell the message is about, e.g. {@code "spectrum"} or {@code "matrix.csv row 3, column c2"}
     * @param problemAndFix what was wrong and how to fix it, as one sentence
     */
    public InvalidInputException(String subject, String problemAndFix) {
        super(subject + ": " + problemAndFix);
        this.subject = subject;
    }

    /**
     * {@code 'text'} for a message, kept to one short line whatever the value: at most {@value #QUOTE_LIMIT}
     * characters then {@code …} and the full length (a 10 MB bad cell is named, not repeated), line breaks and tabs
     * shown as {@code \n}, {@code \r}, {@code \t}.
     */
    public static String quote(Object value) {
        String text = String.valueOf(value);
        boolean cut = text.length() > QUOTE_LIMIT;
        String shown = cut ? text.substring(0, Character.isHighSurrogate(text.charAt(QUOTE_LIMIT - 1))
                ? QUOTE_LIMIT - 1 : QUOTE_LIMIT) : text;
        shown = shown.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return cut ? "'" + shown + "…' (" + text.length() + " characters)" : "'" + shown + "'";
    }

    /** The alternatives a message offers, e.g. {@code full, sensing or completion} ({@code a} alone, {@code a or b}). */
    public static String oneOf(List<String> alternatives) {
        int last = alternatives.size() - 1;
        return last == 0 ? alternatives.get(0)
                : String.join(", ", alternatives.subList(0, last)) + " or " + alternatives.get(last);
    }

    /** The setting key or the cell the problem is about. */
    public String subject() {
        return subject;
    }
}
