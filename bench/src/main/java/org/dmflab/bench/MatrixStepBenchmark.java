package org.dmflab.bench;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.train.MatrixKernel;
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
 * n×n target, as bench/dmf_step.py does it in numpy, on the kernel {@code kernel} ({@link MatrixKernel}; AUTO is the
 * trainer's choice by size). bench/side_by_side.py runs the same step against PyTorch and numpy.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MatrixStepBenchmark {
    @Param({"10", "50", "100", "200"})
    public int n;

    @Param({"2", "3", "5"})
    public int depth;

    @Param({"AUTO"})
    public MatrixKernel kernel;

    private Solver solver;

    @Setup(Level.Trial)
    public void setUp() {
        DMatrixRMaj target = Targets.symmetric(n, 1);
        // a small step keeps the iterates bounded and away from subnormal numbers however long JMH runs
        TrainingPlan plan = Trainer.plan(TrainSettings.parse(RawSettings.of(Map.of(TrainSettings.DEPTH,
                Integer.toString(depth), TrainSettings.STEP, "1e-4", TrainSettings.ALPHA, "0.5",
                TrainSettings.SOLVER, "matrix"))), target, Optional.empty());
        solver = plan.newSolver(kernel);
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
