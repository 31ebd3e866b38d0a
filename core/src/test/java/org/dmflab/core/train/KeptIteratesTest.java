package org.dmflab.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import org.dmflab.core.Progress;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.PlateauLevels;
import org.dmflab.core.model.Trace;
import org.dmflab.core.theory.RankStopRule;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The products a run keeps while it records ({@link KeptIterates}) against the independent truth: a second, plain run
 * of the same plan stepped to each iteration the recorded trace gives offline — the first recorded point of least
 * effective rank, and where {@link RankStopRule#stopPoint} stops the recorded run — whose products must equal the kept
 * ones bit for bit (runs are deterministic). Keeping must not change the run either: its trace equals a run without.
 */
class KeptIteratesTest {

    /**
     * Spectrum B, depth 3, the step of checks (a), 20 000 iterations recorded every 10: an identity start (α = 0.01)
     * with R = 1, 2, 3 and Gaussian starts (σ = 0.01, seeds 1–3) with R = 1, 2 — 9 runs, all of which reach the
     * plateau and leave it upwards before the end (later stays must not move the kept iterate); in 5 of them the
     * least effective rank and the stop are different iterations.
     */
    @Test
    void keptProductsAreThoseOfASecondPlainRun() {
        int runs = 0;
        int observedStops = 0;
        int leftBefore = 0;
        int apart = 0;
        for (String init : new String[]{"identity", "gaussian"}) {
            for (int seed = 1; seed <= (init.equals("identity") ? 1 : 3); seed++) {
                for (int rank = 1; rank <= (init.equals("identity") ? 3 : 2); rank++) {
                    TrainingPlan plan = Fixtures.plan(Fixtures.symmetricTarget(Fixtures.SPECTRUM_B, 7), "depth", "3",
                            "init", init, "alpha", "0.01", "sigma", "0.01", "seed", Integer.toString(seed),
                            "step", Double.toString(Fixtures.checkStep()), "iterations", "20000", "record", "every:10");
                    RankStopRule rule = RankStopRule.observed(PlateauLevels.of(Fixtures.SPECTRUM_B,
                            Initialization.parse(init)), rank, Fixtures.SPECTRUM_B.length, "");
                    KeptIterates keep = new KeptIterates(rule, "preset");
                    TrainingResult kept = plan.run(Progress.NONE, keep);
                    Trace trace = kept.trace();
                    TrainingResult plain = plan.run(Progress.NONE);
                    assertThat(trace.iterations()).isEqualTo(plain.trace().iterations());
                    assertThat(bits(kept.product())).isEqualTo(bits(plain.product()));
                    double[] effectiveRanks = new double[trace.size()];
                    int least = 0;
                    for (int point = 0; point < trace.size(); point++) {
                        effectiveRanks[point] = trace.effectiveRank(point);
                        least = effectiveRanks[point] < effectiveRanks[least] ? point : least;
                    }
                    SortedMap<Long, DMatrixRMaj> truth = new TreeMap<>();
                    truth.put(trace.iteration(least), null);
                    OptionalInt stop = rule.stopPoint(trace.iterations(), effectiveRanks);
                    if (stop.isPresent()) {
                        truth.put(trace.iteration(stop.getAsInt()), null);
                        observedStops++;
                        // the effective rank left the band upwards before the run ended: later points change nothing
                        leftBefore += stop.getAsInt() < trace.size() - 1
                                && effectiveRanks[trace.size() - 1] > rule.level() + rule.halfWidth() ? 1 : 0;
                    }
                    apart += truth.size() == 2 ? 1 : 0;
                    secondRun(plan, truth);
                    assertThat(keep.products().keySet()).as("%s seed %d rank %d", init, seed, rank)
                            .isEqualTo(truth.keySet());
                    for (long k : truth.keySet()) {
                        assertThat(bits(keep.products().get(k))).as("W(%d)", k).isEqualTo(bits(truth.get(k)));
                    }
                    runs++;
                }
            }
        }
        assertThat(runs).isEqualTo(9);
        assertThat(observedStops).isEqualTo(9);
        assertThat(leftBefore).isEqualTo(9);
        assertThat(apart).isEqualTo(5);
    }

    /** Fills {@code wanted}'s values with the products of a fresh solver stepped to each of its iterations. */
    private static void secondRun(TrainingPlan plan, SortedMap<Long, DMatrixRMaj> wanted) {
        try (Solver solver = plan.newSolver()) {
            solver.evaluate();
            for (long k = 0; k <= wanted.lastKey(); k++) {
                if (wanted.containsKey(k)) {
                    wanted.put(k, solver.product());
                }
                solver.update();
                solver.evaluate();
            }
        }
    }

    private static long[] bits(DMatrixRMaj matrix) {
        return Arrays.stream(Arrays.copyOf(matrix.data, matrix.getNumElements())).mapToLong(Double::doubleToRawLongBits)
                .toArray();
    }
}
