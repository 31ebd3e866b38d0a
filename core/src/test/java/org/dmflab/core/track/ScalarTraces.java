package org.dmflab.core.track;

import java.util.Arrays;
import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.model.TracePoint;
import org.dmflab.core.theory.ScalarRecursion;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.Trace;
import org.dmflab.core.model.RankMeasures;

/**
 * Test traces from closed forms: the exact identical-start dynamics (18) of theory.md §2.1 (product eigenvalues
 * x_i(k)^N) and the N = 2 gradient-flow solution (60′) of §7.2, written as the trainer would write them (loss, errors,
 * ranks, lambda_i along the target's eigenvectors, sigma_i = sorted |product eigenvalues|).
 */
public final class ScalarTraces {
    /** The §8.2 (Figs. 3/6(b)) parameters. */
    public static final double[] FIGURE_3_SPECTRUM = {8, 4, 2, 1, 0.5, 0.25};
    public static final int FIGURE_3_DEPTH = 3;
    public static final double FIGURE_3_ALPHA = 0.02;
    public static final double FIGURE_3_ETA = 0.01;

    private ScalarTraces() {
    }

    /** The §8.2 run of (18) for {@code iterations} steps, recording every {@code every}-th iteration (and 0). */
    public static Trace figure3(long iterations, int every) {
        return identicalStart(FIGURE_3_SPECTRUM, FIGURE_3_DEPTH, FIGURE_3_ALPHA, FIGURE_3_ETA, iterations, every);
    }

    /** Recursion (18) from x(0) = α for every eigenvalue. */
    public static Trace identicalStart(double[] lambda, int depth, double alpha, double eta, long iterations, int every) {
        int n = lambda.length;
        double[] x = new double[n];
        Arrays.fill(x, alpha);
        double[] product = new double[n];
        Trace.Builder builder = Trace.builder(n, n).init(Initialization.IDENTITY);
        for (long k = 0; k <= iterations; k++) {
            if (k % every == 0) {
                for (int i = 0; i < n; i++) {
                    product[i] = ScalarRecursion.power(x[i], depth);
                }
                add(builder, k, eta * k, lambda, product);
            }
            for (int i = 0; i < n; i++) {
                x[i] = ScalarRecursion.identicalStep(x[i], lambda[i], eta, depth);
            }
        }
        return builder.build();
    }

    /** The N = 2 flow (60′) σᵢ(t) = λᵢ / (1 + (λᵢ/α² − 1) e^{−2λᵢt}) sampled at t = k·h, k = 0 … steps. */
    public static Trace flowN2(double[] lambda, double alpha, double h, long steps) {
        int n = lambda.length;
        double[] product = new double[n];
        Trace.Builder builder = Trace.builder(n, n).init(Initialization.IDENTITY);
        for (long k = 0; k <= steps; k++) {
            double t = k * h;
            for (int i = 0; i < n; i++) {
                product[i] = lambda[i] / (1 + (lambda[i] / (alpha * alpha) - 1) * Math.exp(-2 * lambda[i] * t));
            }
            add(builder, k, t, lambda, product);
        }
        return builder.build();
    }

    /** Adds one point whose product has eigenvalues {@code product} along the target's eigenvectors. */
    public static void add(Trace.Builder builder, long iteration, double time, double[] lambda, double[] product) {
        int n = lambda.length;
        double squares = 0;
        double operator = 0;
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            double difference = product[i] - lambda[i];
            squares += difference * difference;
            operator = Math.max(operator, Math.abs(difference));
            sigma[i] = Math.abs(product[i]);
        }
        Arrays.sort(sigma);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            double swap = sigma[i];
            sigma[i] = sigma[j];
            sigma[j] = swap;
        }
        builder.add(iteration, TracePoint.of(product, sigma).with(TraceMetric.TIME, time).with(TraceMetric.LOSS, 0.5 * squares).with(TraceMetric.ERROR_FRO, Math.sqrt(squares)).with(TraceMetric.ERROR_OP, operator).with(TraceMetric.EFFECTIVE_RANK, RankMeasures.effectiveRank(sigma)).with(TraceMetric.STABLE_RANK, RankMeasures.stableRank(sigma)));
    }
}
