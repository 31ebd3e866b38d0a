package org.dmflab.core.train;

import java.util.Collections;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import org.dmflab.core.MemoryBudget;
import org.dmflab.core.Progress;
import org.dmflab.core.theory.RankStopRule;
import org.ejml.data.DMatrixRMaj;

/**
 * Products W(k) a run keeps while it records, for an analysis that shows them, so that nothing trains twice: the
 * recorded iterate of least effective rank (the rank-1 regime of a small start; the first of equal values) and the
 * iterate where the observed rank-R rule stops the recorded run ({@link ObservedStop}, the scan {@code stop-at} stops
 * with, here without stopping: the run goes on). Hand one to {@link TrainingPlan#run(Progress, KeptIterates)}; it is
 * offered every recorded point. It holds at most two m×n products (no factors), which the plan's memory check counts.
 */
public final class KeptIterates {
    /** The most products kept at once: the least effective rank's and the observed rule's. */
    static final int MAX_PRODUCTS = 2;

    private final ObservedStop observed;
    private final String key;
    private final int rank;
    private long leastIteration = -1;
    private double leastRank;
    private DMatrixRMaj leastProduct;

    /**
     * Keeps the least effective rank's iterate and where {@code observedRule} (not certified) stops.
     *
     * @param key the setting that asks for the products, blamed when they do not fit in memory, e.g. {@code "preset"}
     */
    public KeptIterates(RankStopRule observedRule, String key) {
        if (observedRule.certified()) {
            throw new IllegalArgumentException("the iterates are kept by the observed rule, not the certified one");
        }
        this.observed = new ObservedStop(observedRule, false);
        this.key = key;
        this.rank = observedRule.rank();
    }

    /**
     * Refuses, before the run, products of an m×n run that cannot be kept next to the {@code held} bytes the run itself
     * holds (its factors, trace and any iterate its own {@code stop-at} keeps).
     */
    void requireFits(long held, long m, long n) {
        long kept = MAX_PRODUCTS * Trainer.iterateBytes(1, m, n, n, false);
        MemoryBudget.require(key, held + kept, String.format(Locale.ROOT, "keeping the %d×%d products W(k) at the "
                + "least effective rank and where the observed rank-%d rule stops (%d copies, %s) next to the run's "
                + "factors and trace", m, n, rank, MAX_PRODUCTS, MemoryBudget.human(kept)),
                "give Java more memory (" + MemoryBudget.maxHeapFor(held + kept) + ")");
    }

    /** Offers recorded point k: the solver at iterate k with its effective rank, loss and the trace's size. */
    void offer(long k, double effectiveRank, Solver running, double loss, int traceSize) {
        if (leastIteration < 0 || effectiveRank < leastRank) {
            leastIteration = k;
            leastRank = effectiveRank;
            leastProduct = running.product();
        }
        if (!observed.left()) {
            observed.offer(k, effectiveRank, running, loss, traceSize);
        }
    }

    /** W(k) by iteration k: the least effective rank's and, when the run got there, the observed rule's stop. */
    public SortedMap<Long, DMatrixRMaj> products() {
        SortedMap<Long, DMatrixRMaj> products = new TreeMap<>();
        if (leastProduct != null) {
            products.put(leastIteration, leastProduct);
        }
        observed.answer().ifPresent(kept -> products.put(kept.iteration(), kept.product()));
        return Collections.unmodifiableSortedMap(products);
    }
}
