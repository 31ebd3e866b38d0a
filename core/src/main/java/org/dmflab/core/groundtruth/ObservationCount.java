package org.dmflab.core.groundtruth;

import org.dmflab.core.InvalidInputException;

/**
 * How many entries of the target the generator observes for matrix completion (setting {@code observations}): none, a
 * count ({@code 2000}) or a fraction of the m·n entries ({@code 0.2}; anything with a decimal point).
 *
 * @param count    the count, 0 when a fraction or none
 * @param fraction the fraction in (0, 1], 0 when a count or none
 */
public record ObservationCount(int count, double fraction) {
    /** No observations. */
    public static final ObservationCount NONE = new ObservationCount(0, 0);

    public ObservationCount {
        if (count < 0 || !(fraction >= 0 && fraction <= 1) || (count > 0 && fraction > 0)) {
            throw new InvalidInputException(GroundTruthSettings.OBSERVATIONS, "must be a count of entries (e.g. 2000) "
                    + "or a fraction of them in (0, 1] (e.g. 0.2), got count " + count + ", fraction " + fraction);
        }
    }

    /** Parses {@code 0}/blank (none), a whole count or a fraction with a decimal point. */
    public static ObservationCount parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String trimmed = text.trim();
        try {
            if (trimmed.contains(".") || trimmed.contains("e") || trimmed.contains("E")) {
                double fraction = Double.parseDouble(trimmed);
                if (!(fraction > 0 && fraction <= 1)) {
                    throw new InvalidInputException(GroundTruthSettings.OBSERVATIONS, "the fraction " + trimmed
                            + " is not in (0, 1]; give a fraction such as 0.2 or a whole count such as 2000");
                }
                return new ObservationCount(0, fraction);
            }
            int count = Integer.parseInt(trimmed);
            if (count < 0) {
                throw new InvalidInputException(GroundTruthSettings.OBSERVATIONS, "must be 0 (none) or a positive "
                        + "count, got " + count);
            }
            return new ObservationCount(count, 0);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(GroundTruthSettings.OBSERVATIONS, "'" + trimmed + "' is neither a whole "
                    + "count (e.g. 2000) nor a fraction (e.g. 0.2)");
        }
    }

    public boolean isNone() {
        return count == 0 && fraction == 0;
    }

    /**
     * The number of entries to observe of a target with {@code entries} entries (a fraction rounds to the nearest
     * count, at least 1).
     *
     * @throws InvalidInputException when a count exceeds the entries
     */
    public int resolve(long entries) {
        if (fraction > 0) {
            return (int) Math.max(1, Math.min(entries, Math.round(fraction * entries)));
        }
        if (count > entries) {
            throw new InvalidInputException(GroundTruthSettings.OBSERVATIONS, count + " observed entries requested, "
                    + "but the target has only " + entries + "; choose at most " + entries + " (or a fraction)");
        }
        return count;
    }

    /** The setting's text form. */
    @Override
    public String toString() {
        return fraction > 0 ? Double.toString(fraction) : Integer.toString(count);
    }
}
