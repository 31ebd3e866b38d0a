package org.dmflab.core.theory;


/**
 * The gradient flow (28) ẋ = f(x) = x^{N−1}(λ − x^N) in closed form (docs/theory.md §4.2): the antiderivative G_{N,λ} of 1/f,
 * (22′), so that the flow needs time τ(a→b) = G(b) − G(a) to go from a to b (29′). Two implementations of G: the real
 * form of Appendix C′ (used everywhere) and the complex-logarithm form (22′) with the N roots of z^N = λ and the
 * principal branch of Log, kept as an independent check of the real form. Both are DERIVED for this project (the
 * paper's (22) is unrecovered); only differences of G are meaningful.
 */
public final class FlowTime {
    private FlowTime() {
    }

    /**
     * τ_{N,λ}(a → b) = G(b) − G(a) = ∫_a^b du / f(u): the time the flow (28) needs from a to b. a and b must be positive
     * and on the same side of λ₊^{1/N}; the result is then non-negative.
     */
    public static double time(int depth, double lambda, double from, double to) {
        if (from == to) {
            return 0;
        }
        return antiderivative(depth, lambda, to) - antiderivative(depth, lambda, from);
    }

    /**
     * G_{N,λ}(u) in the real form of Appendix C′: (1/λ)[P_N(u) − (1/(Nλ)) Σ_j Re(z_j² Log(u − z_j))], with
     * Re(z² Log(u − z)) = ρ²[cos 2θ · ln|u − z| − sin 2θ · atan2(−ρ sin θ, u − ρ cos θ)] for z = ρe^{iθ}. Special cases
     * G_{N,0}(u) = u^{2−2N}/(2N − 2) and G_{1,λ}(u) = −ln|λ − u|.
     */
    public static double antiderivative(int depth, double lambda, double u) {
        if (depth == 1) {
            return -Math.log(Math.abs(lambda - u));
        }
        if (lambda == 0) {
            return Math.pow(u, 2 - 2 * depth) / (2 * depth - 2);
        }
        double rho = Math.pow(Math.abs(lambda), 1.0 / depth);
        double sum = 0;
        for (int j = 0; j < depth; j++) {
            double theta = rootAngle(lambda, depth, j);
            double cos = Math.cos(theta);
            double sin = Math.sin(theta);
            if (isRealRoot(lambda, depth, j)) {
                // θ = 0 or π exactly: avoid the rounding of cos/sin so that ln|u − z| stays accurate near the root
                cos = theta == 0 ? 1 : -1;
                sin = 0;
            }
            double real = u - rho * cos;
            double imaginary = -rho * sin;
            double logModulus = Math.log(Math.hypot(real, imaginary));
            double argument = Math.atan2(imaginary, real);
            double cos2 = cos * cos - sin * sin;
            double sin2 = 2 * sin * cos;
            sum += rho * rho * (cos2 * logModulus - sin2 * argument);
        }
        return (polynomialPart(depth, u) - sum / (depth * lambda)) / lambda;
    }

    /** The inflection point x* = ((N − 1)λ/(2N − 1))^{1/N} of the flow for λ &gt; 0, N ≥ 2 (docs/theory.md §5.2). */
    public static double inflectionPoint(int depth, double lambda) {
        return Math.pow((depth - 1) * lambda / (2 * depth - 1), 1.0 / depth);
    }

    /** The right-hand side f(u) = u^{N−1}(λ − u^N) of (28). */
    public static double rate(int depth, double lambda, double u) {
        double uToNMinus1 = ScalarRecursion.power(u, depth - 1);
        return uToNMinus1 * (lambda - uToNMinus1 * u);
    }

    /** f′(u) = u^{N−2}((N − 1)λ − (2N − 1)u^N), see (21′). */
    public static double rateDerivative(int depth, double lambda, double u) {
        return ScalarRecursion.power(u, depth - 2)
                * ((depth - 1) * lambda - (2 * depth - 1) * ScalarRecursion.power(u, depth));
    }

    static double polynomialPart(int depth, double u) {
        return depth == 2 ? Math.log(u) : Math.pow(u, 2 - depth) / (2 - depth);
    }

    private static double rootAngle(double lambda, int depth, int j) {
        return lambda > 0 ? 2 * Math.PI * j / depth : Math.PI * (2 * j + 1) / depth;
    }

    private static boolean isRealRoot(double lambda, int depth, int j) {
        return lambda > 0 ? j == 0 : 2 * j + 1 == depth;
    }
}
