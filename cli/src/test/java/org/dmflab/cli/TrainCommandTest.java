package org.dmflab.cli;

import org.dmflab.core.loss.LossKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dmflab.core.Progress;
import org.dmflab.core.csv.CsvTableReader;
import org.dmflab.core.model.Trace;
import org.dmflab.core.table.Table;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.TraceTables;
import org.dmflab.core.train.TrainSettings;
import org.junit.jupiter.api.BeforeEach;
import org.dmflab.cli.io.SvgText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    Path dir;

    Path target;

    @BeforeEach
    void generate() {
        CliRun run = CliRun.of("generate", "--spectrum", "3,1.5,0.8,-0.5", "--seed", "4", "--measurements", "30",
                "--out", dir.resolve("gt").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        target = dir.resolve("gt").resolve("matrix.csv");
    }

    @Test
    void quickStartWritesTraceAndProduct() throws IOException {
        Path out = dir.resolve("run");
        CliRun run = CliRun.of("train", "--target", target.toString(), "--depth", "3", "--step", "0.01", "--init",
                "identity", "--alpha", "0.02", "--iterations", "20000", "--record", "log:100", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("solver spectral, 20000 iterations").contains("final loss")
                .contains("effective rank").hasLineCount(1);
        Trace trace = TraceTables.fromTable(CsvTableReader.read(out.resolve("trace.csv"),
                GenerateCommandTest.byName(Schemas.traceColumnsUpTo(4)), "r", Progress.NONE),
                "trace.csv");
        assertThat(trace.iteration(0)).isZero();
        assertThat(trace.iteration(trace.size() - 1)).isEqualTo(20_000);
        assertThat(trace.eigenCount()).isEqualTo(4);
        // identity start: the negative eigenvalue is not learned (limit 0), the positive ones are
        assertThat(trace.lambda(trace.size() - 1, 0)).isCloseTo(3, within(1e-6));
        assertThat(trace.lambda(trace.size() - 1, 3)).isBetween(0.0, 0.01);
        Table product = CsvTableReader.read(out.resolve("product.csv"), Map.of(), "r", Progress.NONE);
        assertThat(product.columnNames()).containsExactly("c1", "c2", "c3", "c4");
        assertThat(product.rowCount()).isEqualTo(4);
    }

    /**
     * {@code --stop-at rank:2} on the identity start (certified: the predictor's k_start of rank 2): product.csv is the
     * product at that iteration (byte-equal to a run with that budget and the same recorded iterations), the trace
     * ends there, summary.json says where, by which rule and why, and stderr says so in one line.
     */
    @Test
    void stopAtRankWritesTheProductAtTheStop() throws IOException {
        Path out = dir.resolve("stopped");
        CliRun run = CliRun.of("train", "--target", target.toString(), "--alpha", "0.02", "--iterations", "20000",
                "--record", "every:1", "--stop-at", "rank:2", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("(stopped at rank 2, certified rule)").hasLineCount(1);
        var summary = Summaries.read(out);
        assertThat(summary.get("stop_reason").asText()).isEqualTo("rank");
        long k = summary.get("iterations").asLong();
        assertThat(summary.get("stop").get("rule").asText()).isEqualTo("certified");
        assertThat(summary.get("stop").get("stopped").asBoolean()).isTrue();
        assertThat(summary.get("stop").get("iteration").asLong()).isEqualTo(k);
        assertThat(summary.get("stop").get("reason").asText()).startsWith("stopped at k = " + k + " = k_start");
        assertThat(run.err()).startsWith("dmflab train: stop-at=rank:2: stopped at k = " + k).hasLineCount(1);
        CliRun predict = CliRun.of("predict", "--spectrum", dir.resolve("gt").resolve("spectrum.csv").toString(),
                "--alpha", "0.02", "--out", dir.resolve("predicted").toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> plateaus = Files.readAllLines(dir.resolve("predicted").resolve("plateaus.csv"));
        int startColumn = List.of(plateaus.get(0).split(",")).indexOf("k_start");
        assertThat(plateaus.get(2).split(",")[startColumn]).as("the predictor's k_start of r = 2")
                .isEqualTo(Long.toString(k));
        Path budget = dir.resolve("budget");
        assertThat(CliRun.of("train", "--target", target.toString(), "--alpha", "0.02", "--iterations",
                Long.toString(k), "--record", "every:1", "--out", budget.toString()).exitCode()).isZero();
        for (String file : List.of("trace.csv", "product.csv")) {
            assertThat(Files.readAllBytes(out.resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(budget.resolve(file)));
        }
    }

    @Test
    void stopAtRefusesBadTextInOneLine() {
        CliRun run = CliRun.of("train", "--target", target.toString(), "--stop-at", "rank:0", "--out",
                dir.resolve("bad").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("dmflab train: stop-at: rank:R needs a whole rank R ≥ 1").hasLineCount(1);
        assertThat(dir.resolve("bad")).doesNotExist();
    }

    /**
     * A sensing run records its loss in trace.csv, and the charts of {@code track} and {@code report} over it name the
     * measurement loss, never ½‖W − Φ‖² (which its curve is not).
     */
    @Test
    void sensingLossTrainsOnTheMeasurementsAndItsChartsSaySo() throws Exception {
        Path out = dir.resolve("sensing");
        CliRun run = CliRun.of("train", "--target", target.toString(), "--measurements",
                dir.resolve("gt").resolve("measurements.csv").toString(), "--loss", "sensing", "--init", "perturbed",
                "--alpha", "0.3", "--step", "0.05", "--iterations", "3000", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("solver matrix,");
        List<String> trace = Files.readAllLines(out.resolve("trace.csv"));
        assertThat(trace.get(0)).endsWith(",init,loss_kind");
        assertThat(trace.get(1)).endsWith(",perturbed,sensing");
        Path tracked = dir.resolve("sensing-track");
        assertThat(CliRun.of("track", "--trace", out.resolve("trace.csv").toString(), "--out", tracked.toString())
                .exitCode()).isZero();
        Path report = dir.resolve("sensing-report");
        assertThat(CliRun.of("report", out.toString(), "--out", report.toString()).exitCode()).isZero();
        String label = LossKind.SENSING.label();
        for (Path chart : List.of(tracked.resolve("loss.svg"), report.resolve("loss.svg"))) {
            List<String> texts = SvgText.of(Files.readString(chart));
            assertThat(texts).as(chart.toString()).anyMatch(text -> text.contains(label))
                    .noneMatch(text -> text.contains("½‖W − Φ‖²"));
        }
        assertThat(Files.readString(report.resolve("report.html"))).contains("The " + label + " of each run")
                .doesNotContain("½‖W − Φ‖²");
    }

    /**
     * --factors writes the final factors: their product, formed here, is product.csv (relative 1e-12), the shapes are
     * W₁ width×n, W₂ width×width, W₃ n×width with the narrower ones' extra cells empty, and the determinant condition
     * holds for the start (one step: the sign cannot change from W(0) at this small η). Without --factors no file.
     */
    @Test
    void factorsOptionWritesTheFactorsWhoseProductIsTheProduct() throws IOException {
        Path out = dir.resolve("factors");
        CliRun run = CliRun.of("train", "--target", target.toString(), "--solver", "matrix", "--init", "gaussian",
                "--seed", "3", "--sigma", "0.3", "--determinant", "negative", "--width", "6", "--iterations", "1",
                "--step", "1e-6", "--factors", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Table factors = CsvTableReader.read(out.resolve("factors.csv"), GenerateCommandTest.byName(Schemas.factors(6)),
                "f", Progress.NONE);
        assertThat(factors.columnNames()).containsExactly("factor", "row", "c1", "c2", "c3", "c4", "c5", "c6");
        org.ejml.data.DMatrixRMaj[] w = new org.ejml.data.DMatrixRMaj[]{new org.ejml.data.DMatrixRMaj(6, 4),
                new org.ejml.data.DMatrixRMaj(6, 6), new org.ejml.data.DMatrixRMaj(4, 6)};
        int[] rowsOf = new int[3];
        for (int r = 0; r < factors.rowCount(); r++) {
            int f = ((Number) factors.cell(r, 0)).intValue() - 1;
            int i = ((Number) factors.cell(r, 1)).intValue() - 1;
            rowsOf[f]++;
            for (int j = 0; j < 6; j++) {
                Object cell = factors.cell(r, j + 2);
                if (j < w[f].numCols) {
                    w[f].set(i, j, ((Number) cell).doubleValue());
                } else {
                    assertThat(cell).as("factor %d row %d c%d", f + 1, i + 1, j + 1).isNull();
                }
            }
        }
        assertThat(rowsOf).containsExactly(6, 6, 4);
        org.ejml.data.DMatrixRMaj inner = new org.ejml.data.DMatrixRMaj(6, 4);
        org.ejml.dense.row.CommonOps_DDRM.mult(w[1], w[0], inner);
        org.ejml.data.DMatrixRMaj product = new org.ejml.data.DMatrixRMaj(4, 4);
        org.ejml.dense.row.CommonOps_DDRM.mult(w[2], inner, product);
        Table written = CsvTableReader.read(out.resolve("product.csv"), Map.of(), "p", Progress.NONE);
        double scale = org.ejml.dense.row.NormOps_DDRM.normF(product);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(((Number) written.cell(i, j)).doubleValue()).isCloseTo(product.get(i, j),
                        within(1e-12 * scale));
            }
        }
        assertThat(org.ejml.dense.row.CommonOps_DDRM.det(product)).isNegative();
        assertThat(CliRun.of("train", "--target", target.toString(), "--iterations", "10", "--out",
                dir.resolve("plain").toString()).exitCode()).isZero();
        assertThat(dir.resolve("plain").resolve("factors.csv")).doesNotExist();
    }

    @Test
    void sameSettingsGiveByteIdenticalOutput() throws IOException {
        for (String name : List.of("a", "b")) {
            assertThat(CliRun.of("train", "--target", target.toString(), "--solver", "matrix", "--init", "gaussian",
                    "--seed", "3", "--sigma", "0.1", "--iterations", "500", "--step", "0.05", "--out",
                    dir.resolve(name).toString()).exitCode()).isZero();
        }
        for (String file : List.of("trace.csv", "product.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file)))
                    .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
        }
    }

    @Test
    void badInputExitsWithTwoAndNamesTheOption() {
        CliRun run = CliRun.of("train", "--target", target.toString(), "--depth", "0", "--out",
                dir.resolve("x").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).startsWith("dmflab train: depth: ").hasLineCount(1);
        assertThat(Files.exists(dir.resolve("x"))).isFalse();

        CliRun sensing = CliRun.of("train", "--target", target.toString(), "--loss", "sensing", "--out",
                dir.resolve("y").toString());
        assertThat(sensing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(sensing.err()).contains("loss: ");
    }

    @Test
    void divergenceExitsWithThreeAndOneLine() {
        CliRun run = CliRun.of("train", "--target", target.toString(), "--alpha", "1", "--step", "1",
                "--iterations", "1000", "--out", dir.resolve("d").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("train: warning: step: ").contains("diverged at iteration")
                .contains("admissible step size");
        assertThat(run.err().lines().filter(l -> l.contains("diverged"))).hasSize(1);
        assertThat(Files.exists(dir.resolve("d"))).isFalse();
    }

    @Test
    void helpDocumentsEveryOption() {
        CliRun run = CliRun.of("train", "--help");
        assertThat(run.exitCode()).isZero();
        for (String key : TrainSettings.KEYS) {
            assertThat(run.out()).contains("--" + key);
        }
        assertThat(run.out()).contains("--target").contains("--measurements").contains("--out");
        // every option's help is its declaration's: the engine's help text and default, not retyped text
        // (compared without white space: the help wraps lines wherever it likes)
        String help = run.out().replaceAll("\\s+", "");
        for (org.dmflab.core.settings.Setting setting : TrainSettings.SETTINGS) {
            assertThat(help).contains(setting.help().replaceAll("\\s+", ""))
                    .contains(("Default: " + setting.defaultText() + ".").replaceAll("\\s+", ""));
        }
    }

    /** Typed options: a value of the wrong type is refused before the engine runs, naming the option. */
    @Test
    void aValueOfTheWrongTypeNamesTheOption() {
        CliRun run = CliRun.of("train", "--target", target.toString(), "--depth", "three", "--out",
                dir.resolve("t").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--depth").contains("three").hasLineCount(1);
        assertThat(Files.exists(dir.resolve("t"))).isFalse();
    }
}
