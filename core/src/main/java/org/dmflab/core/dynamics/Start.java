package org.dmflab.core.dynamics;

import org.ejml.data.DMatrixRMaj;

/**
 * How the factors of a run start (docs/theory.md §1.4–1.6), with exactly the scales that start reads, validated on
 * construction. A start owns what differs between starts: its kind ({@link Initialization}: key, words, settings,
 * level rule), its initial factors W_j(0) and what the trainer's admissible step size needs from it.
 */
public interface Start {
    /** The kind of start. */
    Initialization init();

    /**
     * The initial factors W₁(0) … W_N(0), factor j of {@code rows[j − 1]} × {@code cols[j − 1]}; the same start (and
     * seed) always gives the same matrices.
     */
    DMatrixRMaj[] initialFactors(int[] rows, int[] cols);

    /**
     * The scale α of the uniform step bound (10′) for this start, on an m×n target with inner width {@code width}
     * (the trainer's admissible step; a perturbed start at depth N ≥ 2 has its own bound (14′)).
     */
    double stepScale(int depth, int m, int n, int width);

    /**
     * The equation the admissible step size of this start at this depth comes from, e.g. {@code (10′)}: the name every
     * step-size message and report gives the trainer's bound.
     */
    String stepBoundName(int depth);

    /** Diagonal factors: {@code scale(j)} on the diagonal of factor j, zeros elsewhere. */
    static DMatrixRMaj[] diagonalFactors(int[] rows, int[] cols, java.util.function.IntToDoubleFunction scale) {
        DMatrixRMaj[] factors = new DMatrixRMaj[rows.length];
        for (int j = 1; j <= rows.length; j++) {
            DMatrixRMaj factor = new DMatrixRMaj(rows[j - 1], cols[j - 1]);
            double value = scale.applyAsDouble(j);
            for (int i = 0; i < Math.min(rows[j - 1], cols[j - 1]); i++) {
                factor.unsafe_set(i, i, value);
            }
            factors[j - 1] = factor;
        }
        return factors;
    }
}
