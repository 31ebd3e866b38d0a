package org.dmflab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.dmflab.core.train.MatrixKernel;
import org.dmflab.core.train.RecordSchedule;
import org.dmflab.core.train.Solver;
import org.dmflab.core.train.TrainSettings;

/**
 * The share of a matrix-solver run spent at recorded iterations (issue 13: ≤ 10 % with {@code --record log:400} at
 * n ≤ 500). Times one step and one {@code measure()} (the decompositions and λ of a trace row) in the same JVM, in CPU
 * time of the calling thread (on a shared machine wall time mostly measures the scheduler), then counts the iterations
 * log:400 records in the default budget of {@value TrainSettings#DEFAULT_ITERATIONS}: share = R·t_measure / (K·t_step
 * + R·t_measure). Last column: the recorded values, 8 bytes per trace column and row (2n + 8 columns for a symmetric
 * n×n target).
 *
 * <p>Usage: {@code java -cp bench/target/dmflab-bench.jar org.dmflab.bench.RecordingShare SECONDS n N loss [...]}
 */
public final class RecordingShare {
    private RecordingShare() {
    }

    public static void main(String[] args) {
        double seconds = Double.parseDouble(args[0]);
        long budget = TrainSettings.DEFAULT_ITERATIONS;
        int recorded = new RecordSchedule.LogSpaced(400).iterations(budget).length;
        for (int i = 1; i + 2 < args.length; i += 3) {
            int n = Integer.parseInt(args[i]);
            int depth = Integer.parseInt(args[i + 1]);
            String loss = args[i + 2];
            org.dmflab.core.train.TrainingPlan plan = SideBySide.plan(n, depth, loss);
            int columns = plan.traceColumns().size();
            try (Solver solver = plan.newSolver(MatrixKernel.AUTO)) {
                SideBySide.stepsPerSecond(solver, seconds); // warm-up
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                int steps = 0;
                long start = threads.getCurrentThreadCpuTime();
                while (steps < 3 || threads.getCurrentThreadCpuTime() - start < seconds * 1e9) {
                    solver.evaluate();
                    solver.update();
                    steps++;
                }
                double stepSeconds = (threads.getCurrentThreadCpuTime() - start) / 1e9 / steps;
                solver.evaluate();
                solver.measure();
                int calls = 0;
                start = threads.getCurrentThreadCpuTime();
                while (calls < 3 || threads.getCurrentThreadCpuTime() - start < seconds * 1e9) {
                    solver.measure();
                    calls++;
                }
                double measureSeconds = (threads.getCurrentThreadCpuTime() - start) / 1e9 / calls;
                double share = recorded * measureSeconds / (budget * stepSeconds + recorded * measureSeconds);
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %.3g ms | %.3g ms | %d of %d | %.1f %% | %.1f kB |%n",
                        loss, depth, n, 1e3 * stepSeconds, 1e3 * measureSeconds, recorded, budget, 100 * share,
                        recorded * (double) columns * 8 / 1e3);
            }
        }
    }
}
