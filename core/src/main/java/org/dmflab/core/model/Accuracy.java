package org.dmflab.core.model;

/**
 * The one accuracy rule shared by the tracker ({@code k_hit}), the predictor ({@code k_exact}) and the theory's T_N
 * (docs/design.md §3): eigenvalue i counts as learned once |σᵢ − limitᵢ| ≤ ε·|λᵢ|, or ε·‖Φ‖₂ when λᵢ = 0.
 */
public final class Accuracy {
    /** The predictor's default ε, also the early-stopping rule's (docs/design.md §3). */
    public static final double DEFAULT_EPSILON = 0.01;
    /** The predictor's default tail level δ, also the early-stopping rule's. */
    public static final double DEFAULT_DELTA = 0.005;

    private Accuracy() {
    }

    /** The absolute tolerance ε·|λ| (ε·‖Φ‖₂ for λ = 0). */
    public static double tolerance(double lambda, double epsilon, double operatorNorm) {
        return epsilon * (lambda == 0 ? operatorNorm : Math.abs(lambda));
    }

    /** Whether {@code value} is within the tolerance of {@code limit}. */
    public static boolean isLearned(double value, double limit, double lambda, double epsilon, double operatorNorm) {
        return Math.abs(value - limit) <= tolerance(lambda, epsilon, operatorNorm);
    }
}
