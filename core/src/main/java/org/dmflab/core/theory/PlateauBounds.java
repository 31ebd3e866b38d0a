package org.dmflab.core.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.dmflab.core.model.RankMeasures;
import org.dmflab.core.model.Plateau;

/**
 * Certified effective-rank plateaus (docs/theory.md §7, DERIVED for this project; the paper's (59)–(65) are unrecovered):
 * Theorem 3.5′ for gradient descent, K_lead = max_{i≤r} T_N(λᵢ, α, η, ελᵢ) ≤ k ≤ K_tail = Λ_N(λ_{r+1}, α, η, c) with
 * c = δ(1−ε)λ₁ implies (64′), and Theorem 3.1′ (59′)–(61′) for the N = 2 gradient flow. With a target accuracy τ the
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
     * One plateau per rank r = 1…n for descending eigenvalues λ₁ ≥ … ≥ λₙ and an identical start (for a perturbed start
     * pass {@code identicalStart = false}: nothing is certified).
     */
    public static List<PlateauCertificate> predict(double[] eigenvalues, int depth, double alpha, double eta,
                                        boolean identicalStart, Accuracies accuracies) {
        int n = eigenvalues.length;
        String globalReason = globalObstacle(eigenvalues, depth, alpha, eta, identicalStart);
        double[] singularValues = singularValues(eigenvalues);
        List<PlateauCertificate> plateaus = new ArrayList<>(n);
        for (int r = 1; r <= n; r++) {
            double level = singularValues[0] > 0 ? RankMeasures.plateauLevel(singularValues, r) : 0;
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
            plateaus.add(plateau(eigenvalues, r, level, depth, alpha, eta, epsilon, deltaValue, delta, bound));
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

    private static PlateauCertificate plateau(double[] eigenvalues, int r, double level, int depth, double alpha, double eta,
                                   double epsilon, double delta, OptionalDouble deltaCell, double bound) {
        int n = eigenvalues.length;
        OptionalDouble flowStart = OptionalDouble.empty();
        OptionalDouble flowEnd = OptionalDouble.empty();
        if (depth == 2) {
            double[] flow = flowInterval(eigenvalues, r, alpha, epsilon, delta);
            if (flow.length == 2) {
                flowStart = OptionalDouble.of(flow[0] / eta);
                flowEnd = Double.isInfinite(flow[1]) ? OptionalDouble.empty() : OptionalDouble.of(flow[1] / eta);
            }
        }
        double start = ScalarRecursion.power(alpha, depth);
        double lambdaR = eigenvalues[r - 1];
        if (!(start < lambdaR)) {
            return empty(r, level, bound, epsilon, deltaCell, flowStart, flowEnd, String.format(Locale.ROOT,
                    "α^N = %.4g ≥ λ_%d = %.4g: Theorem 3.5′ needs α^N < λ_r", start, r, lambdaR));
        }
        long lead = 0;
        for (int i = 0; i < r; i++) {
            lead = Math.max(lead, HittingTimeBounds.upper(depth, eigenvalues[i], alpha, eta, epsilon * eigenvalues[i]));
        }
        double c = delta * (1 - epsilon) * eigenvalues[0];
        long tail = r == n ? Long.MAX_VALUE : HittingTimeBounds.levelTime(depth, eigenvalues[r], alpha, eta, c);
        if (tail < 0) {
            return empty(r, level, bound, epsilon, deltaCell, flowStart, flowEnd, String.format(Locale.ROOT,
                    "α too large for δ: α^N = %.4g > c = δ(1−ε)λ₁ = %.4g, so λ_%d's share is above the tolerance "
                            + "from the start (Lemma 3.8′)", start, c, r + 1));
        }
        if (lead == Long.MAX_VALUE) {
            return empty(r, level, bound, epsilon, deltaCell, flowStart, flowEnd, "K_lead of (24′) exceeds 9·10¹⁸ "
                    + "iterations: α or η is far too small for the leading eigenvalues to be learned");
        }
        if (lead > tail) {
            String why = r < n && eigenvalues[r] == lambdaR
                    ? String.format(Locale.ROOT, "no eigenvalue gap: λ_%d = λ_%d = %.4g", r, r + 1, lambdaR)
                    : String.format(Locale.ROOT, "eigenvalue gap too small for this α, ε, δ: K_lead = %d > K_tail = %d "
                    + "(λ_%d = %.4g, λ_%d = %.4g)", lead, tail, r, lambdaR, r + 1, eigenvalues[r]);
            return empty(r, level, bound, epsilon, deltaCell, flowStart, flowEnd, why);
        }
        String reason = tail == Long.MAX_VALUE
                ? (r == n ? "certified (Theorem 3.5′) for all k ≥ k_start: r = n, no tail"
                : String.format(Locale.ROOT, "certified (Theorem 3.5′) for all k ≥ k_start: λ_%d = %.4g never "
                + "exceeds c = δ(1−ε)λ₁ = %.4g", r + 1, eigenvalues[r], c))
                : "certified (Theorem 3.5′): K_lead (24′) ≤ k ≤ K_tail (Lemma 3.8′)";
        return new PlateauCertificate(new Plateau(r, level, OptionalLong.of(lead),
                tail == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(tail), OptionalDouble.of(bound)),
                epsilon, deltaCell, flowStart, flowEnd, reason);
    }

    /**
     * |λᵢ| in descending order: the singular values of Φ, whose partial sums give r_eff(Φ_r) of the best rank-r
     * approximation (Eckart–Young) also when Φ is not PSD; for PSD Φ these are the eigenvalues.
     */
    private static double[] singularValues(double[] eigenvalues) {
        double[] magnitudes = new double[eigenvalues.length];
        for (int i = 0; i < magnitudes.length; i++) {
            magnitudes[i] = -Math.abs(eigenvalues[i]);
        }
        Arrays.sort(magnitudes);
        for (int i = 0; i < magnitudes.length; i++) {
            magnitudes[i] = -magnitudes[i];
        }
        return magnitudes;
    }

    private static PlateauCertificate empty(int r, double level, double bound, double epsilon, OptionalDouble delta,
                                 OptionalDouble flowStart, OptionalDouble flowEnd, String reason) {
        OptionalDouble flowBound = flowStart.isPresent() ? OptionalDouble.of(bound) : OptionalDouble.empty();
        return new PlateauCertificate(new Plateau(r, level, OptionalLong.empty(), OptionalLong.empty(), flowBound),
                epsilon, delta, flowStart, flowEnd, reason);
    }

    /** The hypotheses of Theorem 3.5′ that hold for all r at once; null when they all hold. */
    private static String globalObstacle(double[] eigenvalues, int depth, double alpha, double eta,
                                         boolean identicalStart) {
        if (!identicalStart) {
            return "Theorem 3.5′ covers identical starts only; nothing is certified for a perturbed start";
        }
        if (depth < 2) {
            return "Theorem 3.5′ needs depth N ≥ 2 (for N = 1 there is no low-rank bias)";
        }
        double smallest = eigenvalues[eigenvalues.length - 1];
        if (smallest < 0) {
            return String.format(Locale.ROOT, "Φ is not PSD (smallest eigenvalue %.4g < 0): Theorem 3.5′ needs a "
                    + "positive semidefinite target", smallest);
        }
        double largest = eigenvalues[0];
        if (largest <= 0) {
            return "Φ = 0: no effective rank to approach";
        }
        double root = Math.pow(largest, 1.0 / depth);
        if (alpha > root) {
            return String.format(Locale.ROOT, "α too large: α = %.4g > λ₁^{1/N} = %.4g (Theorem 3.5′ needs "
                    + "α ≤ λ₁^{1/N})", alpha, root);
        }
        double limit = stepLimit(depth, largest);
        if (eta > limit) {
            return String.format(Locale.ROOT, "η = %.4g is above the condition of Theorem 3.5′, η ≤ 1/((2N−1)"
                    + "λ₁^{(2N−2)/N}) = %.4g", eta, limit);
        }
        return null;
    }
}
