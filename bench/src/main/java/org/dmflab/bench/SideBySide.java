package org.dmflab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.dmflab.core.model.SensingData;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.train.MatrixKernel;
import org.dmflab.core.train.Solver;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.core.train.Trainer;
import org.dmflab.core.train.TrainingPlan;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * DMF Lab's matrix solver as one contestant of bench/side_by_side.py: steps/s of full-batch gradient descent, the same
 * cases as bench/dmf_step.py (identity start α = 0.5, η = 1e-4, target V diag(1/i) Vᵀ, sensing with M = 4n Gaussian
 * measurements capped at 2e7 operator entries; completion: a rank-5 target with Gaussian factors, ‖Φ‖_F = n, observed
 * at 20 % of its entries). Timed like the Python side: a warm-up as long as the measurement (the
 * JIT compiles the kernel meanwhile), then whole steps until the time is up (at least three). One JSON line per case.
 *
 * <p>Usage: {@code java -cp bench/target/dmflab-bench.jar org.dmflab.bench.SideBySide KERNEL SECONDS n N loss [n N
 * loss ...]} with KERNEL one of {@link MatrixKernel} (AUTO is what the trainer runs), or SPECTRAL for the spectral
 * solver on the same target (full loss only).
 */
public final class SideBySide {
    private SideBySide() {
    }

    public static void main(String[] args) throws IOException {
        boolean spectral = args[0].equalsIgnoreCase("spectral");
        MatrixKernel kernel = spectral ? MatrixKernel.AUTO : MatrixKernel.valueOf(args[0].toUpperCase(Locale.ROOT));
        double seconds = Double.parseDouble(args[1]);
        for (int i = 2; i + 2 < args.length; i += 3) {
            int n = Integer.parseInt(args[i]);
            int depth = Integer.parseInt(args[i + 1]);
            String loss = args[i + 2];
            double[] rates;
            try (Solver solver = plan(n, depth, loss, spectral ? "spectral" : "matrix").newSolver(kernel)) {
                rates = rates(solver, seconds);
            }
            System.out.printf(Locale.ROOT, "{\"solver\": \"dmflab\", \"version\": \"%s\", \"threads\": \"%s\", "
                            + "\"n\": %d, \"N\": %d, \"loss\": \"%s\", \"steps_per_s\": %.6g, "
                            + "\"steps_per_cpu_s\": %.6g, \"load\": %s}%n",
                    MatrixKernel.blasAvailable() ? "OpenBLAS 0.3.31 (bytedeco)" : "Java kernel", spectral ? "SPECTRAL"
                            : kernel, n, depth, loss, rates[0], rates[1], load());
        }
    }

    static TrainingPlan plan(int n, int depth, String loss) {
        return plan(n, depth, loss, "matrix");
    }

    static TrainingPlan plan(int n, int depth, String loss, String solver) {
        Map<String, String> settings = new HashMap<>(Map.of(TrainSettings.DEPTH, Integer.toString(depth),
                TrainSettings.STEP, "1e-4", TrainSettings.ALPHA, "0.5", TrainSettings.SOLVER, solver,
                TrainSettings.LOSS, loss));
        if (loss.equals("completion")) {
            DMatrixRMaj target = Targets.lowRank(n, 5, 1);
            return Trainer.planCompletion(TrainSettings.parse(RawSettings.of(settings)), Targets.observed(target, 2),
                    Optional.of(target));
        }
        DMatrixRMaj target = Targets.symmetric(n, 1);
        Optional<SensingData> sensing = Optional.empty();
        if (loss.equals("sensing")) {
            int count = Math.max(1, Math.min(4 * n, 20_000_000 / (n * n)));
            Random random = new Random(2);
            DMatrixRMaj operators = new DMatrixRMaj(count, n * n);
            for (int k = 0; k < operators.data.length; k++) {
                operators.data[k] = random.nextGaussian() / Math.sqrt(count);
            }
            DMatrixRMaj y = new DMatrixRMaj(count, 1);
            CommonOps_DDRM.mult(operators, new DMatrixRMaj(n * n, 1, true, target.data), y);
            sensing = Optional.of(new SensingData(operators, y.data, n, n));
        }
        return Trainer.plan(TrainSettings.parse(RawSettings.of(settings)), target, sensing);
    }

    /** Steps per wall-clock second and per CPU second of the whole process (all its threads, JIT and GC too). */
    static double[] rates(Solver solver, double seconds) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        stepsPerSecond(solver, seconds); // warm-up
        long count = 0;
        long start = System.nanoTime();
        long cpu = os.getProcessCpuTime();
        while (true) {
            step(solver);
            count++;
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (elapsed >= seconds && count >= 3) {
                return new double[]{count / elapsed, count / ((os.getProcessCpuTime() - cpu) / 1e9)};
            }
        }
    }

    static double stepsPerSecond(Solver solver, double seconds) {
        long start = System.nanoTime();
        step(solver);
        while (System.nanoTime() - start < seconds * 1e9) {
            step(solver);
        }
        long count = 0;
        start = System.nanoTime();
        while (true) {
            step(solver);
            count++;
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (elapsed >= seconds && count >= 3) {
                return count / elapsed;
            }
        }
    }

    private static double step(Solver solver) {
        double loss = solver.evaluate();
        solver.update();
        return loss;
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
