package org.dmflab.core.train;

/** Why a training run ended (diverging runs end with a {@code RunFailedException} instead). */
public enum StopReason {
    /** All requested iterations were run. */
    ITERATIONS,
    /** The loss fell to the {@code tolerance} setting or below. */
    TOLERANCE
}
