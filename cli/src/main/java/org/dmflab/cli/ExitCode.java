package org.dmflab.cli;

/** Exit codes of {@code dmflab} (docs/design.md §4). */
public final class ExitCode {
    public static final int OK = 0;
    /** Bad input: one line on stderr names the option or cell. */
    public static final int BAD_INPUT = 2;
    /** A diverging or otherwise failed run. */
    public static final int FAILED = 3;
    /** Interrupted (Ctrl-C or cancelled). */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
