package org.dmflab.core.track;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.dmflab.core.Progress;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.dmflab.core.model.Trace;
import org.dmflab.core.model.Accuracy;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.PlateauLevels;

/**
 * First hitting iterations of every target eigenvalue (docs/design.md §3): the product's value along vᵢ is the trace's
 * {@code lambda_i} column for eigenvalue targets and {@code sigma_i} for singular-value targets. Numerical zeros of the
 * target ({@link PlateauLevels#isZero}) get no row: there is nothing to learn.
 *
 * <p><b>Which limit.</b> The limit depends on the start: λ₊ = max(λ, 0) for an identical start with N ≥ 2, λ otherwise
 * (docs/theory.md §3, §6; {@code ScalarRecursion.limit}); the two differ only for λ &lt; 0. A perturbed or Gaussian
 * start (the trace's {@code init} column) is judged against λ. For an identical start (whose depth the trace does not
 * record; N = 1 recovers λ &lt; 0) and for a trace of unknown start, the limit is the candidate (λ or λ₊) <b>closer to
 * the last recorded value</b>. A negative λ whose limit is then 0 is {@link Hitting.Outcome#NOT_RECOVERED}: no k_hit,
 * since being near 0 from the start is not learning λ.
 */
public final class HittingTimes {
    private HittingTimes() {
    }

    /**
     * One {@link Hitting} per target value that is not a numerical zero, in spectrum order; the trace must have a
     * column per target value.
     */
    public static List<Hitting> compute(Trace trace, Spectrum target, double epsilon) {
        return compute(trace, target, epsilon, Progress.NONE);
    }

    /** As {@link #compute(Trace, Spectrum, double)}, asking {@code progress} for a cancel between target values. */
    public static List<Hitting> compute(Trace trace, Spectrum target, double epsilon, Progress progress) {
        boolean eigen = target.kind() == SpectrumKind.EIGENVALUE;
        double operatorNorm = 0;
        for (double value : target.values()) {
            operatorNorm = Math.max(operatorNorm, Math.abs(value));
        }
        PlateauLevels zeros = PlateauLevels.of(target, Initialization.IDENTITY);
        boolean recoversNegatives = trace.init().isPresent() && !trace.init().get().identical();
        List<Hitting> hittings = new ArrayList<>(target.size());
        int last = trace.size() - 1;
        for (int i = 0; i < target.size(); i++) {
            progress.checkCanceled();
            if (zeros.isZero(i)) {
                continue;
            }
            double lambda = target.value(i);
            double finalValue = eigen ? trace.lambda(last, i) : trace.sigma(last, i);
            double limit = recoversNegatives ? lambda : limit(lambda, finalValue);
            if (lambda < 0 && limit == 0) {
                hittings.add(new Hitting(i + 1, lambda, 0, OptionalLong.empty(), Hitting.Outcome.NOT_RECOVERED));
                continue;
            }
            OptionalLong hit = OptionalLong.empty();
            for (int point = 0; point < trace.size(); point++) {
                double value = eigen ? trace.lambda(point, i) : trace.sigma(point, i);
                if (Accuracy.isLearned(value, limit, lambda, epsilon, operatorNorm)) {
                    hit = OptionalLong.of(trace.iteration(point));
                    break;
                }
            }
            hittings.add(new Hitting(i + 1, lambda, limit, hit,
                    hit.isPresent() ? Hitting.Outcome.LEARNED : Hitting.Outcome.NOT_REACHED));
        }
        return hittings;
    }

    /** λ or λ₊, whichever is closer to the last recorded value (λ on a tie). */
    public static double limit(double lambda, double finalValue) {
        double positivePart = Math.max(lambda, 0);
        return Math.abs(finalValue - positivePart) < Math.abs(finalValue - lambda) ? positivePart : lambda;
    }
}
