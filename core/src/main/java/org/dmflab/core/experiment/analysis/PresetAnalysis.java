package org.dmflab.core.experiment.analysis;

import org.dmflab.core.experiment.preset.Analysis;
import org.dmflab.core.experiment.run.ExperimentRun;

/**
 * One preset's analysis (docs/theory.md §8.2, the paper's figures): reads the typed results and configurations of the
 * runs and says what the report adds beyond the tracker's three charts per run.
 */
interface PresetAnalysis {
    AnalysisOutput analyse(ExperimentRun run);

    /** The class that does the analysis {@code analysis} names. */
    static PresetAnalysis of(Analysis analysis) {
        return switch (analysis) {
            case PLATEAUS -> new PlateausAnalysis();
            case SPECTRUM_RECOVERY -> new SpectrumRecoveryAnalysis();
            case DEPTH -> new DepthAnalysis();
            case SINGLE_EIGENVALUE -> new SingleEigenvalueAnalysis();
            case FLOW_VS_DESCENT -> new FlowVsDescentAnalysis();
            case RANDOM_INIT -> new RandomInitAnalysis();
            case DENOISING -> new DenoisingAnalysis();
            case COMPLETION_DEPTH -> new CompletionDepthAnalysis();
            case MNIST_DENOISING -> new MnistDenoisingAnalysis();
            case NORMS_VS_RANK -> new NormsVsRankAnalysis();
            case PLATEAU_TIMING -> new PlateauTimingAnalysis();
            case NONE -> run -> AnalysisOutput.builder().build();
        };
    }
}
