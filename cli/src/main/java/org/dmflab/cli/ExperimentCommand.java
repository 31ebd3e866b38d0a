package org.dmflab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dmflab.cli.io.ChartFiles;
import org.dmflab.cli.io.OutputDirectory;
import org.dmflab.core.chart.ChartRenderer;
import org.jfree.chart.JFreeChart;
import java.nio.charset.StandardCharsets;
import org.dmflab.cli.io.SummaryJson;
import org.dmflab.core.csv.CsvTableWriter;
import org.dmflab.core.experiment.analysis.ExperimentOutput;
import org.dmflab.core.experiment.preset.ExperimentPreset;
import org.dmflab.core.experiment.preset.ExperimentPresets;
import org.dmflab.core.experiment.analysis.ExperimentReport;
import org.dmflab.core.experiment.run.ExperimentRun;
import org.dmflab.core.experiment.run.ExperimentRunner;
import org.dmflab.core.experiment.run.RunOutcome;
import org.dmflab.core.experiment.preset.PresetVariants;
import org.dmflab.core.experiment.preset.SettingOverride;
import org.dmflab.core.Progress;
import java.io.IOException;
import org.dmflab.core.table.Table;
import org.dmflab.core.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dmflab experiment}: runs a preset (one of the paper's figures) through generate → train → predict → track and
 * writes every table, every chart and a self-contained report.html, all or nothing (docs/design.md §4).
 */
@Command(name = "experiment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reproduce one of the paper's figures: generate a target, train, predict and track, and write "
                + "the tables, the charts (PNG and SVG) and a self-contained report.html.",
                "Presets: see --list."})
final class ExperimentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME", description = "The experiment; default "
            + ExperimentPresets.DEFAULT + ". --list shows them all.")
    String preset = ExperimentPresets.DEFAULT;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory, written completely or not at "
            + "all; default dmflab-results.")
    Path out = Path.of("dmflab-results");

    @Option(names = "--set", paramLabel = "STAGE.KEY=VALUE", description = "Change one setting of the preset, e.g. "
            + "train.depth=4 or generate.seed=3: STAGE is generate, train, predict or track, KEY any of its settings "
            + "(docs/design.md §3), checked by that stage. Repeatable; recorded in settings.csv and the report. "
            + "With --preset " + PresetVariants.CUSTOM + ": one run of these settings.")
    List<String> overrides = new ArrayList<>();

    @Mixin
    OutputOptions outputOptions;

    @Option(names = "--list", description = "List the presets with a one-line description and exit.")
    boolean list;

    /** The key numbers (design.md §4): each run's end, and the files written. */
    private static SummaryJson summary(ExperimentRun run, ExperimentOutput output) {
        List<SummaryJson> runs = new ArrayList<>();
        for (RunOutcome outcome : run.runs()) {
            TrainingResult training = outcome.training();
            runs.add(SummaryJson.object().put("label", outcome.spec().label()).put("title", outcome.spec().title())
                    .put("solver", training.solver().key()).put("iterations", training.iterations())
                    .put("stop_reason", training.stopReason().name().toLowerCase(Locale.ROOT))
                    .put("final_loss", training.finalLoss())
                    .put("final_effective_rank", training.finalEffectiveRank()));
        }
        return SummaryJson.of("experiment").put("preset", run.preset().name()).put("runs", runs)
                .put("description", run.preset().description())
                .put("lines", output.summary()).put("tables", List.copyOf(output.tables().keySet()))
                .put("charts", List.copyOf(output.charts().keySet()));
    }

    /** The preset called {@code name} ({@link PresetVariants#CUSTOM}: one's own run) with {@code overrides} applied. */
    static ExperimentPreset variant(String name, List<SettingOverride> overrides) {
        ExperimentPreset base = name.equals(PresetVariants.CUSTOM) ? PresetVariants.custom()
                : ExperimentPresets.named(name);
        return PresetVariants.apply(base, overrides);
    }

    /**
     * Writes every file of {@code run} into {@code directory} (not committed): the tables, each chart as PNG and SVG,
     * report.html and summary.json. The sweep writes its points through this, so a point holds the same bytes as
     * {@code dmflab experiment} with the same settings.
     */
    static ExperimentOutput write(ExperimentRun run, OutputDirectory directory, Progress progress) throws IOException {
        ExperimentOutput output = ExperimentReport.of(run);
        for (Map.Entry<String, Table> table : output.tables().entrySet()) {
            CsvTableWriter.write(table.getValue(), directory.file(table.getKey()), progress);
        }
        for (Map.Entry<String, byte[]> chart : output.charts().entrySet()) {
            Files.write(directory.file(chart.getKey()), chart.getValue());
        }
        for (Map.Entry<String, JFreeChart> drawing : output.drawings().entrySet()) {
            String svg = drawing.getKey().replaceFirst("\\.png$", ".svg");
            Files.writeString(directory.file(svg), ChartFiles.svg(drawing.getValue(), ChartRenderer.DEFAULT_WIDTH,
                    ChartRenderer.DEFAULT_HEIGHT), StandardCharsets.UTF_8);
        }
        Files.write(directory.file(ExperimentOutput.REPORT), output.report());
        summary(run, output).writeTo(directory.file(SummaryJson.NAME));
        return output;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        if (list) {
            for (ExperimentPresets.Entry each : ExperimentPresets.entries()) {
                stdout.printf(Locale.ROOT, "%-18s %s%n", each.name(), each.description());
            }
            stdout.printf(Locale.ROOT, "%-18s %s%n", PresetVariants.CUSTOM, PresetVariants.custom().description());
            return ExitCode.OK;
        }
        ExperimentPreset chosen = variant(preset, overrides.stream().map(text -> SettingOverride.parse(text, "set"))
                .toList());
        try (OutputDirectory directory = outputOptions.open(out);
             StderrProgress progress = StderrProgress.of(spec, "experiment")) {
            ExperimentRun run = ExperimentRunner.run(chosen, progress);
            ExperimentOutput output = write(run, directory, progress);
            directory.commit();
            output.summary().forEach(stdout::println);
            stdout.printf(Locale.ROOT, "wrote %s (%d tables, %d charts, %s)%n", directory.finalFile(""), output.tables().size(),
                    output.charts().size(), ExperimentOutput.REPORT);
        }
        return ExitCode.OK;
    }
}
