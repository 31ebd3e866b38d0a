package org.dmflab.core.experiment.preset;

/**
 * What a preset shows beyond the tracker's three charts per run: its extra charts and its table of key numbers
 * (docs/theory.md §8.2, the paper's figures). A plain name, so that a preset's data does not depend on the code that
 * analyses it: {@code PresetAnalysis.of} maps each to the class that does it. The products W(k) an analysis shows are
 * named here too ({@link Snapshots}), as data the runner reads.
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
    MNIST_DENOISING(Snapshots.AT_EARLY_STOPPING);

    /** Which products W(k) of each run the runner keeps for the analysis. */
    public enum Snapshots {
        /** None. */
        NONE,
        /** At the rank-1 regime and where early stopping from the effective rank stops (docs/theory.md §8.1). */
        AT_EARLY_STOPPING
    }

    private final Snapshots snapshots;

    Analysis() {
        this(Snapshots.NONE);
    }

    Analysis(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Which products W(k) the analysis shows. */
    public Snapshots snapshots() {
        return snapshots;
    }
}
