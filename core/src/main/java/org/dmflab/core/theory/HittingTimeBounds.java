package org.dmflab.core.theory;

import java.util.OptionalLong;

/**
 * Theorem 2.4′ of docs/theory.md §5 (DERIVED for this project; the paper's (23)–(27) are unrecovered): for the identical-start
 * recursion (18) with N ≥ 2 and η ≤ η_{2.2}(λ, α) of (20′), the first iteration K_ε with |x(k)^N − λ₊| ≤ ε satisfies
 * K_ε ≤ T_N(λ, α, η, ε) of (24′), and K_ε ≥ T^L_N of (27′) when λ &gt; α^N + ε. ε is <em>absolute</em> here. Also
 * Lemma 3.8′'s Λ_N (how long x(k)^N stays below a level c) and the exact count of Lemma 2.2′ for N = 1. Callers check
 * the step-size condition; these functions only evaluate the formulas. {@link Long#MAX_VALUE} means "no finite count".
 */
public final class HittingTimeBounds {
    private HittingTimeBounds() {
    }

    /** (24′): T_N(λ, α, η, ε), the rigorous upper bound on K_ε under (25′); N ≥ 2, ε &gt; 0 (and ε &lt; λ when λ &gt; α^N). */
    public static long upper(int depth, double lambda, double alpha, double eta, double epsilon) {
        int n = depth;
        double start = ScalarRecursion.power(alpha, n);
        switch (HittingRegime.of(n, lambda, alpha, epsilon)) {
            case DEPTH_ONE:
                return depthOne(lambda, alpha, eta, epsilon);
            case NON_POSITIVE:
                return start <= epsilon ? 0
                        : Saturating.ceil(FlowTime.time(n, lambda, alpha, root(epsilon, n)) / eta);
            case BELOW_START:
                return start - lambda <= epsilon ? 0
                        : Saturating.ceil(FlowTime.time(n, lambda, alpha, root(lambda + epsilon, n)) / eta);
            case WITHIN_ACCURACY:
                return 0;
            case CONVEX_GROWTH: {
                double lipschitz = maxRateDerivative(n, lambda, alpha);
                double time = FlowTime.time(n, lambda, alpha, root(lambda - epsilon, n));
                return Saturating.add(Saturating.floor((1 + eta * lipschitz) * time / eta), 1);
            }
            default: {
                double inflection = FlowTime.inflectionPoint(n, lambda);
                long convex = 0;
                if (alpha < inflection) {
                    double tStar = FlowTime.time(n, lambda, alpha, inflection);
                    double t1 = tStar / eta;
                    double t3 = maxRateDerivative(n, lambda, alpha) * tStar + 1;
                    convex = Saturating.floor(t1 + t3);
                }
                double distance = root(lambda, n) - Math.max(alpha, inflection);
                double contraction = 1 - eta * n * ScalarRecursion.power(inflection, 2 * n - 2);
                double t2 = Math.max(0, Math.log(distance / accuracyGap(n, lambda, epsilon)) / -Math.log(contraction));
                return Saturating.add(convex, Saturating.ceil(t2));
            }
        }
    }

    /**
     * (27′): T^L_N(λ, α, η, ε), the rigorous lower bound on K_ε, defined when N ≥ 2, λ &gt; α^N + ε and
     * η ≤ 1/(N λ^{2−2/N}); at equality the concave-phase factor 1 − ηNλ^{2−2/N} is 0 and that phase contributes
     * nothing (the inequality (1 − ηNλ^{2−2/N})e(k) ≤ e(k+1) then only says e ≥ 0). Empty otherwise.
     */
    public static OptionalLong lower(int depth, double lambda, double alpha, double eta, double epsilon) {
        int n = depth;
        HittingRegime regime = HittingRegime.of(n, lambda, alpha, epsilon);
        if (regime != HittingRegime.CONVEX_GROWTH && regime != HittingRegime.TWO_PHASE
                || eta > lowerBoundStepLimit(n, lambda) * (1 + 1e-12)) {
            return OptionalLong.empty();
        }
        if (regime == HittingRegime.CONVEX_GROWTH) {
            double time = FlowTime.time(n, lambda, alpha, root(lambda - epsilon, n));
            return OptionalLong.of(Saturating.add(Saturating.floor(time / eta), 1));
        }
        ConcaveStart start = concaveStart(n, lambda, alpha, eta);
        double steps = concaveSteps(n, lambda, eta, start.error(), accuracyGap(n, lambda, epsilon));
        long convexSteps = start.convex() ? Saturating.add(start.iterations(), 1) : 0;
        return OptionalLong.of(Saturating.add(convexSteps, Saturating.ceil(steps)));
    }

    /**
     * Lemma 3.8′: Λ_N(λ, α, η, c), the last iteration up to which x(k)^N ≤ c is guaranteed (λ &gt; α^N, c ∈ [α^N, λ),
     * η &lt; 1/(Nλ^{2−2/N})). {@link Long#MAX_VALUE} (∞) when c ≥ λ, or when λ ≤ α^N ≤ c; −1 when c &lt; α^N (the start
     * itself is above c).
     */
    public static long levelTime(int depth, double lambda, double alpha, double eta, double level) {
        int n = depth;
        double start = ScalarRecursion.power(alpha, n);
        if (level < start) {
            return -1;
        }
        if (level >= lambda || lambda <= start) {
            return Long.MAX_VALUE;
        }
        double inflection = FlowTime.inflectionPoint(n, lambda);
        double levelRoot = root(level, n);
        if (levelRoot <= inflection) {
            return Saturating.floor(FlowTime.time(n, lambda, alpha, levelRoot) / eta);
        }
        ConcaveStart concave = concaveStart(n, lambda, alpha, eta);
        double steps = concaveSteps(n, lambda, eta, concave.error(), root(lambda, n) - levelRoot);
        return Saturating.add(concave.iterations(), Saturating.floor(Math.max(0, steps)));
    }

    /** Lemma 2.2′ (N = 1): K_ε = ⌈ln(|α − λ|/ε)/(−ln|1 − η|)⌉ exactly (0 &lt; η &lt; 2); 0 if |α − λ| ≤ ε. */
    public static long depthOne(double lambda, double alpha, double eta, double epsilon) {
        double distance = Math.abs(alpha - lambda);
        if (distance <= epsilon) {
            return 0;
        }
        if (eta == 1) {
            return 1;
        }
        return Saturating.ceil(Math.log(distance / epsilon) / -Math.log(Math.abs(1 - eta)));
    }

    /** 1/(N λ^{2−2/N}): the largest η for which (27′) and Lemma 3.8′ hold. */
    public static double lowerBoundStepLimit(int depth, double lambda) {
        return 1 / (depth * Math.pow(lambda, 2 - 2.0 / depth));
    }

    /** L = max over [α, x*] of f′ = f′(max{α, u_m}), u_m = ((N−2)λ/(2(2N−1)))^{1/N} (docs/theory.md §5.2). */
    static double maxRateDerivative(int depth, double lambda, double alpha) {
        double peak = Math.pow((depth - 2) * lambda / (2 * (2 * depth - 1)), 1.0 / depth);
        return FlowTime.rateDerivative(depth, lambda, Math.max(alpha, peak));
    }

    /** e_ε = λ^{1/N} − (λ − ε)^{1/N}: the distance to λ^{1/N} that means ε-accuracy of x^N. */
    private static double accuracyGap(int depth, double lambda, double epsilon) {
        return root(lambda, depth) - root(lambda - epsilon, depth);
    }

    /**
     * Where the concave phase starts in the proofs of (27′) and Lemma 3.8′: after B = ⌊t* / η⌋ iterations x ≤ x*, so one
     * step later the error is at least e₀ = λ^{1/N} − x* − ηf(x*); from α ≥ x* it is B = 0, e₀ = λ^{1/N} − α.
     */
    private static ConcaveStart concaveStart(int depth, double lambda, double alpha, double eta) {
        double inflection = FlowTime.inflectionPoint(depth, lambda);
        if (alpha < inflection) {
            double tStar = FlowTime.time(depth, lambda, alpha, inflection);
            double error = root(lambda, depth) - inflection - eta * FlowTime.rate(depth, lambda, inflection);
            return new ConcaveStart(Saturating.floor(tStar / eta), error, true);
        }
        return new ConcaveStart(0, root(lambda, depth) - alpha, false);
    }

    /** ln(e₀/e)/(−ln(1 − ηNλ^{2−2/N})), 0 when that factor is 0 (η at its limit). */
    private static double concaveSteps(int depth, double lambda, double eta, double startError, double targetError) {
        double factor = 1 - eta * depth * Math.pow(lambda, 2 - 2.0 / depth);
        if (factor <= 0) {
            return 0;
        }
        return Math.max(0, Math.log(startError / targetError) / -Math.log(factor));
    }

    private static double root(double value, int depth) {
        return Math.pow(value, 1.0 / depth);
    }

    /** B (iterations up to the inflection point), e₀, and whether a convex phase exists (α &lt; x*). */
    private record ConcaveStart(long iterations, double error, boolean convex) {
    }
}
