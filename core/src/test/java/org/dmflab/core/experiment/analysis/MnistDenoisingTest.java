package org.dmflab.core.experiment.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.dmflab.core.Progress;
import org.dmflab.core.experiment.preset.DataSets;
import org.dmflab.core.experiment.preset.ExperimentPreset;
import org.dmflab.core.experiment.preset.ExperimentPresets;
import org.dmflab.core.experiment.run.EarlyStopping;
import org.dmflab.core.experiment.run.ExperimentRun;
import org.dmflab.core.experiment.run.ExperimentRunner;
import org.dmflab.core.experiment.run.RunOutcome;
import org.dmflab.core.linalg.RandomMatrices;
import org.dmflab.core.linalg.Spectra;
import org.dmflab.core.linalg.SymmetricEigen;
import org.dmflab.core.model.Trace;
import org.dmflab.core.table.Table;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

/** The mnist-denoising preset (docs/theory.md §8.1): its data, its benchmarks, its files on a small instance. */
class MnistDenoisingTest {
    /**
     * The shipped data against its README: 100 × 784 whole pixels 0 … 255; divided by 255 (as the preset's generator
     * does) in [0, 1] with singular values 56.40, 29.29, 16.78 (2 decimals).
     */
    @Test
    void theShippedImagesAreTheDocumentedOnes() {
        DMatrixRMaj pixels = DataSets.load(DataSets.MNIST_ONES, 100);
        assertThat(pixels.numRows).isEqualTo(100);
        assertThat(pixels.numCols).isEqualTo(784);
        for (double value : pixels.data) {
            assertThat(value).isBetween(0.0, 255.0).isEqualTo(Math.rint(value));
        }
        DMatrixRMaj x = org.dmflab.core.groundtruth.GroundTruthGenerator.generate(
                org.dmflab.core.groundtruth.GroundTruthSettings.parse(org.dmflab.core.settings.RawSettings.of(
                        ExperimentPresets.named("mnist-denoising").clean().orElseThrow()), java.util.Optional.of(pixels)))
                .matrix();
        for (int k = 0; k < x.data.length; k++) {
            assertThat(x.data[k]).isEqualTo(pixels.data[k] / 255);
        }
        double[] singular = Spectra.singularValues(x);
        assertThat(singular[0]).isCloseTo(56.40, within(0.005));
        assertThat(singular[1]).isCloseTo(29.29, within(0.005));
        assertThat(singular[2]).isCloseTo(16.78, within(0.005));
    }

    /**
     * The benchmarks ‖X̃_r − X‖_F against an independent construction: X̃_r = P_r X̃ with P_r the projection on the r
     * leading eigenvectors of X̃ X̃ᵀ (a symmetric eigensolver instead of an SVD); both are backward stable, so they
     * agree to ~1e-12 relative.
     */
    @Test
    void rankBenchmarksAgreeWithAnIndependentProjection() {
        DMatrixRMaj clean = RandomMatrices.gaussian(7, 11, 1.0, new Random(4));
        DMatrixRMaj noisy = clean.copy();
        CommonOps_DDRM.addEquals(noisy, RandomMatrices.gaussian(7, 11, 0.3, new Random(5)));
        double[] benchmarks = MnistDenoising.rankBenchmarks(noisy, clean, 7);
        DMatrixRMaj gram = new DMatrixRMaj(7, 7);
        CommonOps_DDRM.multTransB(noisy, noisy, gram);
        SymmetricEigen eigen = SymmetricEigen.of(gram);
        DMatrixRMaj vectors = eigen.vectors();
        for (int r = 1; r <= 7; r++) {
            DMatrixRMaj projection = new DMatrixRMaj(7, 7);
            for (int i = 0; i < r; i++) {
                for (int a = 0; a < 7; a++) {
                    for (int b = 0; b < 7; b++) {
                        projection.add(a, b, vectors.get(a, i) * vectors.get(b, i));
                    }
                }
            }
            DMatrixRMaj approximation = new DMatrixRMaj(7, 11);
            CommonOps_DDRM.mult(projection, noisy, approximation);
            CommonOps_DDRM.subtractEquals(approximation, clean);
            assertThat(benchmarks[r - 1]).as("r = %d", r).isCloseTo(NormOps_DDRM.normF(approximation),
                    within(1e-12 * NormOps_DDRM.normF(clean)));
        }
        // r = min(m, n) is the noisy matrix itself
        DMatrixRMaj noise = noisy.copy();
        CommonOps_DDRM.subtractEquals(noise, clean);
        assertThat(benchmarks[6]).isCloseTo(NormOps_DDRM.normF(noise), within(1e-12));
    }

    /** 12 images, depths 1 and 2, short runs: every promised file, and the curves equal to the traces. */
    @Test
    void smallInstanceWritesThePromisedFiles() {
        ExperimentPreset preset = ExperimentPresets.mnistDenoising(12, new long[]{400, 300});
        ExperimentRun run = ExperimentRunner.run(preset, Progress.NONE);
        ExperimentOutput output = ExperimentReport.of(run);
        assertThat(output.tables()).containsKeys("matrix.csv", "clean-matrix.csv", "rank-benchmarks.csv",
                "early-stopping.csv", "convergence.csv", "trace-n1.csv", "trace-n2.csv", "error-curve-n1.csv",
                "error-curve-n2.csv");
        assertThat(output.charts()).containsKeys("mnist-training-error.png", "mnist-generalization-error.png",
                "mnist-effective-rank.png", "mnist-digits.png", "eigenvalues-n2.png");
        Table benchmarks = output.tables().get("rank-benchmarks.csv");
        assertThat(benchmarks.columnNames()).containsExactly("rank", "error_clean");
        DMatrixRMaj clean = DataSets.load(DataSets.MNIST_ONES, 12);
        for (int k = 0; k < clean.data.length; k++) {
            clean.data[k] = clean.data[k] / 255; // the shipped pixels in [0, 1]
        }
        assertThat(run.clean().orElseThrow().matrix().data).containsExactly(clean.data);
        DMatrixRMaj noise = run.truth().matrix();
        CommonOps_DDRM.subtractEquals(noise, clean);
        for (double value : noise.data) {
            assertThat(value).isBetween(-0.5, 0.5);
        }
        for (RunOutcome outcome : run.runs()) {
            Trace trace = outcome.training().trace();
            Table curve = output.tables().get("error-curve-" + outcome.spec().label() + ".csv");
            assertThat(curve.columnNames()).containsExactly("iteration", "error_train", "error_clean",
                    "effective_rank");
            for (int point = 0; point < trace.size(); point++) {
                // the loss observes every noisy entry: √(2·loss) = ‖W − X̃‖_F, error_fro = ‖W − X‖_F
                assertThat(curve.doubleAt(point, 2)).isEqualTo(trace.errorFro(point));
                assertThat(curve.doubleAt(point, 1)).isCloseTo(Math.sqrt(2 * trace.loss(point)), within(1e-12));
            }
            DMatrixRMaj last = outcome.training().product();
            CommonOps_DDRM.subtractEquals(last, clean);
            assertThat(trace.errorFro(trace.size() - 1)).isCloseTo(NormOps_DDRM.normF(last), within(1e-9));
            // the snapshots, kept while the run recorded, are at the iterations the recorded run gives offline (least
            // effective rank, and where the observed rule stops when the run gets there): each matches the trace's
            // error there
            java.util.SortedSet<Long> offline = new java.util.TreeSet<>(List.of(
                    org.dmflab.core.experiment.run.EarlyStopping.rankOneIteration(outcome.track())));
            org.dmflab.core.experiment.run.EarlyStopping.observedStop(outcome.track(), MnistDenoising.STOP_RANK)
                    .ifPresent(offline::add);
            assertThat(outcome.snapshots().keySet()).containsExactlyElementsOf(offline);
            for (var snapshot : outcome.snapshots().entrySet()) {
                DMatrixRMaj at = snapshot.getValue().copy();
                CommonOps_DDRM.subtractEquals(at, clean);
                int point = List.of(java.util.Arrays.stream(trace.iterations()).boxed().toArray(Long[]::new))
                        .indexOf(snapshot.getKey());
                assertThat(NormOps_DDRM.normF(at)).isCloseTo(trace.errorFro(point), within(1e-9));
            }
        }
        assertThat(output.charts().get("mnist-digits.png")).isNotEmpty();
        // the files hold what the issue promises: matrix.csv = X̃, clean-matrix.csv = X (the shipped pixels / 255),
        // rank-benchmarks.csv = ‖X̃_r − X‖_F, and the report exists
        assertThat(values(output.tables().get("clean-matrix.csv"))).containsExactly(clean.data);
        assertThat(values(output.tables().get("matrix.csv"))).containsExactly(run.truth().matrix().data);
        double[] expected = MnistDenoising.rankBenchmarks(run.truth().matrix(), clean, 10);
        assertThat(benchmarks.rowCount()).isEqualTo(10);
        for (int r = 0; r < 10; r++) {
            assertThat(benchmarks.doubleAt(r, 0)).isEqualTo(r + 1);
            assertThat(benchmarks.doubleAt(r, 1)).isEqualTo(expected[r]);
        }
        assertThat(new String(output.report(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("mnist-generalization-error.png", "mnist-digits.png", "rank-benchmarks.csv");
    }

    /**
     * The runs train to the loss threshold with each depth's step 0.85·2/(N·‖X̃‖₂^{2−2/N}) (‖X̃‖₂ from an independent
     * SVD), and the convergence table says truthfully how each ended: N = 1 reaches the threshold (its step leaves
     * a factor 1 − η = −0.7 per step), N = 2 with a budget of 5 iterations does not, and says so.
     */
    @Test
    void runsTrainToTheThresholdOrSayThatTheBudgetEnded() {
        ExperimentPreset preset = ExperimentPresets.mnistDenoising(12, new long[]{400, 5});
        ExperimentRun run = ExperimentRunner.run(preset, Progress.NONE);
        double norm = Spectra.singularValues(run.truth().matrix())[0];
        MnistConvergence convergence = new MnistConvergence(run.runs(), run.truth().spectrum().values(),
                ExperimentPresets.MNIST_LOSS_THRESHOLD);
        Table table = convergence.table();
        assertThat(table.rowCount()).isEqualTo(2);
        for (int row = 0; row < 2; row++) {
            RunOutcome outcome = run.runs().get(row);
            int depth = row + 1;
            double step = ExperimentPresets.MNIST_STEP_FRACTION * 2 / (depth * Math.pow(norm, 2 - 2.0 / depth));
            assertThat(outcome.train().step()).isCloseTo(step, within(0.005 * step)); // written to 3 digits
            assertThat(table.doubleAt(row, 1)).isEqualTo(outcome.train().step());
            double finalLoss = outcome.training().finalLoss();
            Trace trace = outcome.training().trace();
            assertThat(table.doubleAt(row, 3)).isEqualTo(finalLoss).isEqualTo(trace.loss(trace.size() - 1));
            if (depth == 1) {
                assertThat(table.cell(row, 4)).isEqualTo("loss threshold");
                assertThat(finalLoss).isLessThanOrEqualTo(ExperimentPresets.MNIST_LOSS_THRESHOLD);
                assertThat(trace.loss(trace.size() - 2)).isGreaterThan(ExperimentPresets.MNIST_LOSS_THRESHOLD);
                assertThat((long) table.doubleAt(row, 5)).isEqualTo(outcome.training().iterations()).isLessThan(400);
                assertThat(table.doubleAt(row, 6)).isEqualTo(step(outcome) * outcome.training().iterations());
            } else {
                assertThat(table.cell(row, 4)).isEqualTo("budget");
                assertThat(outcome.training().iterations()).isEqualTo(5);
                assertThat(finalLoss).isGreaterThan(ExperimentPresets.MNIST_LOSS_THRESHOLD);
                assertThat(table.cell(row, 5)).isNull();
            }
        }
        // Fig. 9(a) draws the threshold the runs train to: ‖W − X̃‖_F = √(2·10⁻³)
        var markers = new MnistDenoising(run.runs(), run.truth().matrix(), run.clean().orElseThrow().matrix())
                .trainingErrors().getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND);
        assertThat(markers).extracting(m -> ((org.jfree.chart.plot.ValueMarker) m).getValue())
                .containsExactly(Math.sqrt(2 * ExperimentPresets.MNIST_LOSS_THRESHOLD));
        List<String> findings = convergence.findings();
        assertThat(findings.get(0)).startsWith("loss ≤ 1e-03 reached by N = 1; not reached by N = 2 (loss ")
                .contains("after its budget of 5");
        assertThat(findings.get(1)).contains("k = " + run.runs().get(0).training().iterations() + " / not reached");
    }

    /** The trend words: strictly falling with depth is "faster", strictly rising "slower", anything else neither. */
    @Test
    void trendsAreSaidAsTheyAre() {
        assertThat(MnistConvergence.trend(List.of(5.0, 3.0, 1.0))).startsWith("faster");
        assertThat(MnistConvergence.trend(List.of(1.0, 3.0, Double.POSITIVE_INFINITY))).startsWith("slower");
        assertThat(MnistConvergence.trend(List.of(1.0, 3.0, 2.0))).isEqualTo("not monotone");
        assertThat(MnistConvergence.trend(List.of(1.0, 1.0))).isEqualTo("not monotone");
    }

    private static double step(RunOutcome outcome) {
        return outcome.train().step();
    }

    /** A matrix table's cells, row by row. */
    private static double[] values(Table table) {
        double[] values = new double[table.rowCount() * table.columnCount()];
        for (int row = 0; row < table.rowCount(); row++) {
            for (int col = 0; col < table.columnCount(); col++) {
                values[row * table.columnCount() + col] = table.doubleAt(row, col);
            }
        }
        return values;
    }
}
