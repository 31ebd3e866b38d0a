package org.dmflab.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.MemoryBudget;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.PlateauLevels;
import org.dmflab.core.theory.RankStopRule;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The memory check counts the iterates a run keeps, exactly and only when it keeps them: the observed rule of
 * {@code stop-at=rank:R} keeps a copy of the product and its factors ({@link ObservedStop}), {@link KeptIterates} up to
 * two products.
 */
class KeptMemoryTest {
    /**
     * A square depth-1 run of side L = ⌊√(available / 72)⌋ holds 8·8·L² ≈ 0.89 of the available bytes (factors, products,
     * workspaces) and a trace of two rows (a few KB); the observed rule's copy of W and W₁ adds 16·L² ≈ 0.22 more, so
     * the run fits without it and not with it, whatever the test JVM's heap.
     */
    private static final long SIDE = (long) Math.sqrt(MemoryBudget.available() / 72.0);

    private static TrainConfig squareRun(String init, String stopAt) {
        return Fixtures.config("depth", "1", "init", init, "seed", "1", "iterations", "10", "record", "every:10", "stop-at", stopAt);
    }

    @Test
    void anObservedStopThatCannotKeepItsIterateIsRefusedNamingStopAt() {
        assertThatCode(() -> Trainer.requireMemory(squareRun("gaussian", "none"), SIDE, SIDE, false, "shape"))
                .doesNotThrowAnyException();
        long held = Trainer.requireRunFits(squareRun("gaussian", "none"), SIDE, SIDE, false, "shape");
        long kept = 8L * 2 * SIDE * SIDE;
        assertThatThrownBy(() -> Trainer.requireMemory(squareRun("gaussian", "rank:1"), SIDE, SIDE, false, "shape"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("stop-at: stop-at=rank:1 keeps a copy of the " + SIDE + "×" + SIDE + " product W and its factor "
                        + "at the recorded iterate nearest the level (" + MemoryBudget.human(kept) + "), so "
                        + "the run with its factors and trace needs about " + MemoryBudget.human(held + kept)
                        + " of memory, but this Java process may use only " + MemoryBudget.human(
                        MemoryBudget.available()) + " for it; use stop-at=none or give Java more memory ("
                        + MemoryBudget.maxHeapFor(held + kept) + ")");
        // an identity start on a square target may stop by the certified rule, which keeps nothing: the shape alone
        // does not refuse it (the plan checks again once it knows the rule)
        assertThatCode(() -> Trainer.requireMemory(squareRun("identity", "rank:1"), SIDE, SIDE, true, "shape"))
                .doesNotThrowAnyException();
    }

    @Test
    void keptProductsThatDoNotFitNextToTheRunAreRefusedNamingWhoAsks() {
        RankStopRule rule = RankStopRule.observed(PlateauLevels.of(Fixtures.SPECTRUM_B, Initialization.GAUSSIAN), 1,
                Fixtures.SPECTRUM_B.length, "");
        KeptIterates keep = new KeptIterates(rule, "preset demo");
        long side = 1000;
        long products = 2 * 8L * side * side;
        long available = MemoryBudget.available();
        assertThatCode(() -> keep.requireFits(available - products, side, side)).doesNotThrowAnyException();
        assertThatThrownBy(() -> keep.requireFits(available - products + 1, side, side))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("preset demo: keeping the 1000×1000 products W(k) at the least effective rank "
                        + "and where the observed rank-1 rule stops (2 copies, " + MemoryBudget.human(products) + ")")
                .hasMessageEndingWith("give Java more memory (" + MemoryBudget.maxHeapFor(available + 1) + ")");
    }

    /**
     * What the estimate counts is what the observed rule copies at a kept point ({@link ObservedStop#offer}: the
     * solver's product and factors): targets square and not, depth 1–4, default, wider and narrower widths — 15 runs.
     */
    @Test
    void theCountedBytesAreThoseOfTheCopiedProductAndFactors() {
        Random random = new Random(11);
        int runs = 0;
        for (int[] shape : new int[][]{{6, 6}, {5, 8}, {8, 5}}) {
            DMatrixRMaj target = shape[0] == shape[1] ? Fixtures.symmetricTarget(Fixtures.SPECTRUM_B, 7)
                    : randomMatrix(shape[0], shape[1], random);
            for (String[] run : new String[][]{{"1", ""}, {"2", ""}, {"3", ""}, {"3", "9"}, {"4", "4"}}) {
                TrainingPlan plan = run[1].isEmpty()
                        ? Fixtures.plan(target, "depth", run[0], "init", "gaussian", "seed", "1", "stop-at", "rank:1")
                        : Fixtures.plan(target, "depth", run[0], "width", run[1], "init", "gaussian", "seed", "1",
                        "stop-at", "rank:1");
                long copied;
                try (Solver running = plan.newSolver()) {
                    copied = 8L * running.product().getNumElements();
                    for (DMatrixRMaj factor : running.factors()) {
                        copied += 8L * factor.getNumElements();
                    }
                }
                assertThat(Trainer.iterateBytes(plan.config().depth(), shape[0], shape[1], plan.problem().width(),
                        true)).as("%dx%d depth %s width %s", shape[0], shape[1], run[0], run[1]).isEqualTo(copied);
                runs++;
            }
        }
        assertThat(runs).isEqualTo(15);
    }

    private static DMatrixRMaj randomMatrix(int rows, int cols, Random random) {
        DMatrixRMaj matrix = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < matrix.getNumElements(); i++) {
            matrix.data[i] = random.nextGaussian();
        }
        return matrix;
    }
}
