package org.dmflab.core.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.PlateauLevels;
import org.dmflab.core.model.Plateau;

/**
 * Certified effective-rank plateaus (docs/theory.md §7, DERIVED for this project; the paper's (59)–(65) are unrecovered):
 * Theorem 3.5′ for gradient descent, K_lead = max_{i≤r} T_N(λᵢ, α, η, ελᵢ) ≤ k ≤ K_tail = Λ_N(λ_{r+1}, α, η, c) with
 * c = δ(1−ε)λ₁ implies (64′), its extension Theorem 3.5″ to indefinite Φ (levels ℓ_r of Φ₊; η also within (20′) for
 * λₙ, and α^N ≤ c), and Theorem 3.1′ (59′)–(61′) for the N = 2 gradient flow. With a target accuracy τ the
 * per-rank ε and δ follow (65′). An empty interval is always a safe answer: the theory then claims nothing, and the
 * reason says which hypothesis failed.
 */
public final class PlateauBounds {
    private PlateauBounds() {
    }

    /** How ε and δ are chosen: fixed, or from a target accuracy τ by (65′). */
    public record Accuracies(double epsilon, double delta, OptionalDouble targetAccuracy) {
        /** Fixed ε ∈ (0, 1) and δ &gt; 0. */
        public static Accuracies fixed(double epsilon, double delta) {
            return new Accuracies(epsilon, delta, OptionalDouble.empty());
        }

        /** ε and δ per rank from τ by (65′). */
        public static Accuracies target(double tau) {
            return new Accuracies(Double.NaN, Double.NaN, OptionalDouble.of(tau));
        }
    }

    /** The step-size condition of Theorem 3.5′: η ≤ 1/((2N − 1) λ₁^{(2N−2)/N}). */
    public static double stepLimit(int depth, double largestEigenvalue) {
        return 1 / ((2 * depth - 1) * Math.pow(largestEigenvalue, (2.0 * depth - 2) / depth));
    }

    /**
     * One plateau per level of {@link PlateauLevels} for descending eigenvalues λ₁ ≥ … ≥ λₙ: for an identical start the
     * levels ℓ_r of Φ₊, r = 1 … p, certified by Theorem 3.5′ (PSD Φ) or 3.5″ (indefinite Φ, with its two extra
     * hypotheses); for a perturbed or Gaussian start the levels of |λ|, of which nothing is certified. Numerical zeros
     * have no level.
     */
    public static List<PlateauCertificate> predict(double[] eigenvalues, int depth, double alpha, double eta,
                                        Initialization start, Accuracies accuracies) {
        int n = eigenvalues.length;
        PlateauLevels levels = PlateauLevels.of(eigenvalues, start);
        String theorem = levels.hasNegative() ? "Theorem 3.5″" : "Theorem 3.5′";
        String globalReason = globalObstacle(eigenvalues, levels, theorem, depth, alpha, eta, start);
        double[] positive = levels.plateauValues();
        List<PlateauCertificate> plateaus = new ArrayList<>(levels.count());
        for (int r = 1; r <= levels.count(); r++) {
            double level = levels.level(r);
            double epsilon = accuracies.targetAccuracy().isPresent()
                    ? accuracies.targetAccuracy().getAsDouble() / (2 * level + accuracies.targetAccuracy().getAsDouble())
                    : accuracies.epsilon();
            OptionalDouble delta = accuracies.targetAccuracy().isPresent()
                    ? (r < n ? OptionalDouble.of(accuracies.targetAccuracy().getAsDouble() / (2.0 * (n - r)))
                    : OptionalDouble.empty())
                    : OptionalDouble.of(accuracies.delta());
            double deltaValue = delta.orElse(0);
            double bound = epsilon / (1 - epsilon) * level + (n - r) * deltaValue;
            if (globalReason != null) {
                plateaus.add(new PlateauCertificate(new Plateau(r, level, OptionalLong.empty(), OptionalLong.empty(),
                        OptionalDouble.empty()), epsilon, delta, OptionalDouble.empty(), OptionalDouble.empty(),
                        globalReason));
                continue;
            }
            plateaus.add(plateau(eigenvalues, positive, theorem, r, level, depth, alpha, eta, epsilon, deltaValue,
                    delta, bound));
        }
        return plateaus;
    }

    /**
     * Theorem 3.1′ (59′): the time interval I₁ ∩ I₂ of the N = 2 gradient flow from W_j(0) = αI on which (61′) holds, as
     * {start, end} (end = +∞ when unbounded), or empty. Needs λ_r &gt; α².
     */
    public static double[] flowInterval(double[] eigenvalues, int r, double alpha, double epsilon, double delta) {
        int n = eigenvalues.length;
        double alphaSquared = alpha * alpha;
        if (!(eigenvalues[r - 1] > alphaSquared)) {
            return new double[0];
        }
        double start = 0;
        for (int i = 0; i < r; i++) {
            double lambda = eigenvalues[i];
            start = Math.max(start, Math.log((1 - epsilon) * (lambda - alphaSquared) / (epsilon * alphaSquared))
                    / (2 * lambda));
        }
        double end;
        double c = delta * (1 - epsilon) * eigenvalues[0];
        if (r == n) {
            end = Double.POSITIVE_INFINITY;
        } else {
            double next = eigenvalues[r];
            if (alphaSquared > c) {
                return new double[0];
            } else if (c >= next) {
                end = Double.POSITIVE_INFINITY;
            } else {
                end = Math.log(c * (next - alphaSquared) / (alphaSquared * (next - c))) / (2 * next);
            }
        }
        return start <= end ? new double[] {start, end} : new double[0];
    }

    /**
     * One rank r ≤ p of an identical start: Theorem 3.5′ on the positive modes λ₁ … λ_p ({@code positive}), and, when
     * p &lt; n, the hypothesis α^N ≤ c of Theorem 3.5″ that keeps the non-positive modes (which never exceed α^N, by
     * (20′)) and the numerical zeros below the tail tolerance c for r = p.
     */
    private static PlateauCertificate plateau(double[] eigenvalues, double[] positive, String theorem, int r,
                                              double level, int depth, double alpha, double eta, double epsilon,
                                              double delta, OptionalDouble deltaCell, double bound) {
        int n = eigenvalues.length;
        int p = positive.length;
        OptionalDouble flowStart = OptionalDouble.empty();
        OptionalDouble flowEnd = OptionalDouble.empty();
        if (depth == 2 && theorem.equals("Theorem 3.5′")) {
            double[] flow = flowInterval(eigenvalues, r, alpha, epsilon, delta);
            if (flow.length == 2) {
                flowStart = OptionalDouble.of(flow[0] / eta);
                flowEnd = Double.isInfinite(flow[1]) ? OptionalDouble.empty() : OptionalDouble.of(flow[1] / eta);
            }
        }
        double start = ScalarRecursion.power(alpha, depth);
        double lambdaR = positive[r - 1];
        if (!(start < lambdaR)) {
            return empty(r, level, bound, epsilon, deltaCell, flowStart, flowEnd, String.format(Locale.ROOT,
                    "α^N = %.4g ≥ λ_%d = %.4g: %s needs α^N < λ_r", start, r, lambdaR, theorem));
        }
        long lead = 0;
        for (int i = 0; i < r; i++) {
            lead = Math.max(lead, HittingTimeBounds.upper(depth, positive[i], alpha, eta, epsilon * positive[i]));
        }
        double c = delta * (1 - epsilon) * positive[0];
        if (r == p && p < n) {
            double rest = Math.max(start, eigenvalues[p]);
            if (rest > c) {
                return empty(r, level, bound, epsilon, deltaCell, flowStart, flowEnd, String.format(Locale.ROOT,
                        "α^N = %.4g > c = δ(1−ε)λ₁ = %.4g: %s needs α^N ≤ c, else the %d non-positive or zero "
                                + "eigenvalue%s (which stay at most α^N) weigh more than δ each", start, c,
                        theorem, n - p, n - p == 1 ? "" : "s"));
            }
        }
        long tail = r == p ? Long.MAX_VALUE : HittingTimeBounds.levelTime(depth, positive[r], alpha, eta, c);
        if (tail < 0) {
            return empty(r, level, bound, epsilon, deltaCell, flowStart, flowEnd, String.format(Locale.ROOT,
                    "α too large for δ: α^N = %.4g > c = δ(1−ε)λ₁ = %.4g, so λ_%d's share is above the tolerance "
                            + "from the start (Lemma 3.8′; %s needs α^N ≤ c)", start, c, r + 1, theorem));
        }
        if (lead == Long.MAX_VALUE) {
            return empty(r, level, bound, epsilon, deltaCell, flowStart, flowEnd, "K_lead of (24′) exceeds 9·10¹⁸ "
                    + "iterations: α or η is far too small for the leading eigenvalues to be learned");
        }
        if (lead > tail) {
            String why = r < p && positive[r] == lambdaR
                    ? String.format(Locale.ROOT, "no eigenvalue gap: λ_%d = λ_%d = %.4g", r, r + 1, lambdaR)
                    : String.format(Locale.ROOT, "eigenvalue gap too small for this α, ε, δ: K_lead = %d > K_tail = %d "
                    + "(λ_%d = %.4g, λ_%d = %.4g)", lead, tail, r, lambdaR, r + 1, positive[r]);
            return empty(r, level, bound, epsilon, deltaCell, flowStart, flowEnd, why);
        }
        String reason;
        if (tail != Long.MAX_VALUE) {
            reason = "certified (" + theorem + "): K_lead (24′) ≤ k ≤ K_tail (Lemma 3.8′)";
        } else if (r == n) {
            reason = "certified (" + theorem + ") for all k ≥ k_start: r = n, no tail";
        } else if (r == p) {
            reason = String.format(Locale.ROOT, "certified (%s) for all k ≥ k_start: r = p = %d positive eigenvalues,"
                    + " the other %d stay at most max(α^N, λ_%d) ≤ c = %.4g", theorem, p, n - p, p + 1, c);
        } else {
            reason = String.format(Locale.ROOT, "certified (%s) for all k ≥ k_start: λ_%d = %.4g never "
                    + "exceeds c = δ(1−ε)λ₁ = %.4g", theorem, r + 1, positive[r], c);
        }
        return new PlateauCertificate(new Plateau(r, level, OptionalLong.of(lead),
                tail == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(tail), OptionalDouble.of(bound)),
                epsilon, deltaCell, flowStart, flowEnd, reason);
    }

    private static PlateauCertificate empty(int r, double level, double bound, double epsilon, OptionalDouble delta,
                                 OptionalDouble flowStart, OptionalDouble flowEnd, String reason) {
        OptionalDouble flowBound = flowStart.isPresent() ? OptionalDouble.of(bound) : OptionalDouble.empty();
        return new PlateauCertificate(new Plateau(r, level, OptionalLong.empty(), OptionalLong.empty(), flowBound),
                epsilon, delta, flowStart, flowEnd, reason);
    }

    /** The hypotheses of Theorem 3.5′/3.5″ that hold for all r at once; null when they all hold. */
    private static String globalObstacle(double[] eigenvalues, PlateauLevels levels, String theorem, int depth,
                                         double alpha, double eta, Initialization start) {
        if (start != Initialization.IDENTITY) {
            return "observed only: Theorems 3.5′/3.5″ cover identical starts; for a " + start.key() + " start the "
                    + "levels are those of |λ| sorted descending and nothing is certified (docs/theory.md §7.3 (iii))";
        }
        if (depth < 2) {
            return theorem + " needs depth N ≥ 2 (for N = 1 there is no low-rank bias)";
        }
        if (levels.count() == 0) {
            return "Φ has no positive eigenvalue (Φ₊ = 0): an identical start tends to 0, no effective rank to approach";
        }
        double largest = eigenvalues[0];
        double root = Math.pow(largest, 1.0 / depth);
        if (alpha > root) {
            return String.format(Locale.ROOT, "α too large: α = %.4g > λ₁^{1/N} = %.4g (%s needs "
                    + "α ≤ λ₁^{1/N})", alpha, root, theorem);
        }
        double limit = stepLimit(depth, largest);
        if (eta > limit) {
            return String.format(Locale.ROOT, "η = %.4g is above the condition of %s, η ≤ 1/((2N−1)"
                    + "λ₁^{(2N−2)/N}) = %.4g", eta, theorem, limit);
        }
        if (levels.hasNegative()) {
            double smallest = eigenvalues[eigenvalues.length - 1];
            double negativeLimit = StepSizeBounds.perEigenvalue(smallest, alpha, depth);
            if (eta > negativeLimit) {
                return String.format(Locale.ROOT, "η = %.4g is above (20′) for the most negative eigenvalue λ_n = %.4g, "
                        + "η ≤ %.4g, which Theorem 3.5″ needs so that its mode stays at most α^N", eta, smallest,
                        negativeLimit);
            }
        }
        return null;
    }
}
