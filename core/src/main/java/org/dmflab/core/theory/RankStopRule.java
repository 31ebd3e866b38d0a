package org.dmflab.core.theory;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.model.PlateauLevels;
import org.dmflab.core.model.Accuracy;

/**
 * Where {@code stop-at=rank:R} stops (docs/theory.md §7.5), chosen once before the run from the target's spectrum.
 * <ul>
 *   <li><b>Certified</b> (symmetric target, identity start, full loss: the run decouples, Theorem 3.5′/3.5″ applies):
 *   at K_lead, the start of the certified interval of rank R with the predictor's default ε and δ — the number the
 *   Theoretical Bound Predictor prints as {@code k_start}.</li>
 *   <li><b>Observed</b> (everywhere else, or when rank R has no certificate): on the effective-rank plateau of level
 *   ℓ_R. The band |r_eff(W(k)) − ℓ_R| ≤ h has h = half the gap to the nearer neighbouring level, and at most the
 *   plateau bound (64″) with the same ε and δ, so that no other level lies inside it; the run stops when r_eff leaves
 *   the band upwards (the next value starts being fitted), and the result is the recorded point of that stay nearest
 *   to ℓ_R ({@link PlateauWatch}).</li>
 * </ul>
 *
 * @param rank               the asked rank R
 * @param certified          whether the certified rule applies
 * @param certifiedIteration K_lead of rank R (certified rule only; 0 otherwise)
 * @param certifiedEnd       the end of rank R's certified interval (certified rule only, and only when the interval
 *                           ends; empty otherwise): the predictor's {@code k_end}, from the same certificate
 * @param level              the plateau level ℓ_R
 * @param halfWidth          the observed rule's band h (for the certified rule, the bound (64″) on the interval)
 * @param basis              one sentence: which rule, on which numbers, and (for a fallback) why not the certified one
 */
public record RankStopRule(int rank, boolean certified, long certifiedIteration, OptionalLong certifiedEnd,
                           double level, double halfWidth, String basis) {
    /** The key of the trainer's setting that asks for this rule ({@code TrainSettings.STOP_AT} is declared with it). */
    public static final String SETTING = "stop-at";
    /** ε of the certified rule and of the observed band's bound: the predictor's default. */
    public static final double EPSILON = Accuracy.DEFAULT_EPSILON;
    /** δ of the certified rule and of the observed band's bound: the predictor's default. */
    public static final double DELTA = Accuracy.DEFAULT_DELTA;

    public RankStopRule {
        Objects.requireNonNull(certifiedEnd, "certifiedEnd");
        Objects.requireNonNull(basis, "basis");
    }

    /** The rule's name as the trace summary and the flow variables give it: {@code certified} or {@code observed}. */
    public String kind() {
        return certified ? "certified" : "observed";
    }

    /** The certified rule: stop at the certificate's k_start (it must be certified); it carries the interval's end. */
    public static RankStopRule certified(PlateauCertificate certificate) {
        long start = certificate.plateau().start().orElseThrow(() -> new IllegalArgumentException("not certified"));
        double bound = certificate.plateau().bound().orElse(Double.NaN);
        return new RankStopRule(certificate.plateau().r(), true, start, certificate.plateau().end(),
                certificate.plateau().level(), bound,
                String.format(Locale.ROOT, "certified: k_start = %d of the certified interval of rank %d, computed "
                                + "from the target's eigenvalues before the run with ε = %s, δ = %s (the Theoretical "
                                + "Bound Predictor's numbers; %s)", start, certificate.plateau().r(), EPSILON, DELTA,
                        certificate.reason()));
    }

    /**
     * The observed rule on the plateau levels of the data trained on.
     *
     * @param size     n of the bound (64″): the number of values of the spectrum, zeros included
     * @param fallback why the certified rule does not apply (appended to the basis), or empty
     * @throws InvalidInputException when rank R has no level
     */
    public static RankStopRule observed(PlateauLevels levels, int rank, int size, String fallback) {
        if (rank > levels.count()) {
            throw new InvalidInputException(SETTING, "rank:" + rank + " asks for a plateau the target "
                    + "does not have: its spectrum has " + levels.count() + " plateau level" + (levels.count() == 1
                    ? "" : "s") + " (" + levels.ruleDescription() + "); choose a rank from 1 to " + levels.count());
        }
        return observed(levels.levels(), rank, size, fallback);
    }

    /** The observed rule on the levels ℓ_1 … ℓ_p ({@code levels}, increasing; 1 ≤ rank ≤ p) of a spectrum of size n. */
    public static RankStopRule observed(double[] levels, int rank, int size, String fallback) {
        double level = levels[rank - 1];
        double halfWidth = EPSILON / (1 - EPSILON) * level + (size - rank) * DELTA;
        if (rank > 1) {
            halfWidth = Math.min(halfWidth, (level - levels[rank - 2]) / 2);
        }
        if (rank < levels.length) {
            halfWidth = Math.min(halfWidth, (levels[rank] - level) / 2);
        }
        String basis = String.format(Locale.ROOT, "observed: the recorded iteration nearest the plateau level ℓ_%d = "
                        + "%.6g of the stay within ±%.4g of it (half the gap to the neighbouring level, at most the "
                        + "bound (64″)), once the effective rank leaves that band upwards", rank, level, halfWidth);
        return new RankStopRule(rank, false, 0, OptionalLong.empty(), level, halfWidth, fallback.isEmpty() ? basis : basis + "; "
                + fallback);
    }

    /**
     * The recorded point this rule stops at in a recorded run ({@code iterations} increasing, with the effective rank
     * at each): the first point at or after K_lead (certified), or the point {@link PlateauWatch} keeps (observed);
     * empty when the run never gets there. The trainer applies the same rule while it runs.
     */
    public OptionalInt stopPoint(long[] iterations, double[] effectiveRanks) {
        if (certified) {
            for (int point = 0; point < iterations.length; point++) {
                if (iterations[point] >= certifiedIteration) {
                    return OptionalInt.of(point);
                }
            }
            return OptionalInt.empty();
        }
        PlateauWatch watch = new PlateauWatch(level, halfWidth);
        int nearest = -1;
        for (int point = 0; point < iterations.length; point++) {
            PlateauWatch.Verdict verdict = watch.offer(effectiveRanks[point]);
            if (verdict == PlateauWatch.Verdict.NEAREST) {
                nearest = point;
            } else if (verdict == PlateauWatch.Verdict.LEFT) {
                return OptionalInt.of(nearest);
            } else if (verdict == PlateauWatch.Verdict.BELOW) {
                nearest = -1;
            }
        }
        return nearest >= 0 ? OptionalInt.of(nearest) : OptionalInt.empty();
    }
}
