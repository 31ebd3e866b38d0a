package org.dmflab.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Random;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.Progress;
import org.dmflab.core.RunCanceledException;
import org.dmflab.core.RunFailedException;
import org.dmflab.core.model.SensingData;
import org.dmflab.core.linalg.RandomMatrices;
import org.dmflab.core.theory.StepSizeBounds;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TrainingPlanTest {
    private static final DMatrixRMaj SYMMETRIC = Fixtures.symmetricTarget(Fixtures.SPECTRUM_B, 1);
    private static final DMatrixRMaj RECTANGULAR = RandomMatrices.gaussian(4, 3, 1.0, new Random(1));

    @Test
    void autoChoosesSpectralExactlyWhereItIsExact() {
        assertThat(Fixtures.plan(SYMMETRIC).solver()).isEqualTo(SolverKind.SPECTRAL);
        assertThat(Fixtures.plan(SYMMETRIC, "init", "perturbed").solver()).isEqualTo(SolverKind.SPECTRAL);
        assertThat(Fixtures.plan(SYMMETRIC, "init", "gaussian", "seed", "1").solver()).isEqualTo(SolverKind.MATRIX);
        assertThat(Fixtures.plan(SYMMETRIC, "width", "8").solver()).isEqualTo(SolverKind.MATRIX);
        assertThat(Fixtures.plan(RECTANGULAR).solver()).isEqualTo(SolverKind.MATRIX);
    }

    @Test
    void spectralAndFlowNeedASymmetricTarget() {
        assertThatThrownBy(() -> Fixtures.plan(RECTANGULAR, "solver", "spectral"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("solver: ")
                .hasMessageContaining("not symmetric");
        assertThatThrownBy(() -> Fixtures.plan(SYMMETRIC, "solver", "flow", "width", "3"))
                .hasMessageStartingWith("solver: ");
        // one rule, one message: refused at plan time (target known) as at configure time (settings only)
        String rule = "is exact only for a symmetric target with an identity or perturbed start, the full loss and the "
                + "default width, not with ";
        assertThatThrownBy(() -> Fixtures.plan(SYMMETRIC, "solver", "flow", "width", "3"))
                .hasMessageStartingWith("solver: solver=flow " + rule + "width=3");
        assertThatThrownBy(() -> Fixtures.config("init", "gaussian", "seed", "1", "solver", "flow"))
                .hasMessageStartingWith("solver: solver=flow " + rule + "init=gaussian");
    }

    @Test
    void sensingNeedsMatchingMeasurements() {
        assertThatThrownBy(() -> Fixtures.plan(SYMMETRIC, "loss", "sensing"))
                .hasMessageStartingWith("loss: ").hasMessageContaining("measurements");
        SensingData wrongSize = new SensingData(new DMatrixRMaj(2, 4), new double[2], 2, 2);
        assertThatThrownBy(() -> Trainer.plan(Fixtures.config("loss", "sensing"), SYMMETRIC, Optional.of(wrongSize)))
                .hasMessageStartingWith("loss: ").hasMessageContaining("2×2");
    }

    @Test
    void stepAboveTheBoundIsAWarningNotAnError() {
        double bound = StepSizeBounds.uniform(3, 0.1, 3);
        TrainingPlan fine = Fixtures.plan(SYMMETRIC, "alpha", "0.1", "step", Double.toString(0.9 * bound));
        assertThat(fine.warnings()).isEmpty();
        // ‖Φ‖₂ = 3 up to the rounding of V diag(λ) Vᵀ and its eigendecomposition
        assertThat(fine.admissibleStep()).isCloseTo(bound, org.assertj.core.api.Assertions.within(1e-12));
        // the uniform bound is sufficient, not necessary: between it and the largest eigenvalue's own bound (20′) every
        // eigenvalue still converges monotonically, so there is nothing to warn about
        double largestEigenvalueBound = StepSizeBounds.perEigenvalue(3, 0.1, 3);
        assertThat(largestEigenvalueBound).isGreaterThan(1.2 * bound);
        assertThat(Fixtures.plan(SYMMETRIC, "alpha", "0.1", "step", Double.toString(1.1 * bound)).warnings())
                .isEmpty();
        TrainingPlan large = Fixtures.plan(SYMMETRIC, "alpha", "0.1", "step",
                Double.toString(1.1 * largestEigenvalueBound));
        assertThat(large.warnings()).singleElement().asString().startsWith("step: ")
                .contains("eigenvalue 1 of the target").contains(String.format(java.util.Locale.ROOT,
                        "choose step ≤ %.4g", largestEigenvalueBound));
        // a Gaussian start does not decouple: the heuristic admissible step size still decides
        assertThat(Fixtures.plan(SYMMETRIC, "init", "gaussian", "seed", "1", "step", "10").warnings())
                .singleElement().asString().startsWith("step: ").contains("admissible");
        double perturbedBound = StepSizeBounds.perturbed(3, 0.1, 0.05, 3);
        assertThat(Fixtures.plan(SYMMETRIC, "alpha", "0.1", "init", "perturbed", "beta", "0.05").admissibleStep())
                .isCloseTo(perturbedBound, org.assertj.core.api.Assertions.within(1e-12));
    }

    /**
     * The bound a step-size message names is the one the trainer computed: (14′) for a perturbed start of depth
     * N ≥ 2, (10′) with the start's scale otherwise (a depth-1 perturbed start has one factor, βI).
     */
    @Test
    void theNamedStepBoundIsTheComputedOne() {
        int cases = 0;
        for (String init : new String[]{"identity", "perturbed"}) {
            for (int depth = 1; depth <= 4; depth++) {
                String[] settings = {"alpha", "0.1", "beta", "0.05", "init", init, "depth", Integer.toString(depth)};
                TrainConfig config = Fixtures.config(settings);
                String name = config.dynamics().start().stepBoundName(depth);
                double expected = name.equals("(14′)") ? StepSizeBounds.perturbed(3, 0.1, 0.05, depth)
                        : StepSizeBounds.uniform(3, init.equals("perturbed") ? 0.05 : 0.1, depth);
                assertThat(name).isIn("(10′)", "(14′)");
                assertThat(name.equals("(14′)")).isEqualTo(init.equals("perturbed") && depth >= 2);
                assertThat(Fixtures.plan(SYMMETRIC, settings).admissibleStep())
                        .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12 * expected));
                cases++;
            }
        }
        assertThat(cases).isEqualTo(8);
    }

    @Test
    void divergenceFailsWithIterationLossAndAdmissibleStep() {
        for (String solver : new String[]{"matrix", "spectral"}) {
            TrainingPlan plan = Fixtures.plan(SYMMETRIC, "alpha", "1", "step", "1", "iterations", "1000",
                    "solver", solver);
            assertThatThrownBy(() -> plan.run(Progress.NONE))
                    .isInstanceOf(RunFailedException.class)
                    .hasMessageContaining("diverged at iteration")
                    .hasMessageContaining("admissible step size")
                    .hasMessageContaining(String.format(java.util.Locale.ROOT, "%.6g", plan.admissibleStep()));
        }
    }

    @Test
    void recordsLogSpacedPointsWithFirstAndLast() {
        TrainingResult result = Fixtures.plan(SYMMETRIC, "iterations", "10000", "record", "log:50").run(Progress.NONE);
        long[] iterations = result.trace().iterations();
        assertThat(iterations[0]).isZero();
        assertThat(iterations[iterations.length - 1]).isEqualTo(10_000);
        assertThat(iterations).isEqualTo(new RecordSchedule.LogSpaced(50).iterations(10_000));
        assertThat(iterations.length).isBetween(40, 51);
    }

    /** Tolerance 0 means "run the whole budget", even when the loss becomes exactly 0 (N = 1 converges to λ exactly). */
    @Test
    void zeroToleranceRunsTheWholeBudget() {
        TrainingResult result = Fixtures.plan(SYMMETRIC, "depth", "1", "step", "1", "iterations", "50",
                "record", "every:10").run(Progress.NONE);
        assertThat(result.finalLoss()).isZero();
        assertThat(result.stopReason()).isEqualTo(StopReason.ITERATIONS);
        assertThat(result.trace().iterations()).containsExactly(0, 10, 20, 30, 40, 50);
    }

    @Test
    void everyKRecordsMultiplesAndTheLastIteration() {
        TrainingResult result = Fixtures.plan(SYMMETRIC, "iterations", "25", "record", "every:10").run(Progress.NONE);
        assertThat(result.trace().iterations()).containsExactly(0, 10, 20, 25);
    }

    @Test
    void cancelStopsTheRun() {
        int[] checks = {0};
        Progress cancelling = new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public void checkCanceled() {
                if (++checks[0] > 3) {
                    throw new RunCanceledException();
                }
            }
        };
        TrainingPlan plan = Fixtures.plan(RECTANGULAR, "iterations", "100000000", "step", "0.001");
        assertThatThrownBy(() -> plan.run(cancelling)).isInstanceOf(RunCanceledException.class);
    }

    /** For large matrices one step can exceed the 100 ms cancel budget, so the check also runs between products. */
    @Test
    void largeMatricesAreCheckedForCancelBetweenProducts() {
        int[] small = {0};
        int[] large = {0};
        Fixtures.plan(RandomMatrices.gaussian(10, 10, 1.0, new Random(2)), "iterations", "1", "solver", "matrix")
                .run(counting(small));
        Fixtures.plan(RandomMatrices.gaussian(200, 200, 1.0, new Random(2)), "iterations", "1", "solver", "matrix")
                .run(counting(large));
        // the same two evaluated steps: a large run checks more often, i.e. within a step, between its products
        assertThat(large[0]).isGreaterThan(small[0]);
    }

    /**
     * A cancel at any of the checks of a large run (between products inside a step, or between steps) keeps the run
     * up to the last whole iterate k: its product and trace equal those of a run with budget k, value for value.
     */
    @Test
    void aCancelledRunKeepsTheIterateItReached() {
        DMatrixRMaj target = RandomMatrices.gaussian(200, 200, 1.0, new Random(4));
        String[] settings = {"solver", "matrix", "depth", "3", "step", "0.01", "record", "every:2"};
        int[] total = {0};
        Fixtures.plan(target, concat(settings, "iterations", "6")).run(counting(total));
        java.util.Set<Long> reached = new java.util.TreeSet<>();
        int cases = 0;
        for (int cancelAt = 1; cancelAt < total[0]; cancelAt++) {
            int[] checks = {0};
            int limit = cancelAt;
            Progress cancelling = new Progress() {
                @Override
                public void report(double fraction, String message) {
                }

                @Override
                public void checkCanceled() {
                    if (++checks[0] > limit) {
                        throw new RunCanceledException();
                    }
                }
            };
            TrainingPlan plan = Fixtures.plan(target, concat(settings, "iterations", "6"));
            TrainingResult partial;
            try {
                TrainingResult finished = plan.run(cancelling);
                // a cancel during the last step leaves nothing to interrupt: the run ends as finished
                assertThat(finished.iterations()).isEqualTo(6);
                assertThat(finished.stopReason()).isEqualTo(StopReason.ITERATIONS);
                continue;
            } catch (TrainingInterruptedException interrupted) {
                partial = interrupted.partial();
            } catch (RunCanceledException beforeTheFirstIterate) {
                continue; // a cancel before iteration 0 was recorded keeps nothing
            }
            long k = partial.iterations();
            reached.add(k);
            TrainingResult finished = Fixtures.plan(target, concat(settings, "iterations", Long.toString(k)))
                    .run(Progress.NONE);
            assertThat(partial.stopReason()).isEqualTo(StopReason.INTERRUPTED);
            assertThat(partial.product().data).as("cancel at check %d", cancelAt).isEqualTo(finished.product().data);
            assertThat(partial.trace().iterations()).isEqualTo(finished.trace().iterations());
            assertThat(partial.finalLoss()).isEqualTo(finished.finalLoss());
            for (int point = 0; point < finished.trace().size(); point++) {
                assertThat(partial.trace().loss(point)).isEqualTo(finished.trace().loss(point));
                assertThat(partial.trace().errorFro(point)).isEqualTo(finished.trace().errorFro(point));
                assertThat(partial.trace().sigmas(point)).isEqualTo(finished.trace().sigmas(point));
            }
            cases++;
        }
        // the checks run between products too, so several cancels land inside steps; a cancel in a step keeps the step: iterates 1 to 5 are all reached
        assertThat(cases).isGreaterThan(12);
        assertThat(reached).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    private static String[] concat(String[] settings, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(settings), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }

    private static Progress counting(int[] calls) {
        return new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public void checkCanceled() {
                calls[0]++;
            }
        };
    }

    @Test
    void matrixSolverHandlesRectangularTargetsAndWidths() {
        TrainingResult result = Fixtures.plan(RECTANGULAR, "depth", "3", "width", "5", "alpha", "0.5", "step", "0.05",
                "iterations", "20000", "tolerance", "1e-20", "init", "gaussian", "sigma", "0.3", "seed", "2")
                .run(Progress.NONE);
        assertThat(result.factors()).extracting(m -> m.numRows + "x" + m.numCols)
                .containsExactly("5x3", "5x5", "4x5");
        assertThat(result.trace().eigenCount()).isZero();
        assertThat(result.trace().sigmaCount()).isEqualTo(3);
        assertThat(result.finalLoss()).isLessThan(1e-10);
    }

    @Test
    void gaussianStartIsSeeded() {
        TrainingResult a = Fixtures.plan(RECTANGULAR, "init", "gaussian", "seed", "5", "iterations", "10")
                .run(Progress.NONE);
        TrainingResult b = Fixtures.plan(RECTANGULAR, "init", "gaussian", "seed", "5", "iterations", "10")
                .run(Progress.NONE);
        TrainingResult c = Fixtures.plan(RECTANGULAR, "init", "gaussian", "seed", "6", "iterations", "10")
                .run(Progress.NONE);
        assertThat(a.product().data).isEqualTo(b.product().data);
        assertThat(a.product().data).isNotEqualTo(c.product().data);
    }
}
