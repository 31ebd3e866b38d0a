package org.dmflab.core.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.dmflab.core.Progress;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.Plateau;
import org.dmflab.core.model.PlateauLevels;
import org.dmflab.core.theory.PlateauCertificate;
import org.dmflab.core.theory.ScalarRecursion;

/**
 * The strict saddle of the identical start (docs/theory.md §2.3): if a negative eigenvalue λ_b is larger in modulus
 * than a positive one λ_a (neither a numerical zero of {@link PlateauLevels}), the limit VΛ₊Vᵀ of Theorem 1.1′ is a
 * strict saddle. Exact arithmetic (the spectral solver, the recursion (18)) never leaves the identical-start manifold;
 * floating-point descent on the factor matrices (the matrix solver) does, once round-off perturbations in the (a, b)
 * block have grown to the accuracy ε. {@link #iteration()} estimates when, by §2.3's escape estimate (2.3′):
 * amplitude u·α at k = 0, growth 1 + η x_a^{N−2}(|λ_b| + x_b^N − x_a^N) per iteration along the recursions (18), escape
 * once A²·x_a^{N−2} ≥ ε·min(λ_a, |λ_b|). The pair (a, b) with the earliest estimate is reported. For N = 2 the
 * channel of λ_b alone is unstable too (the paper's Remark 1.4, estimate (2.3″)): the difference d of its two factor
 * eigenvalues, u·α at k = 0, grows by 1 + η(x_b² − λ_b) per iteration, and the product's eigenvalue −d²/4 reaches
 * −ε|λ_b| first; the earlier of the two estimates is reported.
 *
 * @param positiveIndex 1-based index of λ_a in the descending spectrum
 * @param positive      λ_a, the positive eigenvalue whose channel is taken over
 * @param negativeIndex 1-based index of λ_b
 * @param negative      λ_b, the negative eigenvalue that float descent recovers
 * @param rate          ln(1 + η λ_a^{(N−2)/N}(|λ_b| − λ_a)), the growth per iteration at the limit (§2.3)
 * @param iteration     the estimated escape iteration of floating-point descent; empty if beyond the horizon
 * @param ownChannel    whether (N = 2) λ_b's own channel (2.3″) escapes before the saddle (2.3′)
 */
public record SaddleEscape(int positiveIndex, double positive, int negativeIndex, double negative, double rate,
                           OptionalLong iteration, boolean ownChannel) {
    /** Iterations between two cancel checks. */
    private static final int CANCEL_CHECK_INTERVAL = 1 << 16;

    /**
     * The saddle of an identical start with depth N ≥ 2 for descending eigenvalues, or empty if Φ₊ is not a strict
     * saddle (no negative eigenvalue exceeds a positive one in modulus, N = 1, or another start).
     */
    public static Optional<SaddleEscape> of(PredictConfig config, double[] eigenvalues, Progress progress) {
        if (config.depth() < 2 || config.init() != Initialization.IDENTITY) {
            return Optional.empty();
        }
        double zero = PlateauLevels.zeroThreshold(eigenvalues);
        int b = eigenvalues.length - 1; // the most negative eigenvalue grows fastest against every λ_a (§2.3)
        if (!(eigenvalues[b] < -zero)) {
            return Optional.empty();
        }
        SaddleEscape earliest = null;
        for (int a = 0; a < eigenvalues.length; a++) {
            double lambdaA = eigenvalues[a];
            if (lambdaA > zero && lambdaA < -eigenvalues[b]) {
                SaddleEscape candidate = pair(config, a + 1, lambdaA, b + 1, eigenvalues[b],
                        earliest == null || earliest.iteration().isEmpty() ? config.horizon()
                                : earliest.iteration().getAsLong(), progress);
                if (earliest == null || earlier(candidate, earliest)) {
                    earliest = candidate;
                }
            }
        }
        if (earliest != null && config.depth() == 2) {
            long limit = earliest.iteration().orElse(config.horizon());
            OptionalLong own = ownChannel(config, eigenvalues[b], limit, progress);
            if (own.isPresent() && (earliest.iteration().isEmpty() || own.getAsLong() < limit)) {
                earliest = new SaddleEscape(earliest.positiveIndex(), earliest.positive(), earliest.negativeIndex(),
                        earliest.negative(), earliest.rate(), own, true);
            }
        }
        return Optional.ofNullable(earliest);
    }

    private static boolean earlier(SaddleEscape candidate, SaddleEscape current) {
        if (candidate.iteration().isPresent() != current.iteration().isPresent()) {
            return candidate.iteration().isPresent();
        }
        return candidate.iteration().isPresent()
                ? candidate.iteration().getAsLong() < current.iteration().getAsLong() : candidate.rate() > current.rate();
    }

    /** The estimate (2.3′) for one pair, searched up to {@code limit} iterations. */
    static SaddleEscape pair(PredictConfig config, int indexA, double lambdaA, int indexB, double lambdaB, long limit,
                             Progress progress) {
        int n = config.depth();
        double eta = config.step();
        double rate = Math.log1p(eta * Math.pow(lambdaA, (n - 2.0) / n) * (-lambdaB - lambdaA));
        double threshold = config.epsilon() * Math.min(lambdaA, -lambdaB);
        double xa = config.alpha();
        double xb = config.alpha();
        double logAmplitude = Math.log(PlateauLevels.UNIT_ROUNDOFF * config.alpha());
        double logThreshold = Math.log(threshold);
        for (long k = 1; k <= limit; k++) {
            if (k % CANCEL_CHECK_INTERVAL == 0) {
                progress.checkCanceled();
            }
            double powA = ScalarRecursion.power(xa, n);
            double powB = ScalarRecursion.power(xb, n);
            double growth = eta * ScalarRecursion.power(xa, n - 2) * (-lambdaB + powB - powA);
            logAmplitude += Math.log1p(Math.max(0, growth));
            xa = ScalarRecursion.identicalStep(xa, lambdaA, eta, n);
            xb = ScalarRecursion.identicalStep(xb, lambdaB, eta, n);
            if (!Double.isFinite(xa) || !Double.isFinite(xb)) {
                break;
            }
            double missing = logThreshold - 2 * logAmplitude - (n - 2) * Math.log(xa);
            if (missing <= 0) {
                return new SaddleEscape(indexA, lambdaA, indexB, lambdaB, rate, OptionalLong.of(k), false);
            }
            if (settled(powA - lambdaA, lambdaA) && settled(powB, lambdaB) && growth > 0) {
                // at the limit: constant growth from here on, so the rest is one division
                return new SaddleEscape(indexA, lambdaA, indexB, lambdaB, rate,
                        within(k, missing / (2 * Math.log1p(growth)), limit), false);
            }
        }
        return new SaddleEscape(indexA, lambdaA, indexB, lambdaB, rate, OptionalLong.empty(), false);
    }

    /**
     * Whether a deviation from the limit is below 1e-9 of |λ|: the growth per iteration is then constant to 1e-9
     * relative, and the remaining iterations follow by division (changing the estimate by far less than one part in
     * a million).
     */
    private static boolean settled(double deviation, double lambda) {
        return Math.abs(deviation) <= 1e-9 * Math.abs(lambda);
    }

    /** k + ⌈rest⌉ if it is at most {@code limit}, else empty. */
    private static OptionalLong within(long k, double rest, long limit) {
        double total = k + Math.ceil(rest);
        return total <= limit ? OptionalLong.of((long) total) : OptionalLong.empty();
    }

    /** Estimate (2.3″) for N = 2: the first k with d(k)²/4 ≥ ε|λ_b|, searched up to {@code limit}; empty if none. */
    static OptionalLong ownChannel(PredictConfig config, double lambdaB, long limit, Progress progress) {
        double eta = config.step();
        double x = config.alpha();
        double logDifference = Math.log(PlateauLevels.UNIT_ROUNDOFF * config.alpha());
        double logThreshold = Math.log(4 * config.epsilon() * -lambdaB);
        for (long k = 1; k <= limit; k++) {
            if (k % CANCEL_CHECK_INTERVAL == 0) {
                progress.checkCanceled();
            }
            double growth = Math.log1p(eta * (x * x - lambdaB));
            logDifference += growth;
            x = ScalarRecursion.identicalStep(x, lambdaB, eta, 2);
            double missing = logThreshold - 2 * logDifference;
            if (missing <= 0) {
                return OptionalLong.of(k);
            }
            if (settled(x * x, lambdaB)) {
                return within(k, missing / (2 * growth), limit);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The certificates with their {@code reason} saying whether they hold for floating-point descent too: a certified
     * interval that ends before the estimated escape does (with the estimate's uncertainty, docs/theory.md §2.3); one
     * that reaches beyond it holds in exact arithmetic only.
     */
    public List<PlateauCertificate> annotate(List<PlateauCertificate> plateaus, long horizon) {
        List<PlateauCertificate> annotated = new ArrayList<>(plateaus.size());
        for (PlateauCertificate row : plateaus) {
            String reason = row.reason();
            if (row.certified()) {
                reason += reason.endsWith(".") ? "" : ".";
                reason += endsBeforeEscape(row.plateau())
                        ? String.format(Locale.ROOT, " Holds for floating-point descent too: k_end is before the "
                        + "estimated escape from the strict saddle at %s (docs/theory.md §2.3).", escapeText(horizon))
                        : String.format(Locale.ROOT, " In exact arithmetic only (spectral solver): floating-point "
                        + "descent (matrix solver) leaves the strict saddle at an estimated %s and this certificate "
                        + "holds only until then (docs/theory.md §2.3).", escapeText(horizon));
            }
            annotated.add(new PlateauCertificate(row.plateau(), row.epsilon(), row.delta(), row.flowStart(),
                    row.flowEnd(), reason));
        }
        return annotated;
    }

    /** Whether a certified interval ends before the estimated escape, so that it holds for float descent too. */
    public boolean endsBeforeEscape(Plateau plateau) {
        return iteration.isPresent() && plateau.end().isPresent() && plateau.end().getAsLong() < iteration.getAsLong();
    }

    /** The escape iteration in words: "≈ 21 300" or "beyond the horizon of 10000000 iterations". */
    public String escapeText(long horizon) {
        return iteration.isPresent() ? String.format(Locale.ROOT, "k ≈ %d", iteration.getAsLong())
                : "beyond the horizon of " + horizon + " iterations";
    }

    /** One sentence for notes and the step verdict. */
    public String sentence(long horizon) {
        return String.format(Locale.ROOT, "Strict saddle (docs/theory.md §2.3): |λ_%d| = %.4g > λ_%d = %.4g, so the "
                + "limit Φ₊ of the identical start is a strict saddle. The limits, counts and certified plateaus hold "
                + "for all k in exact arithmetic (spectral solver); floating-point descent (matrix solver) leaves the "
                + "identical-start manifold at an estimated %s (%s), where λ_%d starts to be recovered%s: for the "
                + "matrix solver they hold only until then.", negativeIndex, Math.abs(negative), positiveIndex,
                positive, escapeText(horizon), ownChannel
                        ? "estimate (2.3″): for N = 2 round-off in λ_" + negativeIndex + "'s own channel grows first"
                        : String.format(Locale.ROOT, "estimate (2.3′); round-off grows by a factor %.6g per iteration "
                        + "at the limit", Math.exp(rate)), negativeIndex,
                ownChannel ? "" : " in place of λ_" + positiveIndex);
    }
}
