package org.dmflab.core.baseline;

import org.dmflab.core.InvalidInputException;

/**
 * The stopping rule of the nuclear-norm solver (docs/theory.md §8.4): stop at the first iteration k whose constraint
 * residual ‖𝒜(W_k) − b‖₂ is at most {@code tolerance}·‖b‖₂ and whose objective changed by at most
 * {@code tolerance}·‖W_k‖_* since the previous iteration, or after {@code iterations} iterations.
 *
 * @param tolerance  relative tolerance of both tests, in (0, 0.1]
 * @param iterations iteration budget, at least 1
 */
public record NuclearNormConfig(double tolerance, long iterations) {

    public NuclearNormConfig {
        if (!(tolerance > 0 && tolerance <= 0.1)) {
            throw new InvalidInputException(NuclearNormSettings.TOLERANCE, tolerance + " is outside (0, 0.1]; give "
                    + "a relative tolerance such as " + NuclearNormSettings.DEFAULT_TOLERANCE);
        }
        if (iterations < 1) {
            throw new InvalidInputException(NuclearNormSettings.ITERATIONS, iterations + " is below 1; give an "
                    + "iteration budget such as " + NuclearNormSettings.DEFAULT_ITERATIONS);
        }
    }
}
