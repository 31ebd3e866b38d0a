package org.dmflab.core.experiment;

import java.util.function.Supplier;
import org.dmflab.core.spectrum.TrackResult;

/**
 * What a preset shows beyond the tracker's three charts per run: its extra charts and its table of key numbers
 * (docs/theory.md §8.2, the paper's figures). Each constant names the class that does it.
 */
public enum Analysis {
    /** Fig. 3/6(b): certified vs observed plateau intervals, hitting iterations vs k_exact. */
    PLATEAUS(PlateausAnalysis::new),
    /** Fig. 1/5: identity vs perturbed start; the negative eigenvalues of both runs in one chart with k_sign_change. */
    SPECTRUM_RECOVERY(SpectrumRecoveryAnalysis::new),
    /** Fig. 2: effective rank and loss of every depth in one chart each. */
    DEPTH(DepthAnalysis::new),
    /** Fig. 4: one eigenvalue's trajectory against the predicted counts as vertical markers. */
    SINGLE_EIGENVALUE(SingleEigenvalueAnalysis::new),
    /** Fig. 7: eigenvalue trajectories of gradient flow and descent over the time t = ηk. */
    FLOW_VS_DESCENT(FlowVsDescentAnalysis::new),
    /** Fig. 13: Gaussian starts with small and large σ; effective rank of both, order of learning. */
    RANDOM_INIT(RandomInitAnalysis::new),
    /** Section 4 idea: distance to the clean matrix, best rank-r benchmarks, early stopping. */
    DENOISING(DenoisingAnalysis::new),
    /** Matrix completion (docs/theory.md §8.3): final error against depth and number of observed entries. */
    COMPLETION_DEPTH(CompletionDepthAnalysis::new),
    /**
     * The paper's Section 4 (docs/theory.md §8.1, Figs. 8–12): MNIST ones with uniform noise, depths 1…4; training and
     * generalization error, best rank-r benchmarks, effective rank, early stopping, rows of W(k) as images.
     */
    MNIST_DENOISING(MnistDenoisingAnalysis::new),
    /** Razin and Cohen's 2×2 completion (docs/theory.md §7.5): norms grow while the effective rank falls. */
    NORMS_VS_RANK(NormsVsRankAnalysis::new),
    /** Remark 1.2: plateau entry and exit against log(1/α), with the small-α estimate (12′). */
    PLATEAU_TIMING(PlateauTimingAnalysis::new);

    private final Supplier<PresetAnalysis> implementation;

    Analysis(Supplier<PresetAnalysis> implementation) {
        this.implementation = implementation;
    }

    /** The iterations whose products W(k) this analysis needs from a run with this tracking (usually none). */
    long[] snapshotIterations(TrackResult track) {
        return implementation.get().snapshotIterations(track);
    }

    /** What this analysis adds to the report of {@code run}. */
    AnalysisOutput analyse(ExperimentRun run) {
        return implementation.get().analyse(run);
    }
}
