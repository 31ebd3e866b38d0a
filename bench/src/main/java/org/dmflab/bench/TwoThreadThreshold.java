package org.dmflab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dmflab.core.train.MatrixKernel;
import org.dmflab.core.train.Solver;

/**
 * Where two threads start to pay, for setting the split thresholds of the trainer's OpenBLAS arithmetic
 * ({@code KernelThresholds.BLAS_TWO_THREADS_FROM} for products, {@code BLAS_SENSING_TWO_THREADS_FROM} for the sensing
 * passes):
 * steps per wall-clock second of the matrix solver on one thread with no split ({@link MatrixKernel#BLAS_UNSPLIT})
 * against every operation split over two threads ({@link MatrixKernel#BLAS_SPLIT_TWO_THREADS}), for the full, sensing
 * and completion steps (N = 3, the cases of {@link SideBySide}), interleaved round by round (medians), and the
 * crossover: the smallest n from which two threads win at that n and every larger one measured. Wall clock, since a
 * second thread pays only there; run it on a quiet machine (the load average is printed per row).
 *
 * <p>Usage: {@code java -cp bench/target/dmflab-bench.jar org.dmflab.bench.TwoThreadThreshold [SECONDS] [ROUNDS]
 * [n,n,...] [loss,loss,...]} — defaults 0.5 s, 3 rounds, n = 16…1000, full,sensing,completion.
 */
public final class TwoThreadThreshold {
    private static final String DEFAULT_SIZES = "16,24,32,48,64,96,128,192,256,384,512,768,1000";
    private static final int DEPTH = 3;

    private TwoThreadThreshold() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 0.5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int[] sizes = Arrays.stream((args.length > 2 ? args[2] : DEFAULT_SIZES).split(","))
                .mapToInt(Integer::parseInt).toArray();
        String[] losses = (args.length > 3 ? args[3] : "full,sensing,completion").split(",");
        if (!MatrixKernel.blasAvailable()) {
            System.err.println("TwoThreadThreshold: OpenBLAS did not load; the thresholds are OpenBLAS's");
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "N = %d, %d processors, medians of %d interleaved rounds of %.2g s (wall clock)%n",
                DEPTH, Runtime.getRuntime().availableProcessors(), rounds, seconds);
        for (String loss : losses) {
            System.out.println();
            System.out.println("| loss | n | operator entries | one thread, unsplit (steps/s) | two threads, split "
                    + "(steps/s) | two / one | load (1 min) |");
            System.out.println("|---|---|---|---|---|---|---|");
            List<double[]> ratios = new ArrayList<>();
            for (int n : sizes) {
                var plan = SideBySide.plan(n, DEPTH, loss);
                double[][] rates = new double[2][rounds];
                try (Solver one = plan.newSolver(MatrixKernel.BLAS_UNSPLIT);
                     Solver two = plan.newSolver(MatrixKernel.BLAS_SPLIT_TWO_THREADS)) {
                    for (int round = 0; round < rounds; round++) {
                        // alternate which goes first, so that a burst of load elsewhere hits both alike
                        boolean oneFirst = round % 2 == 0;
                        double first = SideBySide.stepsPerSecond(oneFirst ? one : two, seconds);
                        double second = SideBySide.stepsPerSecond(oneFirst ? two : one, seconds);
                        rates[0][round] = oneFirst ? first : second;
                        rates[1][round] = oneFirst ? second : first;
                    }
                }
                double single = median(rates[0]);
                double split = median(rates[1]);
                ratios.add(new double[]{n, split / single});
                long entries = loss.equals("sensing") ? (long) Math.max(1, Math.min(4 * n, 20_000_000 / (n * n)))
                        * n * n : 0;
                System.out.printf(Locale.ROOT, "| %s | %d | %s | %.4g | %.4g | %.2f | %s |%n", loss, n,
                        entries == 0 ? "–" : Long.toString(entries), single, split, split / single,
                        java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
            }
            System.out.println();
            System.out.println(loss + ": " + crossover(ratios));
        }
    }

    /** The smallest n from which two threads win at every larger n measured. */
    private static String crossover(List<double[]> ratios) {
        int from = -1;
        for (int i = ratios.size() - 1; i >= 0 && ratios.get(i)[1] > 1; i--) {
            from = i;
        }
        if (from < 0) {
            return "two threads do not pay at the largest n measured";
        }
        return String.format(Locale.ROOT, "two threads pay from n = %d on (%.2f× there)%s", (int) ratios.get(from)[0],
                ratios.get(from)[1], from > 0 ? String.format(Locale.ROOT, "; at n = %d: %.2f×",
                        (int) ratios.get(from - 1)[0], ratios.get(from - 1)[1]) : "");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
