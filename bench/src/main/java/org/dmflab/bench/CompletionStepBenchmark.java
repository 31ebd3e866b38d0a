package org.dmflab.bench;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.dmflab.core.groundtruth.GroundTruth;
import org.dmflab.core.groundtruth.GroundTruthGenerator;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.train.Solver;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.core.train.Trainer;
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
 * One matrix-completion step (docs/theory.md §8.3) on the field's benchmark, a rank-5 100×100 matrix with Gaussian
 * factors (‖Φ‖_F = 100) observed at M entries, from a Gaussian start σ = 0.01: the prefix products, the gathered
 * residual, the backward products. bench/torch_completion_step.py times the same step in PyTorch (gather + autograd).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CompletionStepBenchmark {
    @Param({"2", "3", "4"})
    public int depth;

    @Param({"2000", "5000"})
    public int observed;

    private Solver solver;

    @Setup(Level.Trial)
    public void setUp() {
        GroundTruth truth = GroundTruthGenerator.generate(GroundTruthSettings.parse(RawSettings.of(Map.of(
                GroundTruthSettings.SPECTRUM, "gaussian-factors:5", GroundTruthSettings.N, "100",
                GroundTruthSettings.SEED, "1", GroundTruthSettings.OBSERVATIONS, Integer.toString(observed))),
                Optional.empty()));
        solver = Trainer.planCompletion(TrainSettings.parse(RawSettings.of(Map.of(TrainSettings.DEPTH,
                Integer.toString(depth), TrainSettings.STEP, "1e-4", TrainSettings.INIT, "gaussian",
                TrainSettings.SIGMA, "0.01", TrainSettings.SEED, "2", TrainSettings.LOSS, "completion"))),
                truth.observations().orElseThrow(), Optional.of(truth.matrix())).newSolver();
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
