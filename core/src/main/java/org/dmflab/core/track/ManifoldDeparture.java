package org.dmflab.core.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dmflab.core.model.Accuracy;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.StartKind;
import org.dmflab.core.model.PlateauLevels;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.dmflab.core.model.Trace;

/**
 * Where a recorded run leaves the dynamics docs/theory.md describes for its start (§2.3, §3): the trace's
 * {@code lambda_i} columns against what the start can reach. With ε the tracker's accuracy and tol_i = ε|λ_i|
 * ({@link Accuracy}):
 * <ul>
 *   <li><b>lost</b>: a positive eigenvalue that was within tol_i of λ_i at a recorded point is off by more than tol_i
 *       at a later one. Every start converges to λ_i &gt; 0 (monotonically for an identical start, Lemma 2.2′), so in
 *       exact arithmetic a learned value stays learned;</li>
 *   <li><b>recovered</b>: under an identical start, a negative eigenvalue's value falls below −tol_i. With N ≥ 2 the
 *       factor eigenvalue x_i stays positive and x_i^N ≥ 0 in exact arithmetic (the limit is 0, Theorem 1.1′); the
 *       tracker's levels assume N ≥ 2 for identical starts (model.PlateauLevels).</li>
 * </ul>
 * Floating-point descent does both when the identical start sits on a strict saddle (§2.3): round-off grows until
 * λ_b is recovered in place of λ_a. Numerical zeros of the target and singular-value targets are not judged.
 *
 * @param iteration the first recorded iteration at which any eigenvalue is lost or recovered
 * @param changes   every eigenvalue lost or recovered, by the iteration it happened
 */
public record ManifoldDeparture(long iteration, List<Change> changes) {
    public ManifoldDeparture {
        changes = List.copyOf(changes);
    }

    /** One eigenvalue lost or recovered at a recorded iteration. */
    public record Change(int index, double lambda, boolean recovered, long iteration) {
        /** "λ_3 = −1.543 recovered at k = 21100". */
        public String text() {
            return String.format(Locale.ROOT, "λ_%d = %.4g %s at k = %d", index, lambda, recovered ? "recovered" : "lost",
                    iteration);
        }
    }

    /** The departure of a run on a symmetric target, or empty if it stays where its start can go. */
    public static Optional<ManifoldDeparture> of(Trace trace, Spectrum target, double epsilon) {
        if (target.kind() != SpectrumKind.EIGENVALUE || trace.eigenCount() != target.size()) {
            return Optional.empty();
        }
        PlateauLevels zeros = PlateauLevels.of(target, Initialization.IDENTITY);
        boolean identical = trace.init().map(StartKind::identical).orElse(false);
        double norm = 0;
        for (double value : target.values()) {
            norm = Math.max(norm, Math.abs(value));
        }
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < target.size(); i++) {
            double lambda = target.value(i);
            if (zeros.isZero(i)) {
                continue;
            }
            double tolerance = Accuracy.tolerance(lambda, epsilon, norm);
            if (lambda > 0) {
                lost(trace, i, lambda, tolerance).ifPresent(changes::add);
            } else if (identical) {
                recovered(trace, i, lambda, tolerance).ifPresent(changes::add);
            }
        }
        changes.sort(Comparator.comparingLong(Change::iteration));
        return changes.isEmpty() ? Optional.empty()
                : Optional.of(new ManifoldDeparture(changes.get(0).iteration(), changes));
    }

    private static Optional<Change> lost(Trace trace, int i, double lambda, double tolerance) {
        boolean learned = false;
        for (int point = 0; point < trace.size(); point++) {
            boolean within = Math.abs(trace.lambda(point, i) - lambda) <= tolerance;
            if (learned && !within) {
                return Optional.of(new Change(i + 1, lambda, false, trace.iteration(point)));
            }
            learned |= within;
        }
        return Optional.empty();
    }

    private static Optional<Change> recovered(Trace trace, int i, double lambda, double tolerance) {
        for (int point = 0; point < trace.size(); point++) {
            if (trace.lambda(point, i) < -tolerance) {
                return Optional.of(new Change(i + 1, lambda, true, trace.iteration(point)));
            }
        }
        return Optional.empty();
    }

    /** One sentence for the summary, the recording column and the KNIME warning. */
    public String sentence() {
        return String.format(Locale.ROOT, "The run left the dynamics of its start at k = %d (%s): in exact arithmetic "
                + "this start neither loses a learned eigenvalue nor recovers a negative one, so from there on the "
                + "plateaus and certificates of docs/theory.md do not describe it (floating-point descent does this "
                + "when an identical start sits on a strict saddle, docs/theory.md §2.3).", iteration,
                changes.stream().map(Change::text).collect(Collectors.joining(", ")));
    }
}
