package org.dmflab.core.model;

/**
 * Effective rank r_eff(W) = ‖W‖_* / ‖W‖₂ = Σσᵢ / σ₁ and stable rank ‖W‖²_F / ‖W‖²₂ = Σσᵢ² / σ₁² (docs/theory.md §7.1); both lie
 * in [1, rank W]. The zero matrix has rank measures 0.
 */
public final class RankMeasures {
    private RankMeasures() {
    }

    /** Σσᵢ / max σᵢ of singular values in any order. */
    public static double effectiveRank(double[] singularValues) {
        double sum = 0;
        double max = 0;
        for (double sigma : singularValues) {
            double magnitude = Math.abs(sigma);
            sum += magnitude;
            max = Math.max(max, magnitude);
        }
        return max == 0 ? 0 : sum / max;
    }

    /** Σσᵢ² / max σᵢ² of singular values in any order. */
    public static double stableRank(double[] singularValues) {
        double sum = 0;
        double max = 0;
        for (double sigma : singularValues) {
            double square = sigma * sigma;
            sum += square;
            max = Math.max(max, square);
        }
        return max == 0 ? 0 : sum / max;
    }

    /**
     * The plateau level r_eff(Φ_r) = Σ_{i≤r} λᵢ / λ₁ of the best rank-r approximation of a PSD target with eigenvalues
     * λ₁ ≥ λ₂ ≥ … (docs/theory.md §7.1); {@code r} is 1-based.
     */
    public static double plateauLevel(double[] descendingEigenvalues, int r) {
        double sum = 0;
        for (int i = 0; i < r; i++) {
            sum += descendingEigenvalues[i];
        }
        return sum / descendingEigenvalues[0];
    }
}
