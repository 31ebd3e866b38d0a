package org.dmflab.core.model;

/**
 * What a record needs to know of how a run's factors started (the trace's {@code init} column): the start's setting
 * value and the plateau-level rule it picks (docs/theory.md §7.3). The starts themselves, their scales and their
 * initial factors live in {@code org.dmflab.core.dynamics}.
 */
public interface StartKind {
    /** The setting value, as the {@code init} setting and the trace's {@code init} column name it. */
    String key();

    /**
     * Whether every factor starts at the same multiple of the identity (docs/theory.md §1.4, §7.3): then a negative
     * eigenvalue of the target is never recovered, the product tends to Φ₊, and the plateau levels are the prefix sums
     * of the positive eigenvalues ({@link PlateauLevels}); otherwise they are those of |λ| sorted.
     */
    boolean identical();
}
