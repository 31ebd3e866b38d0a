package org.dmflab.core.train;

import java.util.List;
import java.util.Optional;
import org.dmflab.core.theory.PlateauWatch;
import org.dmflab.core.theory.RankStopRule;
import org.ejml.data.DMatrixRMaj;

/**
 * The observed rule of {@code stop-at=rank:R} ({@link RankStopRule}, docs/theory.md §7.5) applied while a run records:
 * theory's band scan ({@link PlateauWatch}) offered each recorded point, keeping the iterate of the current stay
 * nearest the level. The trainer stops when the scan says the effective rank left the band upwards;
 * {@link KeptIterates} runs the same scan without stopping. Either way the answer is the iterate {@link
 * RankStopRule#stopPoint} finds in the recorded run.
 */
final class ObservedStop {
    /** An iterate the rule keeps: the product and factors at a recorded iteration, with its numbers. */
    record Kept(long iteration, DMatrixRMaj product, List<DMatrixRMaj> factors, double loss, double effectiveRank,
                int traceSize) {
    }

    private final PlateauWatch watch;
    private final boolean keepFactors;
    private Kept kept;
    private boolean staying;
    private boolean left;

    /**
     * @param keepFactors whether the kept iterate holds the factors as well as the product (the trainer returns them;
     *                    {@link KeptIterates} needs only the product)
     */
    ObservedStop(RankStopRule rule, boolean keepFactors) {
        this.watch = new PlateauWatch(rule.level(), rule.halfWidth());
        this.keepFactors = keepFactors;
    }

    /**
     * Offers recorded point k (the solver at iterate k, its loss and the trace's size with the point): keeps it when it
     * is the nearest point of the stay so far.
     */
    PlateauWatch.Verdict offer(long k, double effectiveRank, Solver running, double loss, int traceSize) {
        PlateauWatch.Verdict verdict = watch.offer(effectiveRank);
        if (verdict == PlateauWatch.Verdict.NEAREST) {
            kept = new Kept(k, running.product(), keepFactors ? running.factors() : List.of(), loss, effectiveRank,
                    traceSize);
        }
        staying = verdict.inside();
        left |= verdict == PlateauWatch.Verdict.LEFT;
        return verdict;
    }

    /** Whether the last point offered lies in the band. */
    boolean staying() {
        return staying;
    }

    /** Whether the effective rank has left the band upwards after a stay: the rule's answer is final. */
    boolean left() {
        return left;
    }

    /** The nearest point of the latest stay, also of one the effective rank left downwards; empty before any stay. */
    Optional<Kept> kept() {
        return Optional.ofNullable(kept);
    }

    /** The rule's answer so far: the kept iterate during a stay or once the band was left upwards; empty otherwise. */
    Optional<Kept> answer() {
        return staying || left ? kept() : Optional.empty();
    }
}
