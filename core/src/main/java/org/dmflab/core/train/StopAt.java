package org.dmflab.core.train;

import java.util.Locale;
import org.dmflab.core.InvalidInputException;

/**
 * The {@code stop-at} setting (docs/design.md §3): {@code none} runs the budget, {@code rank:R} stops gradient descent
 * while the product is effectively of rank R (docs/theory.md §7.5) and returns the product there.
 *
 * @param rank the asked rank R ≥ 1, or 0 for {@code none}
 */
public record StopAt(int rank) {
    /** Run the whole budget. */
    public static final StopAt NONE = new StopAt(0);
    /** The text of {@link #NONE}. */
    public static final String NONE_TEXT = "none";
    /** The prefix of the rank form, {@code rank:R}. */
    public static final String RANK_KIND = "rank";

    public StopAt {
        if (rank < 0) {
            throw new IllegalArgumentException("rank " + rank);
        }
    }

    /** Whether a rank was asked. */
    public boolean active() {
        return rank > 0;
    }

    /** The setting's text: {@code none} or {@code rank:R}. */
    public String text() {
        return active() ? RANK_KIND + ":" + rank : NONE_TEXT;
    }

    /** Reads {@code none} (also blank or absent) or {@code rank:R} with a whole R ≥ 1. */
    public static StopAt parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase(NONE_TEXT)) {
            return NONE;
        }
        String trimmed = text.trim();
        String prefix = RANK_KIND + ":";
        if (trimmed.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            String number = trimmed.substring(prefix.length()).trim();
            try {
                int rank = Integer.parseInt(number);
                if (rank >= 1) {
                    return new StopAt(rank);
                }
            } catch (NumberFormatException notWhole) {
                // reported below
            }
            throw new InvalidInputException(TrainSettings.STOP_AT, "rank:R needs a whole rank R ≥ 1, got '" + number
                    + "'; e.g. rank:3");
        }
        throw new InvalidInputException(TrainSettings.STOP_AT, "must be none or rank:R (stop while the product is "
                + "effectively of rank R), got '" + trimmed + "'; e.g. rank:3");
    }
}
