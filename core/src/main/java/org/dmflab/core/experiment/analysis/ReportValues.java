package org.dmflab.core.experiment.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.OptionalLong;
import org.dmflab.core.experiment.run.RunOutcome;

/** Small conversions the analyses share: table cells from optionals, step sizes as fractions of their bound. */
final class ReportValues {
    private ReportValues() {
    }

    /** A nullable table cell. */
    static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    /** k_hit of eigenvalue {@code index} (1-based); empty for a numerical zero, which has no hitting row. */
    static OptionalLong kHit(RunOutcome outcome, int index) {
        return outcome.track().hittings().stream().filter(hit -> hit.index() == index).findFirst()
                .map(org.dmflab.core.track.Hitting::kHit).orElse(OptionalLong.empty());
    }

    /**
     * The run's step size as a multiple of the admissible step size the trainer computed for it, e.g. {@code 0.9·(10′)}
     * (3 significant digits; derived from the typed settings and the target, never retyped).
     */
    static String stepFraction(RunOutcome outcome) {
        double fraction = outcome.train().step() / outcome.admissibleStep();
        return BigDecimal.valueOf(fraction).round(new MathContext(3)).stripTrailingZeros().toPlainString() + "·"
                + outcome.train().dynamics().start().stepBoundName(outcome.train().depth());
    }
}
