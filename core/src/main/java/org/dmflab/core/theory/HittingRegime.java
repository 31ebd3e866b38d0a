package org.dmflab.core.theory;

/**
 * The cases of (24′) (docs/theory.md §5.3) for an identical start, plus the exact case N = 1 (Lemma 2.2′). The label names
 * the case in the {@code regime} column of the bounds table.
 */
public enum HittingRegime {
    DEPTH_ONE("N = 1: exact (Lemma 2.2′)"),
    NON_POSITIVE("λ ≤ 0: (24′) case 1, decay to 0"),
    BELOW_START("0 < λ < α^N: (24′) case 2, decay to λ"),
    WITHIN_ACCURACY("α^N ≤ λ ≤ α^N + ε: (24′) case 3, within ε from the start"),
    CONVEX_GROWTH("λ > α^N + ε, (λ−ε)^{1/N} ≤ x*: (24′) case 4, convex phase only"),
    TWO_PHASE("λ > α^N + ε, (λ−ε)^{1/N} > x*: (24′) case 5, convex then concave phase");

    private final String label;

    HittingRegime(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Which case of (24′) applies for absolute accuracy ε. */
    public static HittingRegime of(int depth, double lambda, double alpha, double epsilon) {
        if (depth == 1) {
            return DEPTH_ONE;
        }
        if (lambda <= 0) {
            return NON_POSITIVE;
        }
        double start = ScalarRecursion.power(alpha, depth);
        if (lambda < start) {
            return BELOW_START;
        }
        if (lambda <= start + epsilon) {
            return WITHIN_ACCURACY;
        }
        return Math.pow(lambda - epsilon, 1.0 / depth) <= FlowTime.inflectionPoint(depth, lambda)
                ? CONVEX_GROWTH : TWO_PHASE;
    }
}
