package org.dmflab.core.experiment;

/**
 * One preset's analysis (docs/theory.md §8.2, the paper's figures): reads the typed results and configurations of the
 * runs and says what the report adds beyond the tracker's three charts per run.
 */
interface PresetAnalysis {
    AnalysisOutput analyse(ExperimentRun run);
}
