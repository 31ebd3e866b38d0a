package org.dmflab.bench;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.train.Solver;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.core.train.Trainer;
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

/** One step of the exact spectral recursions (18)/(40): O(n) per step. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SpectralStepBenchmark {
    @Param({"10", "100", "200"})
    public int n;

    @Param({"3"})
    public int depth;

    @Param({"identity", "perturbed"})
    public String init;

    private Solver solver;

    @Setup(Level.Trial)
    public void setUp() {
        DMatrixRMaj target = Targets.symmetric(n, 1);
        solver = Trainer.plan(TrainSettings.parse(RawSettings.of(Map.of(TrainSettings.DEPTH, Integer.toString(depth),
                TrainSettings.STEP, "1e-4", TrainSettings.ALPHA, "0.5", TrainSettings.INIT, init,
                TrainSettings.SOLVER, "spectral"))), target, Optional.empty()).newSolver();
    }

    @Benchmark
    public double step() {
        double loss = solver.evaluate();
        solver.update();
        return loss;
    }
}
