package org.dmflab.core.train;

import org.dmflab.core.theory.ScalarRecursion;

/**
 * The exact decoupled gradient descent of theory.md §2: recursion (18) per eigenvalue for an identity start and (40)/(41)
 * for a perturbed start (Lemmas 2.1 and 2.8). In exact arithmetic these are the iterates of matrix gradient descent, at
 * O(n) cost per step; unlike floating-point matrix GD they never leave the invariant manifold (theory.md §2.3).
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
        if (perturbed) {
            for (int i = 0; i < x.length; i++) {
                double xi = x[i];
                double yi = y[i];
                x[i] = ScalarRecursion.perturbedStepX(xi, yi, lambda[i], eta, depth);
                y[i] = ScalarRecursion.perturbedStepY(xi, yi, lambda[i], eta, depth);
            }
        } else {
            for (int i = 0; i < x.length; i++) {
                x[i] = ScalarRecursion.identicalStep(x[i], lambda[i], eta, depth);
            }
        }
    }
}
