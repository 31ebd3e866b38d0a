package org.dmflab.core.experiment.preset;

/**
 * The Gaussian start of docs/theory.md §8.1 with the same expected size for every depth: with i.i.d. N(0, σ²) entries,
 * E‖W_N ⋯ W₁‖²_F = σ^{2N} d₀ d₁ ⋯ d_N for factors W_j ∈ R^{d_j × d_{j−1}}, so σ_N = (s² / (d₀ ⋯ d_N))^{1/(2N)} gives
 * E‖W(0)‖²_F = s² whatever N is.
 */
final class InitScale {
    private InitScale() {
    }

    /**
     * σ for a product of the given shape with root-mean-square Frobenius norm {@code norm}.
     *
     * @param dims d₀ (columns of W₁), d₁, …, d_N (rows of W_N): N + 1 sizes for N factors
     */
    static double sigma(double norm, int... dims) {
        if (dims.length < 2 || !(norm > 0)) {
            throw new IllegalArgumentException("need N + 1 ≥ 2 sizes and a positive norm");
        }
        double logProduct = 0;
        for (int d : dims) {
            logProduct += Math.log(d);
        }
        int depth = dims.length - 1;
        return Math.exp((2 * Math.log(norm) - logProduct) / (2 * depth));
    }

    /** The sizes d₀ = n, d₁ … d_{N−1} = width, d_N = m of an m×n target at depth N. */
    static int[] dims(int m, int n, int width, int depth) {
        int[] dims = new int[depth + 1];
        java.util.Arrays.fill(dims, width);
        dims[0] = n;
        dims[depth] = m;
        return dims;
    }
}
