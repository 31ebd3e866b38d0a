package org.dmflab.core.experiment;

import org.dmflab.core.chart.ChartRenderer;
import org.dmflab.core.chart.TrackChartSet;
import org.dmflab.core.chart.TrackCharts;
import org.dmflab.core.report.HtmlReport;
import org.dmflab.core.spectrum.Hitting;
import org.dmflab.core.spectrum.ObservedPlateau;
import org.dmflab.core.spectrum.PlateauRun;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.MatrixTables;
import org.dmflab.core.theory.EigenvalueBounds;
import org.dmflab.core.theory.Prediction;
import org.dmflab.core.table.Table;
import org.dmflab.core.model.Trace;
import org.jfree.chart.JFreeChart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Turns an {@link ExperimentRun} into files: the stages' tables (generator, trainer, predictor, tracker), the tracker's
 * three charts per run, the preset's extra charts ({@link Analysis}), the key numbers, and report.html with everything
 * inline (charts as data URIs), every setting, and the provenance of the bounds (docs/theory.md §0).
 */
public final class ExperimentReport {
    /** Rows of a table shown in the report; the CSV files have them all. */
    private static final int SHOWN_ROWS = 25;

    private final ExperimentRun run;
    private final ExperimentPreset preset;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, byte[]> charts = new LinkedHashMap<>();
    private final Map<String, String> chartCaptions = new LinkedHashMap<>();
    private final Map<String, Object> keyNumbers = new LinkedHashMap<>();
    private final List<Table> keyTables = new ArrayList<>();
    private final List<String> keyTableCaptions = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    /** Row identifiers of the table being built by rowId() (reset for each table). */
    private int rowCounter;

    private ExperimentReport(ExperimentRun run) {
        this.run = run;
        this.preset = run.preset();
    }

    /** Builds every output of {@code run}. */
    public static ExperimentOutput of(ExperimentRun run) {
        return new ExperimentReport(run).build();
    }

    private ExperimentOutput build() {
        tables.put("matrix.csv", run.truth().matrixTable());
        tables.put("spectrum.csv", run.truth().spectrumTable());
        run.clean().ifPresent(clean -> {
            tables.put("clean-matrix.csv", clean.matrixTable());
            tables.put("clean-spectrum.csv", clean.spectrumTable());
        });
        switch (preset.analysis()) {
            case PLATEAUS -> plateaus();
            case SPECTRUM_RECOVERY -> spectrumRecovery();
            case DEPTH -> depth();
            case SINGLE_EIGENVALUE -> singleEigenvalue();
            case FLOW_VS_DESCENT -> flowVsDescent();
            case RANDOM_INIT -> randomInit();
            case DENOISING -> denoising();
            case COMPLETION_DEPTH -> completionDepth();
            case MNIST_DENOISING -> mnistDenoising();
            default -> throw new IllegalStateException("unknown analysis " + preset.analysis());
        }
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
                chart(preset.fileName(name, spec, "png"), set.all().get(c), trackCaption(name, spec));
            }
        }
        tables.put("settings.csv", settingsTable());
        return new ExperimentOutput(tables, charts, html().bytes(), summary());
    }

    // ---- analyses -----------------------------------------------------------------------------------------------

    private void plateaus() {
        RunOutcome outcome = run.runs().get(0);
        Table.Builder comparison = Table.builder(List.of(Column.of("r", ColumnType.INTEGER),
                Column.of("level", ColumnType.DOUBLE), Column.nullable("certified_start", ColumnType.LONG),
                Column.nullable("certified_end", ColumnType.LONG), Column.nullable("bound", ColumnType.DOUBLE),
                Column.nullable("observed_start", ColumnType.LONG), Column.nullable("observed_end", ColumnType.LONG),
                Column.of("certified_inside_observed", ColumnType.STRING)));
        int certified = 0;
        int inside = 0;
        long last = lastIteration(outcome.training().trace());
        for (ObservedPlateau plateau : outcome.track().plateaus()) {
            Long start = null;
            Long end = null;
            Double bound = null;
            if (plateau.predicted().isPresent() && plateau.predicted().get().start().isPresent()) {
                start = plateau.predicted().get().start().getAsLong();
                end = plateau.predicted().get().end().isPresent() ? plateau.predicted().get().end().getAsLong() : null;
                bound = plateau.predicted().get().bound().isPresent() ? plateau.predicted().get().bound().getAsDouble()
                        : null;
            }
            PlateauRun observed = plateau.observed().orElse(null);
            String verdict = "nothing certified";
            if (start != null) {
                certified++;
                boolean ok = observed != null && certifiedInside(start, end, observed, last);
                inside += ok ? 1 : 0;
                verdict = ok ? "yes" : start > last ? "beyond the run" : "NO";
            }
            comparison.addRow(plateau.r(), plateau.level(), start, end, bound,
                    observed == null ? null : observed.start(), observed == null ? null : observed.end(), verdict);
        }
        keyTable("Effective-rank plateaus: certified intervals (63′) with their bound (64′) against the observed runs "
                + "(|r_eff − level| ≤ plateau-tolerance; an open certified end is checked up to the last iteration)",
                comparison.build());
        Table.Builder hitting = Table.builder(List.of(Column.of("index", ColumnType.INTEGER),
                Column.of("lambda", ColumnType.DOUBLE), Column.nullable("k_hit_recorded", ColumnType.LONG),
                Column.nullable("k_exact", ColumnType.LONG), Column.nullable("k_lower", ColumnType.LONG),
                Column.nullable("k_upper", ColumnType.LONG)));
        Prediction prediction = outcome.prediction().orElseThrow();
        for (int i = 0; i < outcome.track().hittings().size(); i++) {
            Hitting hit = outcome.track().hittings().get(i);
            EigenvalueBounds bounds = prediction.bounds().get(i);
            hitting.addRow(hit.index(), hit.lambda(), boxed(hit.kHit()), boxed(bounds.exact()), boxed(bounds.lower()),
                    boxed(bounds.upper()));
        }
        keyTable("Hitting iterations: first recorded iteration within ε (tracker; the trace is recorded at log-spaced "
                + "iterations, so it is the first recorded point at or after the true hit) against k_exact of the "
                + "exact recursion and the rigorous bracket [k_lower, k_upper] of Theorem 2.4′", hitting.build());
        keyNumbers.put("certified plateaus inside their observed runs", inside + " of " + certified);
        keyNumbers.put("effective rank monotone after its first minimum", outcome.track().effectiveRankMonotone());
        keyNumbers.put("first minimum of the effective rank", String.format(Locale.ROOT, "%.6f at k = %d",
                outcome.track().monotonicity().firstMinimum(), outcome.track().monotonicity().firstMinimumIteration()));
        keyNumbers.put("step-size verdict", prediction.verdict().message());
        findings.add(inside + " of " + certified + " certified plateau intervals lie inside the observed plateaus.");
    }

    private void spectrumRecovery() {
        RunOutcome identity = run.run("identity");
        RunOutcome perturbed = run.run("perturbed");
        List<Integer> negative = ExperimentCharts.negativeIndices(identity.track().hittings());
        int[] indices = negative.stream().mapToInt(Integer::intValue).toArray();
        chart("negative-eigenvalues.png", ExperimentCharts.selectedEigenvalues("Negative eigenvalues: identity "
                        + "(solid) vs perturbed (dashed) start", List.of(identity, perturbed), indices, false),
                "The target's negative eigenvalues along their eigenvectors: the identity start keeps them at 0 "
                        + "(≥ 0 for all k), the perturbed start crosses zero at the predicted phase transition "
                        + "k_sign_change (46) and converges to them.");
        Table.Builder table = Table.builder(List.of(Column.of("index", ColumnType.INTEGER),
                Column.of("lambda", ColumnType.DOUBLE), Column.of("final_identity", ColumnType.DOUBLE),
                Column.of("final_perturbed", ColumnType.DOUBLE), Column.nullable("k_hit_perturbed", ColumnType.LONG),
                Column.nullable("k_exact_perturbed", ColumnType.LONG),
                Column.nullable("k_sign_change", ColumnType.LONG)));
        Trace a = identity.training().trace();
        Trace b = perturbed.training().trace();
        Prediction prediction = perturbed.prediction().orElseThrow();
        for (int i = 0; i < a.eigenCount(); i++) {
            EigenvalueBounds bounds = prediction.bounds().get(i);
            table.addRow(i + 1, bounds.lambda(), a.lambda(a.size() - 1, i), b.lambda(b.size() - 1, i),
                    boxed(perturbed.track().hittings().get(i).kHit()), boxed(bounds.exact()),
                    boxed(bounds.signChange()));
        }
        keyTable("Final eigenvalues of both runs and the perturbed run's phase transition (k_sign_change: first k with "
                + "the perturbed factor's eigenvalue below 0, exact recursion (40)/(41))", table.build());
        keyNumbers.put("step size η = 0.9·(10′)", Double.parseDouble(identity.spec().train().get("step")));
        keyNumbers.put("step-size verdict (perturbed)", prediction.verdict().message());
        findings.add("identity start: negative eigenvalues end at " + finals(a, indices) + "; perturbed start: "
                + finals(b, indices) + ".");
    }

    private void depth() {
        chart("depth-effective-rank.png", ExperimentCharts.effectiveRanks("Effective rank for depths N = 1…5",
                run.runs()), "Effective rank of W(k) for every depth: N = 1 moves all eigenvalues at once (no "
                + "plateaus), deeper factorizations learn one eigenvalue after the other with sharper steps.");
        chart("depth-loss.png", ExperimentCharts.losses("Loss for depths N = 1…5", run.runs()),
                "Loss of every depth on log–log axes: N = 1 decays exponentially from the start; for N ≥ 2 the loss "
                        + "falls in steps, one per eigenvalue, after a waiting time that grows with N.");
        Table.Builder table = Table.builder(List.of(Column.of("depth", ColumnType.INTEGER),
                Column.of("step", ColumnType.DOUBLE), Column.of("final_loss", ColumnType.DOUBLE),
                Column.of("final_effective_rank", ColumnType.DOUBLE), Column.nullable("k_hit_first", ColumnType.LONG),
                Column.nullable("k_exact_first", ColumnType.LONG), Column.nullable("k_hit_last", ColumnType.LONG),
                Column.nullable("k_exact_last", ColumnType.LONG)));
        for (RunOutcome outcome : run.runs()) {
            List<Hitting> hits = outcome.track().hittings();
            List<EigenvalueBounds> bounds = outcome.prediction().orElseThrow().bounds();
            table.addRow(Integer.parseInt(outcome.spec().train().get("depth")),
                    Double.parseDouble(outcome.spec().train().get("step")), outcome.training().finalLoss(),
                    outcome.training().finalEffectiveRank(), boxed(hits.get(0).kHit()), boxed(bounds.get(0).exact()),
                    boxed(hits.get(hits.size() - 1).kHit()), boxed(bounds.get(bounds.size() - 1).exact()));
        }
        keyTable("Per depth: step size ½·(10′), final loss and effective rank, first recorded iterations within ε of "
                + "the largest and the smallest eigenvalue (k_hit, log-spaced trace) and the exact recursion's k_exact", table.build());
    }

    private void singleEigenvalue() {
        RunOutcome outcome = run.runs().get(0);
        chart("single-eigenvalue.png", ExperimentCharts.singleEigenvalue(outcome), "The product eigenvalue x(k)^N: "
                + "a long flat stage near α^N, then a fast rise to λ (the two-stage behavior of Theorem 2.4′); "
                + "vertical lines: the predicted iteration counts.");
        EigenvalueBounds bounds = outcome.prediction().orElseThrow().bounds().get(0);
        keyNumbers.put("k_hit (tracker, every iteration recorded)", boxed(outcome.track().hittings().get(0).kHit()));
        keyNumbers.put("k_exact (recursion (18))", boxed(bounds.exact()));
        keyNumbers.put("k_lower (27′), rigorous", boxed(bounds.lower()));
        keyNumbers.put("k_upper (24′), rigorous", boxed(bounds.upper()));
        keyNumbers.put("k_flow (22′), estimate", bounds.flow().isPresent() ? bounds.flow().getAsDouble() : null);
        keyNumbers.put("k_asymptotic (12′), estimate of k_upper", bounds.asymptotic().isPresent()
                ? bounds.asymptotic().getAsDouble() : null);
        keyNumbers.put("regime", bounds.regime());
    }

    private void flowVsDescent() {
        chart("flow-vs-descent.png", ExperimentCharts.overTime("Gradient flow vs gradient descent over time t = ηk",
                run.runs()), "Every eigenvalue of every run against t = ηk: at these step sizes (up to "
                + "1.9·(10′)) descent follows the flow so closely that the curves lie on top of each other; the next "
                + "chart shows the differences.");
        chart("step-size-accuracy.png", ExperimentCharts.stepSizeAccuracy(run.runs()),
                "Time to ε-accuracy of each eigenvalue, relative to gradient flow, against the step size (the "
                + "smallest η is the flow run's step): the differences stay within a few per cent and vanish as η → 0 "
                + "(Lemma 2.7′). k_exact is a whole number, so each curve moves in steps of about 1/k_exact.");
        Table.Builder table = Table.builder(List.of(Column.of("run", ColumnType.STRING),
                Column.of("step", ColumnType.DOUBLE), Column.of("index", ColumnType.INTEGER),
                Column.of("lambda", ColumnType.DOUBLE), Column.nullable("k_hit", ColumnType.LONG),
                Column.nullable("t_hit", ColumnType.DOUBLE), Column.nullable("t_exact", ColumnType.DOUBLE),
                Column.nullable("t_flow", ColumnType.DOUBLE)));
        rowCounter = 0;
        for (RunOutcome outcome : run.runs()) {
            double step = Double.parseDouble(outcome.spec().train().get("step"));
            for (Hitting hit : outcome.track().hittings()) {
                EigenvalueBounds bounds = outcome.prediction().orElseThrow().bounds().get(hit.index() - 1);
                table.addRow(rowId(), outcome.spec().title(), step, hit.index(), hit.lambda(), boxed(hit.kHit()),
                        hit.kHit().isPresent() ? step * hit.kHit().getAsLong() : null,
                        bounds.exact().isPresent() ? step * bounds.exact().getAsLong() : null,
                        bounds.flow().isPresent() ? step * bounds.flow().getAsDouble() : null);
            }
        }
        keyTable("Time to ε-accuracy per eigenvalue and run: t_hit = η·k_hit (first recorded point), t_exact = η·k_exact "
                + "(exact recursion), t_flow = η·k_flow (gradient-flow time (22′), the same for every η)", table.build());
    }

    private void randomInit() {
        chart("random-init-effective-rank.png", ExperimentCharts.effectiveRanks("Effective rank: small vs large "
                        + "Gaussian start", run.runs()), "A small σ: after the first drop the effective rank climbs "
                + "through plateaus, one eigenvalue at a time, largest first (as for an identity start). A large σ: "
                + "about ten times faster, and the effective rank passes through no plateau — the eigenvalues are "
                + "learned in overlapping phases.");
        Table.Builder table = Table.builder(List.of(Column.of("index", ColumnType.INTEGER),
                Column.of("lambda", ColumnType.DOUBLE), Column.nullable("k_hit_small_sigma", ColumnType.LONG),
                Column.nullable("k_hit_large_sigma", ColumnType.LONG)));
        List<Hitting> small = run.runs().get(0).track().hittings();
        List<Hitting> large = run.runs().get(1).track().hittings();
        for (int i = 0; i < small.size(); i++) {
            // zero target eigenvalues (within rounding of the generated matrix) have nothing to learn
            if (Math.abs(small.get(i).lambda()) > 1e-9 * Math.abs(small.get(0).lambda())) {
                table.addRow(small.get(i).index(), small.get(i).lambda(), boxed(small.get(i).kHit()),
                        boxed(large.get(i).kHit()));
            }
        }
        keyTable("Order of learning: first recorded iteration within ε of each non-zero eigenvalue", table.build());
        keyNumbers.put("prediction", "none: the theory has no bounds for Gaussian starts (docs/theory.md §1.6), so the "
                + "predictor is not run");
        for (RunOutcome outcome : run.runs()) {
            keyNumbers.put("final loss, " + outcome.spec().title(), outcome.training().finalLoss());
            keyNumbers.put("final effective rank, " + outcome.spec().title(), outcome.training().finalEffectiveRank());
        }
    }

    private void denoising() {
        RunOutcome outcome = run.runs().get(0);
        if (!"identity".equals(outcome.spec().train().get("init"))) {
            throw new IllegalStateException("the denoising analysis needs an identity start (see DenoisingCurve)");
        }
        DenoisingCurve curve = DenoisingCurve.of(run.truth().matrix(), run.clean().orElseThrow().matrix(),
                outcome.training().trace(), 5);
        tables.put("error-clean.csv", curve.curveTable());
        tables.put("rank-benchmarks.csv", curve.benchmarkTable());
        chart("error-clean.png", ExperimentCharts.denoising(curve), "Distance of W(k) to the clean matrix while "
                + "training on the noisy one: it falls while the signal eigenvalues are learned and rises again as "
                + "the noise eigenvalues are fitted. Dashed: the best rank-r approximations of the noisy matrix.");
        keyNumbers.put("early-stopping iteration", curve.earlyStoppingIteration());
        keyNumbers.put("error at early stopping ‖W − Φ_clean‖_F", curve.earlyStoppingError());
        keyNumbers.put("error of the fully trained run", curve.finalError());
        keyNumbers.put("best rank-r approximation closest to Φ_clean", "r = " + curve.bestBenchmarkRank() + ": "
                + ExperimentCharts.number(curve.benchmarks()[curve.bestBenchmarkRank() - 1]));
        keyNumbers.put("‖noisy − clean‖_F", frobeniusDistance());
        keyNumbers.put("method", "W(k) = Ṽ diag(λ(k)) Ṽᵀ for an identity start on the noisy matrix Φ̃ = Ṽ Λ̃ Ṽᵀ "
                + "(Lemma 2.1), so ‖W(k) − Φ_clean‖_F follows exactly from the trace's lambda columns");
        keyTable("Best rank-r approximations of the noisy matrix: distance to the clean matrix", curve.benchmarkTable());
        findings.add(String.format(Locale.ROOT, "early stopping at k = %d: %.4f (fully trained %.4f, best rank-3 "
                        + "approximation %.4f)", curve.earlyStoppingIteration(), curve.earlyStoppingError(),
                curve.finalError(), curve.benchmarks()[2]));
    }

    // ---- report -------------------------------------------------------------------------------------------------

    private void completionDepth() {
        CompletionDepth analysis = new CompletionDepth(run.runs());
        Table table = analysis.table();
        tables.put("completion-depth.csv", table);
        chart("completion-depth.png", analysis.errorByDepth(), "Final relative error ‖W − Φ‖_F/‖Φ‖_F of each depth, "
                + "one line per number of observed entries M (the same rank-5 matrix; docs/theory.md §8.3). Below the "
                + "grey line (" + CompletionDepth.RECOVERED + ") the run counts as a recovery.");
        chart("completion-error.png", analysis.errorOverIterations(), "Relative error during training: colour = "
                + "depth, solid = the smaller M, dashed = the larger M.");
        keyTable("Per run: final relative error, error on the unobserved entries, loss on the observed ones, "
                + "effective rank, iterations run", table);
        findings.add(analysis.finding());
    }

    private void mnistDenoising() {
        MnistDenoising analysis = new MnistDenoising(run.runs(), run.truth().matrix(),
                run.clean().orElseThrow().matrix());
        tables.put("rank-benchmarks.csv", analysis.benchmarkTable());
        Table stopping = analysis.stoppingTable();
        tables.put("early-stopping.csv", stopping);
        for (RunOutcome outcome : run.runs()) {
            tables.put(preset.fileName("error-curve", outcome.spec(), "csv"), MnistDenoising.curveTable(outcome));
        }
        chart("mnist-training-error.png", analysis.trainingErrors(), "Fig. 9(a): training error ‖W(k) − X̃‖_F = "
                + "√(2·loss) of every depth on the noisy images.");
        chart("mnist-generalization-error.png", analysis.generalizationErrors(), "Fig. 9(b): distance of W(k) to "
                + "the clean images X; grey lines: the best rank-1, 2, 3 approximations of X̃; dashed verticals: early "
                + "stopping at the end of the longest effective-rank plateau r ≥ 2 (levels r_eff(X̃_r); the clean "
                + "images are not used).");
        chart("mnist-effective-rank.png", ExperimentCharts.effectiveRanks("Fig. 9(c): effective rank of W(k)",
                run.runs()), "Fig. 9(c): effective rank ‖W‖_*/‖W‖₂ of every depth; its plateaus sit at the levels "
                + "r_eff(X̃_r) of the noisy matrix.");
        charts.put("mnist-digits.png", analysis.digits());
        chartCaptions.put("mnist-digits.png", "Figs. 10–12: the first image (clean and noisy) and the first row of "
                + "W(k) reshaped to 28×28, at the least effective rank (rank-1 regime), at early stopping and at the "
                + "end; pixels clamped to [0, 1], 0 black.");
        keyTable("Best rank-r approximations X̃_r of the noisy images: distance ‖X̃_r − X‖_F to the clean ones",
                analysis.benchmarkTable());
        keyTable("Per depth: Gaussian start σ_N (E‖W(0)‖_F = 1 for every N), early stopping from the effective rank "
                + "(k_stop at the end of the plateau at level r) and its error ‖W − X‖_F, the least error over the run "
                + "(k_best, which needs the clean images) and the final error", stopping);
        keyNumbers.put("‖X̃ − X‖_F (the noise)", frobeniusDistance());
        findings.addAll(analysis.findings());
    }

    private HtmlReport html() {
        HtmlReport report = new HtmlReport("DMF Lab experiment: " + preset.name());
        report.paragraph(preset.description() + " (the paper's " + preset.figure() + ").");
        report.paragraph("Pipeline: Ground Truth Generator → Deep Factorization Trainer → Theoretical Bound Predictor → "
                + "Spectrum Tracker, with the settings listed below; every table shown here is also a CSV file next to "
                + "this report.");
        report.heading("Key numbers");
        Map<String, Object> numbers = new LinkedHashMap<>();
        for (RunOutcome outcome : run.runs()) {
            numbers.put("run: " + outcome.spec().title(), outcome.training().summary());
        }
        numbers.putAll(keyNumbers);
        report.keyValues(numbers);
        for (int t = 0; t < keyTables.size(); t++) {
            report.table(keyTableCaptions.get(t), keyTables.get(t), SHOWN_ROWS);
        }
        report.heading("Charts");
        for (Map.Entry<String, byte[]> chart : charts.entrySet()) {
            report.image(chartCaptions.get(chart.getKey()) + " (" + chart.getKey() + ")", chart.getValue());
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

    private List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add("experiment " + preset.name() + ": " + preset.description());
        for (RunOutcome outcome : run.runs()) {
            lines.add("  " + outcome.spec().title() + ": " + outcome.training().summary());
        }
        for (String finding : findings) {
            lines.add("  " + finding);
        }
        return lines;
    }

    private Table settingsTable() {
        rowCounter = 0;
        Table.Builder table = Table.builder(List.of(Column.of("stage", ColumnType.STRING),
                Column.of("run", ColumnType.STRING), Column.of("key", ColumnType.STRING),
                Column.of("value", ColumnType.STRING)));
        preset.groundTruth().forEach((key, value) -> table.addRow(rowId(), "generate", "", key, value));
        preset.clean().ifPresent(clean -> clean.forEach((key, value) -> table.addRow(rowId(), "generate-clean", "", key, value)));
        for (RunSpec spec : preset.runs()) {
            spec.observations().ifPresent(count -> table.addRow(rowId(), "generate", spec.label(), "observations",
                    count));
            spec.train().forEach((key, value) -> table.addRow(rowId(), "train", spec.label(), key, value));
            spec.predict().ifPresent(p -> p.forEach((key, value) -> table.addRow(rowId(), "predict", spec.label(), key, value)));
            spec.track().forEach((key, value) -> table.addRow(rowId(), "track", spec.label(), key, value));
        }
        return table.build();
    }

    private void chart(String file, JFreeChart chart, String caption) {
        charts.put(file, ChartRenderer.png(chart, ChartRenderer.DEFAULT_WIDTH, ChartRenderer.DEFAULT_HEIGHT));
        chartCaptions.put(file, caption);
    }

    private void keyTable(String caption, Table table) {
        keyTableCaptions.add(caption);
        keyTables.add(table);
    }

    private String trackCaption(String name, RunSpec spec) {
        String which = preset.runs().size() == 1 ? "" : ", " + spec.title();
        return switch (name) {
            case "eigenvalues" -> "Eigenvalues of W(k) along the target's eigenvectors" + which
                    + "; dashed: the target's eigenvalues";
            case "effective-rank" -> "Effective rank of W(k)" + which + "; dashed: the plateau levels r_eff(Φ_r)"
                    + (run.runs().stream().anyMatch(o -> o.prediction().isPresent() && o.spec().equals(spec))
                    ? "; shaded: the certified intervals (63′)" : "");
            default -> "Loss and Frobenius error" + which;
        };
    }

    private static Map<String, String> withPrefix(String prefix, Map<String, String> settings) {
        Map<String, String> prefixed = new LinkedHashMap<>();
        settings.forEach((key, value) -> prefixed.put(prefix + ": " + key, value));
        return prefixed;
    }

    private double frobeniusDistance() {
        var difference = run.truth().matrix().copy();
        org.ejml.dense.row.CommonOps_DDRM.subtractEquals(difference, run.clean().orElseThrow().matrix());
        return org.ejml.dense.row.NormOps_DDRM.normF(difference);
    }

    static boolean certifiedInside(long start, Long end, PlateauRun observed, long lastIteration) {
        long certifiedEnd = end == null ? lastIteration : Math.min(end, lastIteration);
        return start >= observed.start() && certifiedEnd <= observed.end();
    }

    private static long lastIteration(Trace trace) {
        return trace.iteration(trace.size() - 1);
    }

    private static String finals(Trace trace, int[] indices) {
        List<String> values = new ArrayList<>();
        for (int index : indices) {
            values.add(String.format(Locale.ROOT, "λ%d = %.6f", index + 1, trace.lambda(trace.size() - 1, index)));
        }
        return String.join(", ", values);
    }

    /** KNIME's default row identifier; explicit because a first String cell would be taken for it. */
    private String rowId() {
        return "Row" + rowCounter++;
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
