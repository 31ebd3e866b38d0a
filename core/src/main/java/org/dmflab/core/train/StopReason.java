package org.dmflab.core.train;

/** Why a training run ended (diverging runs end with a {@code RunFailedException} instead). */
public enum StopReason {
    /** All requested iterations were run. */
    ITERATIONS,
    /** The loss fell to the {@code tolerance} setting or below. */
    TOLERANCE,
    /** {@code stop-at=rank:R}: the product was effectively of rank R ({@link EarlyStop} says where and by which rule). */
    RANK,
    /** The user stopped the run (Ctrl-C): the result holds what was computed up to the last completed iteration. */
    INTERRUPTED
}
