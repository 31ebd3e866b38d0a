package org.dmflab.core.experiment.run;

import org.dmflab.core.InvalidInputException;
import org.dmflab.core.Progress;
import org.dmflab.core.experiment.analysis.DenoisingCurve;
import org.dmflab.core.experiment.analysis.ExperimentOutput;
import org.dmflab.core.experiment.analysis.ExperimentReport;
import org.dmflab.core.experiment.preset.Analysis;
import org.dmflab.core.experiment.preset.ExperimentPreset;
import org.dmflab.core.experiment.preset.ExperimentPresets;
import org.dmflab.core.experiment.preset.RunSpec;
import org.dmflab.core.track.ObservedPlateau;
import org.dmflab.core.track.PlateauRun;
import org.dmflab.core.model.Trace;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.dmflab.core.model.Plateau;

/**
 * Every preset end to end (full iteration counts: all of them together take a few seconds): the promised files, the
 * report's contents, and what each experiment is meant to show, checked against the engines' independent truth.
 */
public class ExperimentRunnerTest {
    /** Each preset runs once per test JVM; the tests below share the results. */
    private static final Map<String, ExperimentRun> RUNS = new ConcurrentHashMap<>();
    private static final Map<String, ExperimentOutput> OUTPUTS = new ConcurrentHashMap<>();

    public static ExperimentRun run(String name) {
        return RUNS.computeIfAbsent(name, n -> ExperimentRunner.run(ExperimentPresets.named(n), Progress.NONE));
    }

    public static ExperimentOutput output(String name) {
        return OUTPUTS.computeIfAbsent(name, n -> ExperimentReport.of(run(n)));
    }

    /**
     * Presets of minutes (100×100 completion, 100×784 MNIST): their builders are tested on small instances in
     * CompletionDepthTest and MnistDenoisingTest;
     * the full runs are the measured reproductions of docs/results.md.
     */
    static final java.util.Set<String> MINUTES = java.util.Set.of("completion-depth", "mnist-denoising");

    public static Stream<String> presetNames() {
        return ExperimentPresets.entries().stream().map(ExperimentPresets.Entry::name).filter(name -> !MINUTES.contains(name));
    }

    @ParameterizedTest
    @MethodSource("presetNames")
    void writesEveryPromisedFile(String name) {
        ExperimentPreset preset = ExperimentPresets.named(name);
        ExperimentOutput output = output(name);
        List<String> expected = new ArrayList<>(List.of("matrix.csv", "spectrum.csv", "settings.csv"));
        List<String> charts = new ArrayList<>();
        for (RunSpec run : preset.runs()) {
            for (String table : List.of("trace", "product", "plateaus", "hitting")) {
                expected.add(preset.fileName(table, run, "csv"));
            }
            if (run.predict().isPresent()) {
                for (String table : List.of("bounds", "predicted-plateaus", "provenance")) {
                    expected.add(preset.fileName(table, run, "csv"));
                }
            }
            for (String chart : List.of("eigenvalues", "effective-rank", "loss")) {
                charts.add(preset.fileName(chart, run, "png"));
            }
        }
        assertThat(output.tables().keySet()).containsAll(expected);
        assertThat(output.charts().keySet()).containsAll(charts);
        // the analysis adds at least one chart of its own (beyond the tracker's three per run)
        assertThat(output.charts()).hasSizeGreaterThan(charts.size() - (preset.analysis() == Analysis.PLATEAUS ? 1 : 0));
        for (Map.Entry<String, byte[]> chart : output.charts().entrySet()) {
            BufferedImage image = png(chart.getValue());
            assertThat(image.getWidth()).as(chart.getKey()).isEqualTo(800);
            assertThat(image.getHeight()).as(chart.getKey()).isEqualTo(500);
        }
        output.tables().forEach((file, table) -> assertThat(table.rowCount()).as(file).isPositive());
    }

    @ParameterizedTest
    @MethodSource("presetNames")
    void reportInlinesEveryChartAndListsEverySetting(String name) {
        ExperimentPreset preset = ExperimentPresets.named(name);
        ExperimentOutput output = output(name);
        String html = new String(output.report(), StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> chart : output.charts().entrySet()) {
            assertThat(html).as(chart.getKey()).contains("data:image/png;base64,"
                    + Base64.getEncoder().encodeToString(chart.getValue()));
        }
        assertThat(html).doesNotContain("src=\"http").doesNotContain("<script");
        preset.groundTruth().forEach((key, value) -> assertThat(html).contains("generate: " + key + "</th><td>"
                + value + "<"));
        for (RunSpec run : preset.runs()) {
            run.train().forEach((key, value) -> assertThat(html).contains(run.title().replace("&", "&amp;")
                    + "]: " + key + "</th><td>" + value + "<"));
            run.track().forEach((key, value) -> assertThat(html).contains("]: " + key + "</th><td>" + value + "<"));
            run.predict().ifPresent(p -> p.forEach((key, value) -> assertThat(html).contains("predict [" + run.title()
                    + "]: " + key + "</th><td>" + value + "<")));
        }
        assertThat(html).contains("this project's derivations in the paper's framework");
    }

    /** Fig. 3: every certified interval (63′) of §8.2 lies inside the tracker's observed plateau for the same r. */
    @Test
    void plateausCertifiedIntervalsLieInsideTheObservedPlateaus() {
        ExperimentRun run = run("plateaus");
        Trace trace = run.runs().get(0).training().trace();
        long last = trace.iteration(trace.size() - 1);
        List<ObservedPlateau> plateaus = run.runs().get(0).track().plateaus();
        int certified = 0;
        for (ObservedPlateau plateau : plateaus) {
            Plateau predicted = plateau.predicted().orElseThrow();
            if (predicted.start().isEmpty()) {
                continue;
            }
            certified++;
            PlateauRun observed = plateau.observed().orElseThrow();
            long end = predicted.end().isPresent() ? predicted.end().getAsLong() : last;
            assertThat(observed.start()).as("r = %d", plateau.r()).isLessThanOrEqualTo(predicted.start().getAsLong());
            assertThat(observed.end()).as("r = %d", plateau.r()).isGreaterThanOrEqualTo(end);
        }
        // the observed runs belong to one level each (plateau-tolerance 0.015 < half the smallest level gap 1/32)
        for (int r = 1; r < plateaus.size(); r++) {
            assertThat(plateaus.get(r).observed().orElseThrow().start()).as("r = %d", r + 1)
                    .isGreaterThan(plateaus.get(r - 1).observed().orElseThrow().end());
        }
        // theory.md §8.2: [717,1177], [1365,2354], [2697,4712], [5424,9437], [11011,18925], [22502,∞)
        assertThat(certified).isEqualTo(6);
        assertThat(plateaus.get(0).predicted().get().start()).hasValue(717);
        assertThat(plateaus.get(4).predicted().get().end()).hasValue(18925);
        assertThat(new String(output("plateaus").report(), StandardCharsets.UTF_8))
                .contains("certified plateaus inside their observed runs</th><td>6 of 6<");
    }

    /** Fig. 1/5: the perturbed start recovers the negative eigenvalues, the identity start stays at λ₊ = 0. */
    @Test
    void spectrumRecoveryOnlyThePerturbedStartRecoversNegativeEigenvalues() {
        ExperimentRun run = run("spectrum-recovery");
        Trace identity = run.run("identity").training().trace();
        Trace perturbed = run.run("perturbed").training().trace();
        double[] target = run.truth().spectrum().values();
        int negatives = 0;
        for (int i = 0; i < target.length; i++) {
            if (target[i] < 0) {
                negatives++;
                assertThat(perturbed.lambda(perturbed.size() - 1, i)).as("λ_%d perturbed", i + 1)
                        .isCloseTo(target[i], org.assertj.core.api.Assertions.within(1e-3));
                for (int point = 0; point < identity.size(); point++) {
                    assertThat(identity.lambda(point, i)).as("λ_%d identity at k = %d", i + 1,
                            identity.iteration(point)).isGreaterThanOrEqualTo(0);
                }
            }
        }
        assertThat(negatives).isEqualTo(2);
        // the phase transition of each negative eigenvalue is predicted, and the crossing happens after it
        for (var bounds : run.run("perturbed").prediction().orElseThrow().bounds()) {
            assertThat(bounds.signChange().isPresent()).as("k_sign_change of λ_%d", bounds.index())
                    .isEqualTo(bounds.lambda() < 0);
        }
    }

    /**
     * Section 4 idea: early stopping beats the fully trained run and is as good as the best rank-3 approximation (within
     * 25 %: the learned signal eigenvalues are shrunk slightly and some noise has started to enter). The curve's last
     * value is checked against ‖product − Φ_clean‖_F computed directly from the trainer's final product: this confirms
     * the trace-based method of DenoisingCurve independently.
     */
    @Test
    void denoisingEarlyStoppingBeatsTheFullyTrainedRun() {
        ExperimentRun run = run("denoising");
        RunOutcome outcome = run.runs().get(0);
        DMatrixRMaj clean = run.clean().orElseThrow().matrix();
        DenoisingCurve curve = DenoisingCurve.of(run.truth().matrix(), clean, outcome.training().trace(), 5);
        DMatrixRMaj difference = outcome.training().product().copy();
        CommonOps_DDRM.subtractEquals(difference, clean);
        assertThat(curve.finalError()).isCloseTo(NormOps_DDRM.normF(difference),
                org.assertj.core.api.Assertions.within(1e-9));
        double rank3 = curve.benchmarks()[2];
        assertThat(curve.earlyStoppingError()).isLessThan(curve.finalError());
        assertThat(curve.earlyStoppingError()).isBetween(0.75 * rank3, 1.25 * rank3);
        assertThat(curve.bestBenchmarkRank()).isEqualTo(3);
        assertThat(curve.earlyStoppingIteration()).isPositive()
                .isLessThan(outcome.training().trace().iteration(outcome.training().trace().size() - 1));
    }

    /** The list ({@code --list}, built without running anything) says what each preset, once built, is. */
    @Test
    void listedNamesAndDescriptionsAreThoseOfTheBuiltPresets() {
        for (ExperimentPresets.Entry entry : ExperimentPresets.entries()) {
            ExperimentPreset preset = entry.preset();
            assertThat(preset.name()).isEqualTo(entry.name());
            assertThat(preset.description()).isEqualTo(entry.description());
        }
        assertThat(ExperimentPresets.entries()).hasSize(11);
    }

    /**
     * The analyses read the typed configuration: a denoising run whose init is left at its default (identity) is an
     * identity start (the settings text has no "init" key; reading it back as text used to refuse the run).
     */
    @Test
    void denoisingAcceptsTheDefaultStart() {
        ExperimentPreset preset = ExperimentPresets.named("denoising");
        RunSpec spec = preset.runs().get(0);
        Map<String, String> train = new java.util.LinkedHashMap<>(spec.train());
        assertThat(train.remove("init")).isEqualTo("identity");
        train.put("iterations", "2000");
        ExperimentPreset defaults = new ExperimentPreset(preset.name(), preset.description(), preset.figure(),
                preset.groundTruth(), preset.clean(), List.of(new RunSpec(spec.label(), spec.title(), train,
                spec.track(), spec.predict())), preset.analysis());
        ExperimentOutput output = ExperimentReport.of(ExperimentRunner.run(defaults, Progress.NONE));
        assertThat(output.tables()).containsKeys("error-clean.csv", "rank-benchmarks.csv");
        assertThat(output.summary()).anyMatch(line -> line.contains("best rank-3 approximation"));
    }

    /** Step sizes in labels are derived from the typed settings: the presets build them as 0.9, 0.5 and 1.9 × (10′). */
    @Test
    void stepLabelsAreDerivedFromTheSettings() {
        String recovery = new String(output("spectrum-recovery").report(), StandardCharsets.UTF_8);
        assertThat(recovery).contains("step size η = 0.9·(10′)</th><td>0.");
        assertThat(new String(output("depth").report(), StandardCharsets.UTF_8))
                .contains("Per depth: step size 0.5·(10′), final loss");
        assertThat(new String(output("flow-vs-descent").report(), StandardCharsets.UTF_8))
                .contains("at these step sizes (up to 1.9·(10′))");
    }

    @Test
    void unknownPresetIsBadInputNamingThePresets() {
        assertThatThrownBy(() -> ExperimentPresets.named("fig99")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("preset").hasMessageContaining("fig99")
                .hasMessageContaining(String.join(", ", presetNames().toList()));
    }

    @Test
    void sameSettingsGiveTheSameTables() {
        ExperimentRun again = ExperimentRunner.run(ExperimentPresets.named("random-init"), Progress.NONE);
        ExperimentOutput first = output("random-init");
        ExperimentOutput second = ExperimentReport.of(again);
        assertThat(second.tables().keySet()).isEqualTo(first.tables().keySet());
        first.tables().forEach((file, table) -> assertThat(cells(second.tables().get(file))).as(file)
                .isEqualTo(cells(table)));
    }

    /** Column names and every cell, in order (doubles compared bit for bit through their boxed equals). */
    private static List<Object> cells(org.dmflab.core.table.Table table) {
        List<Object> cells = new ArrayList<>(table.columnNames());
        for (int row = 0; row < table.rowCount(); row++) {
            for (int column = 0; column < table.columnCount(); column++) {
                cells.add(table.cell(row, column));
            }
        }
        return cells;
    }

    @Test
    void progressNeverGoesBackAndEndsAtOne() {
        List<Double> fractions = new ArrayList<>();
        ExperimentRunner.run(ExperimentPresets.named("spectrum-recovery"), new Progress() {
            @Override
            public void report(double fraction, String message) {
                fractions.add(fraction);
            }

            @Override
            public void checkCanceled() {
            }
        });
        assertThat(fractions).isNotEmpty().allMatch(f -> f >= 0 && f <= 1);
        for (int i = 1; i < fractions.size(); i++) {
            // 1e-12: the stages' shares are sums of doubles, equal up to rounding where one ends and the next begins
            assertThat(fractions.get(i)).as("report %d", i).isGreaterThanOrEqualTo(fractions.get(i - 1) - 1e-12);
        }
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
    }

    @Test
    void cancelStopsTheRun() {
        assertThatThrownBy(() -> ExperimentRunner.run(ExperimentPresets.named("plateaus"), new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public void checkCanceled() {
                throw new org.dmflab.core.RunCanceledException();
            }
        })).isInstanceOf(org.dmflab.core.RunCanceledException.class);
    }

    private static BufferedImage png(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
