package org.dmflab.core.train;

import java.util.Arrays;
import java.util.Locale;
import org.dmflab.core.InvalidInputException;

/**
 * Which iterations the trace records (setting {@code record}): {@code every:K} — 0, K, 2K, … — or {@code log:P} — about
 * P log-spaced iterations between 1 and the budget. Iteration 0 and the last iteration run are always recorded.
 */
public sealed interface RecordSchedule {
    /** Largest point count of {@code log:P}; a trace longer than this is no longer readable as a table. */
    int MAX_LOG_POINTS = 1_000_000;

    /** The default schedule, {@link TrainSettings#DEFAULT_RECORD} ({@code log:400}). */
    RecordSchedule DEFAULT = parse(TrainSettings.DEFAULT_RECORD);

    /** The smallest recorded iteration greater than {@code current}, capped at {@code last}. */
    long next(long current, long last);

    /** The setting text, e.g. {@code log:400}. */
    String text();

    /** Parses {@code every:K} or {@code log:P}; blank means {@code log:400}. */
    static RecordSchedule parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        int colon = trimmed.indexOf(':');
        String kind = colon < 0 ? trimmed : trimmed.substring(0, colon);
        if (colon < 0 || !(kind.equals("every") || kind.equals("log"))) {
            throw new InvalidInputException(TrainSettings.RECORD, "'" + text.trim()
                    + "' is not a record schedule; use every:K (every K-th iteration) or log:P (P log-spaced points)");
        }
        long count;
        try {
            count = Long.parseLong(trimmed.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(TrainSettings.RECORD, "'" + text.trim() + "': the part after ':' must be "
                    + "a whole number, e.g. " + kind + ":100");
        }
        if (kind.equals("every")) {
            if (count < 1) {
                throw new InvalidInputException(TrainSettings.RECORD, "every:" + count + " records nothing; K must be "
                        + "at least 1, e.g. every:100");
            }
            return new Every(count);
        }
        if (count < 2 || count > MAX_LOG_POINTS) {
            throw new InvalidInputException(TrainSettings.RECORD, "log:" + count + " — P must be between 2 and "
                    + MAX_LOG_POINTS + ", e.g. log:400");
        }
        return new LogSpaced((int) count);
    }

    /** Every K-th iteration. */
    record Every(long interval) implements RecordSchedule {
        public Every {
            if (interval < 1) {
                throw new IllegalArgumentException("interval must be >= 1: " + interval);
            }
        }

        @Override
        public long next(long current, long last) {
            long next = (current / interval + 1) * interval;
            return next < 0 || next > last ? last : next;
        }

        @Override
        public String text() {
            return "every:" + interval;
        }
    }

    /** Iteration 0 and the distinct values round(last^{i/(P−1)}), i = 0 … P−1. */
    record LogSpaced(int points) implements RecordSchedule {
        public LogSpaced {
            if (points < 2 || points > MAX_LOG_POINTS) {
                throw new IllegalArgumentException("points must be in [2, " + MAX_LOG_POINTS + "]: " + points);
            }
        }

        /** The recorded iterations for a budget of {@code last} iterations, ascending and distinct. */
        public long[] iterations(long last) {
            long[] values = new long[points + 1];
            int count = 0;
            values[count++] = 0;
            double logLast = Math.log(Math.max(last, 1));
            for (int i = 0; i < points; i++) {
                long value = i == points - 1 ? last : Math.round(Math.exp(logLast * i / (points - 1)));
                value = Math.min(Math.max(value, 1), last);
                if (value > values[count - 1]) {
                    values[count++] = value;
                }
            }
            return Arrays.copyOf(values, count);
        }

        @Override
        public long next(long current, long last) {
            double logLast = Math.log(Math.max(last, 1));
            // the first index whose value can exceed current; rounding is handled by scanning forward
            int i = current < 1 ? 0 : (int) Math.max(0, Math.floor((points - 1) * Math.log(current) / logLast) - 1);
            for (; i < points; i++) {
                long value = i == points - 1 ? last : Math.round(Math.exp(logLast * i / (points - 1)));
                if (value > current) {
                    return Math.min(value, last);
                }
            }
            return last;
        }

        @Override
        public String text() {
            return "log:" + points;
        }
    }
}
