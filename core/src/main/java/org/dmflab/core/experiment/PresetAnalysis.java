package org.dmflab.core.experiment;

import org.dmflab.core.spectrum.TrackResult;

/**
 * One preset's analysis (docs/theory.md §8.2, the paper's figures): reads the typed results and configurations of the
 * runs and says what the report adds beyond the tracker's three charts per run.
 */
interface PresetAnalysis {
    AnalysisOutput analyse(ExperimentRun run);

    /**
     * The iterations k whose products W(k) the analysis shows ({@link RunOutcome#snapshots()}), chosen from a run's
     * tracking; none by default.
     */
    default long[] snapshotIterations(TrackResult track) {
        return new long[0];
    }
}
