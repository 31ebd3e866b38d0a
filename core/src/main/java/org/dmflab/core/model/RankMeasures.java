package org.dmflab.core.model;

/**
 * Effective rank r_eff(W) = ‖W‖_* / ‖W‖₂ = Σσᵢ / σ₁ and stable rank ‖W‖²_F / ‖W‖²₂ = Σσᵢ² / σ₁² (docs/theory.md §7.1); both lie
 * in [1, rank W]. The zero matrix has rank measures 0. Beside them the measures the literature on implicit
 * regularization compares (docs/theory.md §7.6): the norms ‖W‖_F, ‖W‖_*, the Schatten-2/N quasi-norm and the entropy
 * effective rank exp(H(σ/Σσ)) of Roy and Vetterli.
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

    /** ‖W‖_F = (Σσᵢ²)^{1/2}, scaled against overflow and underflow. */
    public static double frobeniusNorm(double[] singularValues) {
        double max = 0;
        for (double sigma : singularValues) {
            max = Math.max(max, Math.abs(sigma));
        }
        if (max == 0) {
            return 0;
        }
        double sum = 0;
        for (double sigma : singularValues) {
            double scaled = sigma / max;
            sum += scaled * scaled;
        }
        return max * Math.sqrt(sum);
    }

    /** ‖W‖_* = Σσᵢ. */
    public static double nuclearNorm(double[] singularValues) {
        double sum = 0;
        for (double sigma : singularValues) {
            sum += Math.abs(sigma);
        }
        return sum;
    }

    /**
     * The Schatten-2/N quasi-norm (Σσᵢ^{2/N})^{N/2} of a depth-N product (docs/theory.md §7.6): ‖W‖_F for N = 1,
     * ‖W‖_* for N = 2, and for N ≥ 3 a quasi-norm that penalizes rank more the deeper the factorization. Computed
     * relative to σ₁ so that large exponents neither overflow nor underflow.
     */
    public static double schattenQuasiNorm(double[] singularValues, int depth) {
        double max = 0;
        for (double sigma : singularValues) {
            max = Math.max(max, Math.abs(sigma));
        }
        if (max == 0) {
            return 0;
        }
        double p = 2.0 / depth;
        double sum = 0;
        for (double sigma : singularValues) {
            sum += Math.pow(Math.abs(sigma) / max, p);
        }
        return max * Math.pow(sum, 1 / p);
    }

    /**
     * The entropy effective rank exp(H(p)) with pᵢ = σᵢ / Σσ and H(p) = −Σ pᵢ log pᵢ (0·log 0 = 0; Roy and Vetterli
     * 2007, used by Razin and Cohen 2020; docs/theory.md §7.6): in [1, rank W], equal to k for k equal non-zero singular
     * values. Not the paper's effective rank ‖W‖_* / ‖W‖₂ ({@link #effectiveRank}), which the plateaus use. The zero
     * matrix has 0.
     */
    public static double entropyEffectiveRank(double[] singularValues) {
        double sum = nuclearNorm(singularValues);
        if (sum == 0) {
            return 0;
        }
        double entropy = 0;
        for (double sigma : singularValues) {
            double p = Math.abs(sigma) / sum;
            if (p > 0) {
                entropy -= p * Math.log(p);
            }
        }
        return Math.exp(entropy);
    }
}
