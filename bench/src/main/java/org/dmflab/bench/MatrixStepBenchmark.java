package org.dmflab.bench;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.train.Solver;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.core.train.Trainer;
import org.dmflab.core.train.TrainingPlan;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One matrix gradient-descent step (evaluate: N − 1 prefix products and the residual; update: 2(N − 1) products) on an
 * n×n target, as bench/numpy_step.py does it in numpy. {@code threads} = 1 is the single-threaded kernel (the default
 * of the trainer), 2 splits products with at least {@link #TWO_THREADS_FROM_ROWS} rows between two threads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MatrixStepBenchmark {
    @Param({"10", "50", "100", "200"})
    public int n;

    @Param({"2", "3", "5"})
    public int depth;

    static final int TWO_THREADS_FROM_ROWS = 64;

    @Param({"1"})
    public int threads;

    private Solver solver;

    @Setup(Level.Trial)
    public void setUp() {
        DMatrixRMaj target = Targets.symmetric(n, 1);
        // a small step keeps the iterates bounded and away from subnormal numbers however long JMH runs
        TrainingPlan plan = Trainer.plan(TrainSettings.parse(RawSettings.of(Map.of(TrainSettings.DEPTH,
                Integer.toString(depth), TrainSettings.STEP, "1e-4", TrainSettings.ALPHA, "0.5",
                TrainSettings.SOLVER, "matrix"))), target, Optional.empty());
        solver = plan.newSolver(threads == 1 ? Integer.MAX_VALUE : TWO_THREADS_FROM_ROWS);
    }

    @Benchmark
    public double step() {
        double loss = solver.evaluate();
        solver.update();
        return loss;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        solver.close();
    }
}
