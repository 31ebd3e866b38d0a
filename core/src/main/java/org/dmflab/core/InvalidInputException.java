package org.dmflab.core;

/**
 * Bad input that the user can fix: names the setting (or table cell) at fault, says what was wrong and how to fix it.
 * The command line turns it into exit code 2 and one line on stderr; the KNIME nodes into an
 * {@code InvalidSettingsException} at configure time.
 */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String subject;

    /**
     * @param subject the setting key or cell the message is about, e.g. {@code "spectrum"} or {@code "matrix.csv row 3, column c2"}
     * @param problemAndFix what was wrong and how to fix it, as one sentence
     */
    public InvalidInputException(String subject, String problemAndFix) {
        super(subject + ": " + problemAndFix);
        this.subject = subject;
    }

    /** The setting key or the cell the problem is about. */
    public String subject() {
        return subject;
    }
}
