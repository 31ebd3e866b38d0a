package org.dmflab.core.experiment.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmflab.core.chart.ChartRenderer;
import org.dmflab.core.chart.TrackChartSet;
import org.dmflab.core.chart.TrackCharts;
import org.dmflab.core.experiment.preset.ExperimentPreset;
import org.dmflab.core.experiment.preset.RunSpec;
import org.dmflab.core.experiment.run.ExperimentRun;
import org.dmflab.core.experiment.run.RunOutcome;
import org.dmflab.core.report.HtmlReport;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.MatrixTables;
import org.dmflab.core.table.Table;
import org.jfree.chart.JFreeChart;

/**
 * Turns an {@link ExperimentRun} into files: the stages' tables (generator, trainer, predictor, tracker), the tracker's
 * three charts per run, the preset's extra charts and key numbers (its {@link org.dmflab.core.experiment.preset.Analysis}, one class per preset), and
 * report.html with everything inline (charts as data URIs), every setting, and the provenance of the bounds
 * (docs/theory.md §0).
 */
public final class ExperimentReport {
    /** Rows of a table shown in the report; the CSV files have them all. */
    private static final int SHOWN_ROWS = 25;

    private ExperimentReport() {
    }

    /** Builds every output of {@code run}. */
    public static ExperimentOutput of(ExperimentRun run) {
        ExperimentPreset preset = run.preset();
        AnalysisOutput analysis = PresetAnalysis.of(preset.analysis()).analyse(run);
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("matrix.csv", run.truth().matrixTable());
        tables.put("spectrum.csv", run.truth().spectrumTable());
        run.clean().ifPresent(clean -> {
            tables.put("clean-matrix.csv", clean.matrixTable());
            tables.put("clean-spectrum.csv", clean.spectrumTable());
        });
        tables.putAll(analysis.tables());
        List<AnalysisOutput.Figure> figures = new ArrayList<>(analysis.charts());
        for (RunOutcome outcome : run.runs()) {
            RunSpec spec = outcome.spec();
            tables.put(preset.fileName("trace", spec, "csv"), outcome.training().traceTable());
            tables.put(preset.fileName("product", spec, "csv"), MatrixTables.toTable(outcome.training().product()));
            tables.put(preset.fileName("plateaus", spec, "csv"), outcome.track().plateausTable());
            tables.put(preset.fileName("hitting", spec, "csv"), outcome.track().hittingTable());
            outcome.prediction().ifPresent(prediction -> {
                tables.put(preset.fileName("bounds", spec, "csv"), prediction.boundsTable());
                tables.put(preset.fileName("predicted-plateaus", spec, "csv"), prediction.plateausTable());
                tables.put(preset.fileName("provenance", spec, "csv"), prediction.provenanceTable());
            });
            TrackChartSet set = TrackCharts.all(outcome.track());
            for (int c = 0; c < TrackChartSet.NAMES.size(); c++) {
                String name = TrackChartSet.NAMES.get(c);
                figures.add(new AnalysisOutput.Figure(preset.fileName(name, spec, "png"), set.all().get(c),
                        trackCaption(run, name, outcome)));
            }
        }
        tables.put("settings.csv", settingsTable(preset));
        Map<String, byte[]> charts = new LinkedHashMap<>();
        Map<String, JFreeChart> drawings = new LinkedHashMap<>();
        for (AnalysisOutput.Figure figure : figures) {
            if (figure.chart() != null) {
                drawings.put(figure.file(), figure.chart());
            }
            charts.put(figure.file(), figure.chart() == null ? figure.image() : ChartRenderer.png(figure.chart(),
                    ChartRenderer.DEFAULT_WIDTH,
                    ChartRenderer.DEFAULT_HEIGHT));
        }
        return new ExperimentOutput(tables, charts, html(run, analysis, tables, figures, charts).bytes(),
                summary(run, analysis), drawings);
    }

    private static HtmlReport html(ExperimentRun run, AnalysisOutput analysis, Map<String, Table> tables,
                                   List<AnalysisOutput.Figure> figures, Map<String, byte[]> charts) {
        ExperimentPreset preset = run.preset();
        HtmlReport report = new HtmlReport("DMF Lab experiment: " + preset.name());
        report.paragraph(preset.description() + (preset.figure().isEmpty() ? "." : " (" + preset.figureSource()
                + ")."));
        boolean predicted = run.runs().stream().anyMatch(outcome -> outcome.prediction().isPresent());
        report.paragraph("Pipeline: Ground Truth Generator → Deep Factorization Trainer → "
                + (predicted ? "Theoretical Bound Predictor → " : "") + "Spectrum Tracker, with the settings listed "
                + "below" + (predicted ? "" : " (no predictor stage in this preset)")
                + "; every table shown here is also a CSV file next to this report.");
        report.heading("Key numbers");
        Map<String, Object> numbers = new LinkedHashMap<>();
        for (RunOutcome outcome : run.runs()) {
            numbers.put("run: " + outcome.spec().title(), outcome.training().summary());
        }
        numbers.putAll(analysis.keyNumbers());
        report.keyValues(numbers);
        for (AnalysisOutput.KeyTable keyTable : analysis.keyTables()) {
            report.table(keyTable.caption(), keyTable.table(), SHOWN_ROWS);
        }
        report.heading("Charts");
        for (AnalysisOutput.Figure figure : figures) {
            report.image(figure.caption() + " (" + figure.file() + ")", charts.get(figure.file()));
        }
        report.heading("Tables");
        for (RunOutcome outcome : run.runs()) {
            report.table("Hitting iterations, " + outcome.spec().title(), outcome.track().hittingTable(), SHOWN_ROWS);
            if (outcome.prediction().isPresent()) {
                report.table("Predicted bounds, " + outcome.spec().title(), outcome.prediction().get().boundsTable(),
                        SHOWN_ROWS);
            }
        }
        report.heading("Settings");
        report.keyValues(withPrefix("generate", preset.groundTruth()));
        preset.clean().ifPresent(clean -> report.keyValues(withPrefix("generate (clean reference)", clean)));
        for (RunSpec spec : preset.runs()) {
            Map<String, String> all = new LinkedHashMap<>();
            spec.observations().ifPresent(count -> all.put("generate [" + spec.title() + "]: observations", count));
            all.putAll(withPrefix("train [" + spec.title() + "]", spec.train()));
            spec.predict().ifPresent(p -> all.putAll(withPrefix("predict [" + spec.title() + "]", p)));
            all.putAll(withPrefix("track [" + spec.title() + "]", spec.track()));
            report.keyValues(all);
        }
        report.heading("Provenance");
        report.paragraph("References such as docs/theory.md §0 point at the mathematical notes of the DMF Lab "
                + "project (docs/theory.md in its source repository, next to the README). The paper's displayed "
                + "formulas could not be recovered (docs/theory.md §0). The step-size "
                + "conditions, iteration bounds and plateau intervals used here are this project's derivations in the "
                + "paper's framework (primed equation numbers such as (24′), (63′)): proved where marked DERIVED, "
                + "numerically validated where marked CONJ; provenance.csv says for every predicted column which kind "
                + "of number it is. k_exact and k_sign_change come from the exact decoupled recursions (18) and "
                + "(40)/(41), which are gradient descent in exact arithmetic. The experiment parameters follow "
                + "docs/theory.md §8.2 where it proposes them; the paper's own figure parameters are unrecovered.");
        report.paragraph("Files: " + String.join(", ", tables.keySet()) + ", " + String.join(", ", charts.keySet())
                + ", " + ExperimentOutput.REPORT + ".");
        return report;
    }

    private static List<String> summary(ExperimentRun run, AnalysisOutput analysis) {
        List<String> lines = new ArrayList<>();
        lines.add("experiment " + run.preset().name() + ": " + run.preset().description());
        for (RunOutcome outcome : run.runs()) {
            lines.add("  " + outcome.spec().title() + ": " + outcome.training().summary());
        }
        for (String finding : analysis.findings()) {
            lines.add("  " + finding);
        }
        return lines;
    }

    private static Table settingsTable(ExperimentPreset preset) {
        Table.Builder table = Table.builder(List.of(Column.of("stage", ColumnType.STRING),
                Column.of("run", ColumnType.STRING), Column.of("key", ColumnType.STRING),
                Column.of("value", ColumnType.STRING)));
        preset.groundTruth().forEach((key, value) -> table.addRow("generate", "", key, value));
        preset.clean().ifPresent(clean -> clean.forEach((key, value) -> table.addRow("generate-clean", "", key,
                value)));
        for (RunSpec spec : preset.runs()) {
            spec.observations().ifPresent(count -> table.addRow("generate", spec.label(), "observations", count));
            spec.train().forEach((key, value) -> table.addRow("train", spec.label(), key, value));
            spec.predict().ifPresent(p -> p.forEach((key, value) -> table.addRow("predict", spec.label(), key,
                    value)));
            spec.track().forEach((key, value) -> table.addRow("track", spec.label(), key, value));
        }
        return table.build();
    }

    private static String trackCaption(ExperimentRun run, String name, RunOutcome outcome) {
        String which = run.runs().size() == 1 ? "" : ", " + outcome.spec().title();
        return TrackCharts.caption(name, outcome.track(), which);
    }

    private static Map<String, String> withPrefix(String prefix, Map<String, String> settings) {
        Map<String, String> prefixed = new LinkedHashMap<>();
        settings.forEach((key, value) -> prefixed.put(prefix + ": " + key, value));
        return prefixed;
    }
}
