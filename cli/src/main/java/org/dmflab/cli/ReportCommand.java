package org.dmflab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dmflab.cli.io.ChartFiles;
import org.dmflab.cli.io.OutputDirectory;
import org.dmflab.cli.io.OutputManifest;
import org.dmflab.cli.io.SummaryJson;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.chart.TraceOverlays;
import org.dmflab.core.csv.CsvTableReader;
import org.dmflab.core.model.Trace;
import org.dmflab.core.report.HtmlReport;
import org.dmflab.core.track.TrackSchemas;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.Table;
import org.dmflab.core.table.TraceTables;
import org.dmflab.core.predict.PredictionTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dmflab report RUN…}: one report.html over output folders the user made with train, track and predict
 * (design.md §4): the train runs overlaid in three charts (loss, effective rank, singular values; the overlay of the
 * {@code depth} preset, {@link TraceOverlays}), each written as .png and .svg, and the tables of the track and predict
 * folders. An interrupted train run is named so in the legend and the table of runs.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write report.html for output folders of dmflab train, track and predict: the train runs' "
                + "loss, effective rank and singular values overlaid (charts also as .png and .svg), and the tables "
                + "of the track and predict folders."})
final class ReportCommand implements Callable<Integer> {
    /** Rows of a table shown in the report (the CSV files have all). */
    private static final int SHOWN_ROWS = 20;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "Output folders of dmflab train, track or predict.")
    List<Path> runs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (report.html, "
            + "loss, effective-rank and singular-values as .png and .svg, summary.json); written completely or not "
            + "at all.")
    Path out;

    @Mixin
    OutputOptions outputOptions;

    /** One folder named on the command line, with the command that wrote it. */
    private record Folder(Path path, String name, String command, Optional<String> interrupted) {
        String legend() {
            return interrupted.map(where -> name + " (interrupted " + where + ")").orElse(name);
        }
    }

    @Override
    public Integer call() throws Exception {
        List<Folder> folders = new ArrayList<>();
        for (Path run : runs) {
            folders.add(folder(run));
        }
        Path[] inputs = runs.stream().map(run -> run.resolve(OutputManifest.NAME)).toArray(Path[]::new);
        try (OutputDirectory output = outputOptions.open(out, inputs);
             StderrProgress progress = StderrProgress.of(spec, "report")) {
            HtmlReport report = new HtmlReport("DMF Lab report: " + folders.size()
                    + (folders.size() == 1 ? " output folder" : " output folders"));
            report.paragraph("Made by dmflab report from the folders listed below; every table shown is a CSV file "
                    + "in its folder, every chart is also a .png and an .svg file next to this report.");
            Map<String, Object> listed = new LinkedHashMap<>();
            List<TraceOverlays.Run> trained = new ArrayList<>();
            List<SummaryJson> summaries = new ArrayList<>();
            for (Folder folder : folders) {
                String status = folder.interrupted().map(where -> "interrupted " + where + " (Ctrl-C): "
                        + "its files hold the run up to there").orElse("written completely");
                if (folder.command().equals("dmflab train")) {
                    Trace trace = TraceTables.fromTable(CsvTableReader.read(folder.path().resolve("trace.csv"),
                            TrackCommand.TRACE_COLUMNS, "", progress), folder.path().resolve("trace.csv").toString());
                    trained.add(new TraceOverlays.Run(folder.legend(), trace));
                    int last = trace.size() - 1;
                    status += String.format(Locale.ROOT, "; last recorded iteration %d, loss %.6g, effective rank "
                            + "%.6g", trace.iteration(last), trace.loss(last), trace.effectiveRank(last));
                }
                listed.put(folder.name() + " (" + folder.command() + ")", status);
                summaries.add(SummaryJson.object().put("folder", folder.path().toString()).put("name", folder.name())
                        .put("command", folder.command()).put("interrupted", folder.interrupted().orElse(null)));
            }
            report.heading("Runs");
            report.keyValues(listed);
            List<String> charts = new ArrayList<>();
            if (!trained.isEmpty()) {
                report.heading("Charts");
                String names = String.join(", ", trained.stream().map(TraceOverlays.Run::name).toList());
                charts.add("loss");
                report.image("The " + TraceOverlays.lossLabel(trained) + " of each run over the iterations, "
                        + "log–log: " + names + " (loss.png, loss.svg)", ChartFiles.write(output, "loss",
                        TraceOverlays.losses("Loss of each run", trained)));
                charts.add("effective-rank");
                report.image("Effective rank ‖W‖∗ / ‖W‖₂ of each run's product: " + names
                                + " (effective-rank.png, effective-rank.svg)", ChartFiles.write(output,
                        "effective-rank", TraceOverlays.effectiveRanks("Effective rank of each run", trained)));
                charts.add("singular-values");
                report.image("Singular values of each run's product, one colour per run: " + names
                                + " (singular-values.png, singular-values.svg)", ChartFiles.write(output,
                        "singular-values", TraceOverlays.singularValues("Singular values of each run", trained)));
            }
            for (Folder folder : folders) {
                Map<String, List<Column>> tables = switch (folder.command()) {
                    case "dmflab track" -> Map.of("plateaus.csv", Schemas.PLATEAUS_OBSERVED, "hitting.csv",
                            TrackSchemas.HITTING);
                    case "dmflab predict" -> Map.of("bounds.csv", PredictionTables.BOUNDS, "plateaus.csv",
                            PredictionTables.PLATEAUS);
                    default -> Map.of();
                };
                if (!tables.isEmpty()) {
                    report.heading(folder.name() + " (" + folder.command() + ")");
                }
                for (String table : new java.util.TreeSet<>(tables.keySet()).descendingSet()) {
                    Table read = CsvTableReader.read(folder.path().resolve(table), tables.get(table), "", progress);
                    report.table(folder.name() + "/" + table, read, SHOWN_ROWS);
                }
            }
            Files.write(output.file("report.html"), report.bytes());
            SummaryJson.of("report").put("folders", summaries).put("charts", charts)
                    .writeTo(output.file(SummaryJson.NAME));
            output.commit();
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%d folders, %d train runs overlaid)%n",
                    output.finalFile("report.html"), folders.size(), trained.size());
        }
        return ExitCode.OK;
    }

    /** A folder DMF Lab's train, track or predict wrote, or a clear refusal. */
    private static Folder folder(Path run) {
        if (!Files.isDirectory(run)) {
            throw new InvalidInputException("RUN", run + " is not a folder; give output folders of dmflab train, "
                    + "track or predict");
        }
        OutputManifest manifest = OutputManifest.readFrom(run).orElseThrow(() -> new InvalidInputException("RUN",
                run + " has no " + OutputManifest.NAME + " file, so DMF Lab did not write it; give output folders of "
                        + "dmflab train, track or predict"));
        if (!List.of("dmflab train", "dmflab track", "dmflab predict").contains(manifest.command())) {
            throw new InvalidInputException("RUN", run + " was written by " + manifest.command() + "; dmflab report "
                    + "reads output folders of dmflab train, track or predict");
        }
        Path name = run.toAbsolutePath().normalize().getFileName();
        return new Folder(run, name == null ? run.toString() : name.toString(), manifest.command(),
                OutputManifest.interruption(run));
    }
}
