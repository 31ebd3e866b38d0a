package org.dmflab.core.train;

import org.dmflab.core.theory.ScalarRecursion;

/**
 * The exact decoupled gradient descent of docs/theory.md §2: recursion (18) per eigenvalue for an identity start and (40)/(41)
 * for a perturbed start (Lemmas 2.1 and 2.8). In exact arithmetic these are the iterates of matrix gradient descent, at
 * O(n) cost per step; unlike floating-point matrix GD they never leave the invariant manifold (docs/theory.md §2.3).
 */
final class SpectralSolver extends DecoupledSolver {

    SpectralSolver(TrainingProblem problem) {
        super(problem);
    }

    @Override
    public SolverKind kind() {
        return SolverKind.SPECTRAL;
    }

    @Override
    public void update() {
        if (depth < 2) {
            for (int i = 0; i < x.length; i++) {
                x[i] = ScalarRecursion.identicalStep(x[i], lambda[i], eta, depth);
            }
            return;
        }
        // the powers array-wise (vectorisable), then (18) or (40) element-wise with exactly ScalarRecursion's expressions
        if (perturbed) {
            ScalarRecursion.powers(y, depth - 2, powers);
            for (int i = 0; i < x.length; i++) {
                double xi = x[i];
                double yi = y[i];
                double yToNMinus2 = powers[i];
                double yToNMinus1 = yToNMinus2 * yi;
                x[i] = xi - eta * yToNMinus1 * (xi * yToNMinus1 - lambda[i]);
                y[i] = yi - eta * xi * yToNMinus2 * (xi * yToNMinus2 * yi - lambda[i]);
            }
        } else {
            ScalarRecursion.powers(x, depth - 1, powers);
            for (int i = 0; i < x.length; i++) {
                double xToNMinus1 = powers[i];
                x[i] = x[i] + eta * xToNMinus1 * (lambda[i] - xToNMinus1 * x[i]);
            }
        }
    }
}
