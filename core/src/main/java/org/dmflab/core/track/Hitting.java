package org.dmflab.core.track;

import java.util.Objects;
import java.util.OptionalLong;
import org.dmflab.core.model.Accuracy;

/**
 * When the product learned one target eigenvalue (or singular value): the first recorded iteration k_hit at which
 * |value − limit| ≤ ε·|λ| (docs/design.md §3, {@link Accuracy}); empty if never within the recorded iterations, and
 * empty for a negative eigenvalue that the run never recovers (its limit is 0, {@link Outcome#NOT_RECOVERED}).
 *
 * @param index   1-based, as in the spectrum table
 * @param lambda  the target's eigenvalue (singular value for non-symmetric targets)
 * @param limit   what the product's value approaches: λ or λ₊ (see {@link HittingTimes})
 * @param outcome which of the three cases this is, for the hitting table's {@code outcome} column
 */
public record Hitting(int index, double lambda, double limit, OptionalLong kHit, Outcome outcome) {

    public Hitting {
        Objects.requireNonNull(kHit, "kHit");
        Objects.requireNonNull(outcome, "outcome");
        if (kHit.isPresent() != (outcome == Outcome.LEARNED || outcome == Outcome.LOST)) {
            throw new IllegalArgumentException("k_hit is given exactly when the value was learned: " + kHit + ", "
                    + outcome);
        }
    }

    /** This value, learned at k_hit, marked as lost later ({@link ManifoldDeparture}). */
    Hitting lost() {
        return new Hitting(index, lambda, limit, kHit, Outcome.LOST);
    }

    /** What became of one target value in the recorded run. */
    public enum Outcome {
        /** Within ε of its limit from k_hit on. */
        LEARNED("learned"),
        /**
         * Within ε of its limit at k_hit, off it again later: the run left the dynamics of its start
         * ({@link ManifoldDeparture}, docs/theory.md §2.3).
         */
        LOST("learned, then lost (the run left the dynamics of its start)"),
        /** Not within ε of its limit at any recorded iteration. */
        NOT_REACHED("not reached in the recorded run"),
        /** λ &lt; 0 and the product's value tends to 0: an identical start never recovers it (docs/theory.md §3). */
        NOT_RECOVERED("never recovered: limit 0 (λ < 0 under an identical start)");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** The text of the {@code outcome} column. */
        public String label() {
            return label;
        }
    }
}
