package org.dmflab.core.train;

import org.dmflab.core.theory.ScalarRecursion;

/**
 * Gradient flow (docs/theory.md §4) for a symmetric target with an identity or perturbed start, sampled at t = ηk. Each
 * eigenvalue is integrated on its own: the ODE (28) ẋ = x^{N−1}(λ − x^N) for an identity start, and the flow of (40),
 * ẋ = −y^{N−1}(x y^{N−1} − λ), ẏ = −x y^{N−2}(x y^{N−1} − λ), for a perturbed one. Closed forms where they exist:
 * x(t) = λ + (x₀ − λ)e^{−t} for N = 1, and (30′) x(t)² = λα²e^{2λt}/(λ − α² + α²e^{2λt}) for N = 2 with an identity
 * start (x(t)² = α²/(1 + 2α²t) for λ = 0). Otherwise an adaptive Dormand–Prince RK5(4) with relative tolerance
 * {@link #RELATIVE_TOLERANCE}, which carries each component's step size from one sample to the next.
 */
final class FlowSolver extends DecoupledSolver {
    /** Local relative error per RK step; far below the O(η) gap between descent and flow this solver is used to show. */
    static final double RELATIVE_TOLERANCE = 1e-12;
    /** Absolute error floor, so that components decaying to 0 do not force ever smaller steps. */
    static final double ABSOLUTE_TOLERANCE = 1e-18;

    private final boolean closedForm;
    private final double start;
    private final double[] stepSize;
    private long iteration;

    /** @param allowClosedForm false forces the Runge–Kutta path (tests compare it with the closed forms) */
    FlowSolver(TrainingProblem problem, boolean allowClosedForm) {
        super(problem);
        closedForm = allowClosedForm && (depth == 1 || (depth == 2 && !perturbed));
        start = x[0];
        stepSize = new double[x.length];
        java.util.Arrays.fill(stepSize, Math.min(eta, 1e-3));
    }

    @Override
    public SolverKind kind() {
        return SolverKind.FLOW;
    }

    @Override
    public void update() {
        iteration++;
        double t = eta * iteration;
        if (closedForm) {
            for (int i = 0; i < x.length; i++) {
                x[i] = closedForm(lambda[i], start, t, depth);
            }
            return;
        }
        for (int i = 0; i < x.length; i++) {
            integrate(i, eta);
        }
    }

    /** The closed-form flow at time t: N = 1 and N = 2 with an identity start (30′). */
    static double closedForm(double lambda, double start, double t, int depth) {
        if (depth == 1) {
            return lambda + (start - lambda) * Math.exp(-t);
        }
        double a2 = start * start;
        if (lambda == 0) {
            return Math.sqrt(a2 / (1 + 2 * a2 * t));
        }
        // (30′) in the form that neither overflows for large λt nor cancels for λ < 0
        double decay = Math.exp(-2 * lambda * t);
        return Math.sqrt(lambda / (1 + (lambda / a2 - 1) * decay));
    }

    private void derivative(double xi, double yi, double lambdaI, double[] out) {
        if (perturbed) {
            double yToNMinus2 = ScalarRecursion.power(yi, depth - 2);
            double residual = xi * yToNMinus2 * yi - lambdaI;
            out[0] = -yToNMinus2 * yi * residual;
            out[1] = -xi * yToNMinus2 * residual;
        } else {
            double xToNMinus1 = ScalarRecursion.power(xi, depth - 1);
            out[0] = xToNMinus1 * (lambdaI - xToNMinus1 * xi);
            out[1] = out[0];
        }
    }

    // Dormand–Prince 5(4) coefficients
    private static final double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private static final double A21 = 1.0 / 5;
    private static final double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private static final double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private static final double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private static final double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176,
            A65 = -5103.0 / 18656;
    private static final double B1 = 35.0 / 384, B3 = 500.0 / 1113, B4 = 125.0 / 192, B5 = -2187.0 / 6784, B6 = 11.0 / 84;
    // error weights: fifth-order minus embedded fourth-order weights
    private static final double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200,
            E6 = 22.0 / 525, E7 = -1.0 / 40;

    private final double[] k1 = new double[2];
    private final double[] k2 = new double[2];
    private final double[] k3 = new double[2];
    private final double[] k4 = new double[2];
    private final double[] k5 = new double[2];
    private final double[] k6 = new double[2];
    private final double[] k7 = new double[2];

    /** Advances component i by {@code duration} with adaptive steps. */
    private void integrate(int i, double duration) {
        double xi = x[i];
        double yi = y[i];
        double li = lambda[i];
        double remaining = duration;
        double h = stepSize[i];
        int guard = 0;
        while (remaining > 0) {
            if (++guard > 10_000_000) {
                throw new ArithmeticException("the flow integration does not progress (stiff or singular)");
            }
            boolean truncated = h >= remaining;
            double step = truncated ? remaining : h;
            derivative(xi, yi, li, k1);
            derivative(xi + step * A21 * k1[0], yi + step * A21 * k1[1], li, k2);
            derivative(xi + step * (A31 * k1[0] + A32 * k2[0]), yi + step * (A31 * k1[1] + A32 * k2[1]), li, k3);
            derivative(xi + step * (A41 * k1[0] + A42 * k2[0] + A43 * k3[0]),
                    yi + step * (A41 * k1[1] + A42 * k2[1] + A43 * k3[1]), li, k4);
            derivative(xi + step * (A51 * k1[0] + A52 * k2[0] + A53 * k3[0] + A54 * k4[0]),
                    yi + step * (A51 * k1[1] + A52 * k2[1] + A53 * k3[1] + A54 * k4[1]), li, k5);
            derivative(xi + step * (A61 * k1[0] + A62 * k2[0] + A63 * k3[0] + A64 * k4[0] + A65 * k5[0]),
                    yi + step * (A61 * k1[1] + A62 * k2[1] + A63 * k3[1] + A64 * k4[1] + A65 * k5[1]), li, k6);
            double nx = xi + step * (B1 * k1[0] + B3 * k3[0] + B4 * k4[0] + B5 * k5[0] + B6 * k6[0]);
            double ny = yi + step * (B1 * k1[1] + B3 * k3[1] + B4 * k4[1] + B5 * k5[1] + B6 * k6[1]);
            derivative(nx, ny, li, k7);
            double ex = step * (E1 * k1[0] + E3 * k3[0] + E4 * k4[0] + E5 * k5[0] + E6 * k6[0] + E7 * k7[0]);
            double ey = step * (E1 * k1[1] + E3 * k3[1] + E4 * k4[1] + E5 * k5[1] + E6 * k6[1] + E7 * k7[1]);
            double sx = ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.max(Math.abs(xi), Math.abs(nx));
            double sy = ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.max(Math.abs(yi), Math.abs(ny));
            double error = Math.max(Math.abs(ex) / sx, Math.abs(ey) / sy);
            boolean accepted = error <= 1;
            if (accepted) {
                xi = nx;
                yi = ny;
                remaining = truncated ? 0 : remaining - step;
            }
            double factor = !Double.isFinite(error) ? 0.2
                    : error == 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(error, -0.2)));
            double proposed = step * factor;
            // a step cut short to land on t = η(k+1) says nothing against the longer step: keep the longer one
            h = accepted && truncated ? Math.max(h, proposed) : proposed;
        }
        x[i] = xi;
        if (perturbed) {
            y[i] = yi;
        }
        stepSize[i] = h;
    }
}
