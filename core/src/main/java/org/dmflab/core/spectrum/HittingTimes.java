package org.dmflab.core.spectrum;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.dmflab.core.Progress;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.dmflab.core.model.Trace;
import org.dmflab.core.model.Accuracy;

/**
 * First hitting iterations of every target eigenvalue (docs/design.md §3): the product's value along vᵢ is the trace's
 * {@code lambda_i} column for eigenvalue targets and {@code sigma_i} for singular-value targets.
 *
 * <p><b>Which limit.</b> The trace does not say how the run started, and the limit depends on it: λ₊ = max(λ, 0) for an
 * identical start with N ≥ 2, λ otherwise (docs/theory.md §3, §6; {@code ScalarRecursion.limit}). The two differ only for
 * λ &lt; 0, where identical starts end near 0 and perturbed or random starts near λ &lt; 0. The tracker therefore takes as
 * limit the candidate (λ or λ₊) <b>closer to the last recorded value</b>, the one the trajectory approaches; for
 * λ ≥ 0 both are λ. A run stopped before it has moved past λ/2 is thus judged against 0 — the hitting iteration is then
 * empty or marks when the value came within ε|λ| of 0, which the {@code limit} column makes explicit.
 */
public final class HittingTimes {
    private HittingTimes() {
    }

    /** One {@link Hitting} per target value, in spectrum order; the trace must have a column per target value. */
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
        List<Hitting> hittings = new ArrayList<>(target.size());
        int last = trace.size() - 1;
        for (int i = 0; i < target.size(); i++) {
            progress.checkCanceled();
            double lambda = target.value(i);
            double finalValue = eigen ? trace.lambda(last, i) : trace.sigma(last, i);
            double limit = limit(lambda, finalValue);
            OptionalLong hit = OptionalLong.empty();
            for (int point = 0; point < trace.size(); point++) {
                double value = eigen ? trace.lambda(point, i) : trace.sigma(point, i);
                if (Accuracy.isLearned(value, limit, lambda, epsilon, operatorNorm)) {
                    hit = OptionalLong.of(trace.iteration(point));
                    break;
                }
            }
            hittings.add(new Hitting(i + 1, lambda, limit, hit));
        }
        return hittings;
    }

    /** λ or λ₊, whichever is closer to the last recorded value (λ on a tie). */
    public static double limit(double lambda, double finalValue) {
        double positivePart = Math.max(lambda, 0);
        return Math.abs(finalValue - positivePart) < Math.abs(finalValue - lambda) ? positivePart : lambda;
    }
}
