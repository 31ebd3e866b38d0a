package org.dmflab.core.theory;

import org.dmflab.core.Progress;

/**
 * Exact iteration counts from running the decoupled recursions (18) and (40)/(41) themselves (docs/theory.md §2), which are
 * gradient descent on the factors in exact arithmetic: the first iteration at which the product's eigenvalue is within an
 * absolute tolerance of its limit, and the phase transition K = min{k : x(k) &lt; 0} of (46). Runs at most
 * {@code horizon} steps, O(N) work and no allocation per step, checks for cancellation every 65 536 steps and reports
 * progress (fraction of the horizon) every 2²² steps.
 */
public final class RecursionCounts {
    private static final int CANCEL_CHECK_MASK = (1 << 16) - 1;
    private static final int REPORT_MASK = (1 << 22) - 1;

    private RecursionCounts() {
    }

    /** What a run found: the iteration at which the event happened (or the run stopped), and why it stopped. */
    public record Outcome(long iteration, Status status) {
        public boolean reached() {
            return status == Status.REACHED;
        }
    }

    /** Why a run stopped. */
    public enum Status {
        /** The event happened at {@code iteration}. */
        REACHED,
        /** The horizon was reached first. */
        HORIZON,
        /** The iterates overflowed at {@code iteration} (the step size is beyond the divergence threshold). */
        DIVERGED
    }

    /**
     * First k with |σ(k) − limit| ≤ tolerance, σ = x^N for an identical start (x(0) = α, (18)) or x y^{N−1} for a perturbed
     * one (x(0) = β, y(0) = α, (40)/(41)); pass β = α for an identical start. N = 1 runs (18) from β.
     */
    public static Outcome firstWithin(int depth, double lambda, double alpha, double beta, double eta, double limit,
                                      double tolerance, long horizon, Progress progress) {
        boolean identical = alpha == beta || depth == 1;
        double x = beta;
        double y = alpha;
        for (long k = 0; k <= horizon; k++) {
            double product = identical ? ScalarRecursion.power(x, depth) : ScalarRecursion.productEigenvalue(x, y, depth);
            if (Math.abs(product - limit) <= tolerance) {
                return new Outcome(k, Status.REACHED);
            }
            if (!Double.isFinite(product)) {
                return new Outcome(k, Status.DIVERGED);
            }
            if ((k & CANCEL_CHECK_MASK) == CANCEL_CHECK_MASK) {
                checkIn(progress, k, horizon);
            }
            if (identical) {
                x = ScalarRecursion.identicalStep(x, lambda, eta, depth);
            } else {
                double nextX = ScalarRecursion.perturbedStepX(x, y, lambda, eta, depth);
                y = ScalarRecursion.perturbedStepY(x, y, lambda, eta, depth);
                x = nextX;
            }
        }
        return new Outcome(horizon, Status.HORIZON);
    }

    /** (46): K = min{k : x(k) &lt; 0} for the perturbed recursion (40)/(41), N ≥ 2. */
    public static Outcome signChange(int depth, double lambda, double alpha, double beta, double eta, long horizon,
                                     Progress progress) {
        double x = beta;
        double y = alpha;
        for (long k = 0; k <= horizon; k++) {
            if (x < 0) {
                return new Outcome(k, Status.REACHED);
            }
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                return new Outcome(k, Status.DIVERGED);
            }
            if ((k & CANCEL_CHECK_MASK) == CANCEL_CHECK_MASK) {
                checkIn(progress, k, horizon);
            }
            double nextX = ScalarRecursion.perturbedStepX(x, y, lambda, eta, depth);
            y = ScalarRecursion.perturbedStepY(x, y, lambda, eta, depth);
            x = nextX;
        }
        return new Outcome(horizon, Status.HORIZON);
    }

    private static void checkIn(Progress progress, long k, long horizon) {
        progress.checkCanceled();
        if ((k & REPORT_MASK) == REPORT_MASK) {
            progress.report((double) k / horizon, "exact recursion, iteration " + k + " of at most " + horizon);
        }
    }
}
