package org.dmflab.core.experiment.preset;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A reproducible experiment as data: the generator's settings, the runs (trainer, tracker, predictor settings), and
 * which analysis the report adds. Every setting is docs/design.md §3 text, parsed by the engines' own parsers, so a preset
 * runs exactly what the corresponding {@code dmflab generate | train | predict | track} commands would.
 *
 * @param name        the {@code --preset} name
 * @param description one line for {@code --list} and the report
 * @param figure      the paper's figure(s) it reproduces, for the report; a figure from elsewhere ends with
 *                    {@value #NOT_IN_THE_PAPER}
 * @param groundTruth Ground Truth Generator settings of the target the runs train on
 * @param clean       settings of a noise-free reference target (denoising only): same seed, no noise
 * @param runs        at least one run
 * @param analysis    the extra charts and key numbers
 * @param input       a data set shipped with the engine ({@link DataSets}) and how many of its rows: the generator's
 *                    input matrix, which is then also the clean reference; empty for generated targets
 */
public record ExperimentPreset(String name, String description, String figure, Map<String, String> groundTruth,
                               Optional<Map<String, String>> clean, List<RunSpec> runs, Analysis analysis,
                               Optional<DataInput> input) {

    /** The end of {@code figure} for an experiment that reproduces another paper's figure. */
    public static final String NOT_IN_THE_PAPER = ", not in the paper";

    /** A bundled data set as the generator's input: its name and the number of rows (samples) used. */
    public record DataInput(String dataSet, int rows) {
    }

    /** A preset on a generated target. */
    public ExperimentPreset(String name, String description, String figure, Map<String, String> groundTruth,
                            Optional<Map<String, String>> clean, List<RunSpec> runs, Analysis analysis) {
        this(name, description, figure, groundTruth, clean, runs, analysis, Optional.empty());
    }

    public ExperimentPreset {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(figure, "figure");
        groundTruth = RunSpec.frozen(groundTruth);
        clean = clean.map(RunSpec::frozen);
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("preset " + name + " has no runs");
        }
        if (runs.stream().map(RunSpec::label).distinct().count() != runs.size()) {
            throw new IllegalArgumentException("preset " + name + " has two runs with the same label");
        }
        Objects.requireNonNull(analysis, "analysis");
    }

    /** The figure as a reader's phrase: "the paper's Fig. 2", or the other source as named ("…, not in the paper"). */
    public String figureSource() {
        return figure.endsWith(NOT_IN_THE_PAPER) ? figure : "the paper's " + figure;
    }

    /** File name of a per-run output: {@code base.ext} for a single run, {@code base-label.ext} otherwise. */
    public String fileName(String base, RunSpec run, String extension) {
        return runs.size() == 1 ? base + "." + extension : base + "-" + run.label() + "." + extension;
    }
}
