package org.dmflab.core.experiment.preset;

/**
 * What a preset shows beyond the tracker's three charts per run: its extra charts and its table of key numbers
 * (docs/theory.md §8.2, the paper's figures). A plain name, so that a preset's data does not depend on the code that
 * analyses it: {@code PresetAnalysis.of} maps each to the class that does it. The products W(k) an analysis shows are
 * named here too ({@link #snapshotStopRank}), as data the runner reads.
 */
public enum Analysis {
    /** Fig. 3/6(b): certified vs observed plateau intervals, hitting iterations vs k_exact. */
    PLATEAUS,
    /** Fig. 1/5: identity vs perturbed start; the negative eigenvalues of both runs in one chart with k_sign_change. */
    SPECTRUM_RECOVERY,
    /** Fig. 2: effective rank and loss of every depth in one chart each. */
    DEPTH,
    /** Fig. 4: one eigenvalue's trajectory against the predicted counts as vertical markers. */
    SINGLE_EIGENVALUE,
    /** Fig. 7: eigenvalue trajectories of gradient flow and descent over the time t = ηk. */
    FLOW_VS_DESCENT,
    /** Fig. 13: Gaussian starts with small and large σ; effective rank of both, order of learning. */
    RANDOM_INIT,
    /** Section 4 idea: distance to the clean matrix, best rank-r benchmarks, early stopping. */
    DENOISING,
    /** Matrix completion (docs/theory.md §8.3): final error against depth and number of observed entries. */
    COMPLETION_DEPTH,
    /**
     * The paper's Section 4 (docs/theory.md §8.1, Figs. 8–12): MNIST ones with uniform noise, depths 1…4; training and
     * generalization error, best rank-r benchmarks, effective rank, early stopping, rows of W(k) as images.
     */
    MNIST_DENOISING(3),
    /** Razin and Cohen's 2×2 completion (docs/theory.md §7.6): norms grow while the effective rank falls. */
    NORMS_VS_RANK,
    /** Remark 1.2: plateau entry and exit against log(1/α), with the small-α estimate (12′). */
    PLATEAU_TIMING,
    /** A run of one's own settings ({@code PresetVariants.custom()}): the tracker's charts only. */
    NONE;

    /** 0: no snapshots; else the rank R of {@code stop-at=rank:R} whose stop the snapshots show. */
    private final int snapshotStopRank;

    Analysis() {
        this(0);
    }

    Analysis(int snapshotStopRank) {
        this.snapshotStopRank = snapshotStopRank;
    }

    /**
     * Whether the runner keeps products W(k) of each run for the analysis: at the rank-1 regime and where
     * {@code stop-at=rank:R}'s observed rule stops (docs/theory.md §8.1, §7.5); empty: none. Data, so that the runner
     * need not know the analysis classes.
     */
    public java.util.OptionalInt snapshotStopRank() {
        return snapshotStopRank == 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(snapshotStopRank);
    }
}
