package org.dmflab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.dmflab.core.train.MatrixKernel;
import org.dmflab.core.train.RecordSchedule;
import org.dmflab.core.train.Solver;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.core.train.TrainingPlan;

/**
 * The share of a matrix-solver run spent at recorded iterations (the goal: ≤ 10 % with {@code --record log:400} at
 * n ≤ 500): the run itself, {@value TrainSettings#DEFAULT_ITERATIONS} iterations of the default budget with a trace row
 * ({@code measure()}: the readings or decompositions and λ of a row) at every iteration log:400 records, in CPU time of
 * the calling thread (on a shared machine wall time mostly measures the scheduler), after a JIT warm-up on a separate
 * solver of the same plan. The rows are timed one by one (two clock reads each, their cost subtracted), the steps as
 * the rest of the run. The rows are measured at the iterates the run really visits: a recorded row's cost depends on
 * the state (near convergence ‖W − Φ‖₂ can no longer be read off Vᵀ W V within its bound and a symmetric
 * decomposition runs). When the steps take longer than 20 × SECONDS, the run stops there and the rest is extrapolated
 * at the measured means (the "run to" column). Last column: the recorded values, 8 bytes per trace column and row
 * (2n + 8 columns for a symmetric n×n target).
 *
 * <p>Usage: {@code java -cp bench/target/dmflab-bench.jar org.dmflab.bench.RecordingShare SECONDS n N loss [...]}
 */
public final class RecordingShare {
    private RecordingShare() {
    }

    public static void main(String[] args) {
        double seconds = Double.parseDouble(args[0]);
        long budget = TrainSettings.DEFAULT_ITERATIONS;
        long[] schedule = new RecordSchedule.LogSpaced(400).iterations(budget);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long clockRead = clockReadNanos(threads);
        System.out.println("| loss | N | n | one step | one recorded row | recorded rows | share of the run | run to "
                + "| trace memory |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int i = 1; i + 2 < args.length; i += 3) {
            int n = Integer.parseInt(args[i]);
            int depth = Integer.parseInt(args[i + 1]);
            String loss = args[i + 2];
            TrainingPlan plan = SideBySide.plan(n, depth, loss);
            int columns = plan.traceColumns().size();
            try (Solver warm = plan.newSolver(MatrixKernel.AUTO)) {
                SideBySide.stepsPerSecond(warm, seconds); // JIT warm-up of steps and rows, on its own iterates
                long until = System.nanoTime() + (long) (seconds * 1e9);
                while (System.nanoTime() < until) {
                    warm.measure();
                }
            }
            try (Solver solver = plan.newSolver(MatrixKernel.AUTO)) {
                long rowNanos = 0;
                int rows = 0;
                int next = 0;
                long iteration = 0;
                long start = threads.getCurrentThreadCpuTime();
                while (true) {
                    solver.evaluate();
                    if (next < schedule.length && schedule[next] == iteration) {
                        long before = threads.getCurrentThreadCpuTime();
                        solver.measure();
                        rowNanos += threads.getCurrentThreadCpuTime() - before - clockRead;
                        rows++;
                        next++;
                    }
                    if (iteration == budget || threads.getCurrentThreadCpuTime() - start - rowNanos > 20 * seconds
                            * 1e9) {
                        break;
                    }
                    solver.update();
                    iteration++;
                }
                double stepSeconds = (threads.getCurrentThreadCpuTime() - start - rowNanos) / 1e9 / (iteration + 1);
                double rowSeconds = rowNanos / 1e9 / rows;
                double share = schedule.length * rowSeconds / (budget * stepSeconds + schedule.length * rowSeconds);
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %.3g ms | %.3g ms | %d of %d | %.1f %% | %d | %.1f kB |%n",
                        loss, depth, n, 1e3 * stepSeconds, 1e3 * rowSeconds, schedule.length, budget, 100 * share,
                        iteration, schedule.length * (double) columns * 8 / 1e3);
            }
        }
    }

    /** The CPU-time cost of one clock read (≈ 0.6 µs here), subtracted from each timed row. */
    private static long clockReadNanos(ThreadMXBean threads) {
        int calls = 100_000;
        long start = threads.getCurrentThreadCpuTime();
        for (int k = 0; k < calls; k++) {
            threads.getCurrentThreadCpuTime();
        }
        return (threads.getCurrentThreadCpuTime() - start) / calls;
    }
}
