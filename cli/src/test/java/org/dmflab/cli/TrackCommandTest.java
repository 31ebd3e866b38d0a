package org.dmflab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.model.TracePoint;
import org.dmflab.core.Progress;
import org.dmflab.core.csv.CsvTableReader;
import org.dmflab.core.csv.CsvTableWriter;
import org.dmflab.core.model.RankMeasures;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.dmflab.core.model.Trace;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.MatrixTables;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.SpectrumTables;
import org.dmflab.core.table.Table;
import org.dmflab.core.table.TraceTables;
import org.dmflab.core.theory.ScalarRecursion;
import org.ejml.data.DMatrixRMaj;
import org.dmflab.cli.io.OutputManifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackCommandTest {
    /** theory.md §8.2 (Figs. 3/6(b)): Λ = diag(8,4,2,1,0.5,0.25), N = 3, α = 0.02, η = 0.01. */
    private static final double[] LAMBDA = {8, 4, 2, 1, 0.5, 0.25};

    @TempDir
    static Path dir;
    private static Path traceFile;
    private static Path matrixFile;
    private static Path spectrumFile;

    @BeforeAll
    static void writeInputs() throws IOException {
        traceFile = dir.resolve("trace.csv");
        CsvTableWriter.write(TraceTables.toTable(identicalStartTrace(25_000, 10)), traceFile, Progress.NONE);
        DMatrixRMaj phi = new DMatrixRMaj(6, 6);
        for (int i = 0; i < 6; i++) {
            phi.set(i, i, LAMBDA[i]);
        }
        matrixFile = dir.resolve("matrix.csv");
        CsvTableWriter.write(MatrixTables.toTable(phi), matrixFile, Progress.NONE);
        spectrumFile = dir.resolve("spectrum.csv");
        CsvTableWriter.write(SpectrumTables.toTable(new Spectrum(LAMBDA, SpectrumKind.EIGENVALUE)), spectrumFile,
                Progress.NONE);
    }

    @AfterEach
    void removeOutput() throws IOException {
        Path out = dir.resolve("t");
        if (Files.exists(out)) {
            try (Stream<Path> files = Files.list(out)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(out);
        }
    }

    private static Map<String, Column> byName(List<Column> columns) {
        Map<String, Column> map = new LinkedHashMap<>();
        columns.forEach(column -> map.put(column.name(), column));
        return map;
    }

    /** The exact identical-start run (18), recording every {@code every}-th iteration, as the trainer writes it. */
    private static Trace identicalStartTrace(long iterations, int every) {
        double[] x = new double[6];
        Arrays.fill(x, 0.02);
        Trace.Builder builder = Trace.builder(6, 6);
        for (long k = 0; k <= iterations; k++) {
            if (k % every == 0) {
                double[] product = new double[6];
                double squares = 0;
                double operator = 0;
                for (int i = 0; i < 6; i++) {
                    product[i] = ScalarRecursion.power(x[i], 3);
                    squares += (product[i] - LAMBDA[i]) * (product[i] - LAMBDA[i]);
                    operator = Math.max(operator, Math.abs(product[i] - LAMBDA[i]));
                }
                // every product eigenvalue is positive and they stay in the order of Λ, so σ = product as given
                builder.add(k, TracePoint.of(product, product).with(TraceMetric.TIME, 0.01 * k).with(TraceMetric.LOSS, 0.5 * squares).with(TraceMetric.ERROR_FRO, Math.sqrt(squares)).with(TraceMetric.ERROR_OP, operator).with(TraceMetric.EFFECTIVE_RANK, RankMeasures.effectiveRank(product)).with(TraceMetric.STABLE_RANK, RankMeasures.stableRank(product)));
            }
            for (int i = 0; i < 6; i++) {
                x[i] = ScalarRecursion.identicalStep(x[i], LAMBDA[i], 0.01, 3);
            }
        }
        return builder.build();
    }

    @Test
    void writesTablesAndChartsAndASummary() throws Exception {
        Path out = dir.resolve("t");
        CliRun run = CliRun.of("track", "--trace", traceFile.toString(), "--target", matrixFile.toString(), "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("plateaus.csv",
                    "hitting.csv", "eigenvalues.png", "effective-rank.png", "loss.png", "eigenvalues.svg", "effective-rank.svg",
                    "loss.svg", "summary.json", OutputManifest.NAME);
        }
        List<String> plateaus = Files.readAllLines(out.resolve("plateaus.csv"));
        // no predicted plateaus given: no predicted interval and bound columns
        assertThat(plateaus.get(0)).isEqualTo("r,level,observed_start,observed_end,recording,stop_observed");
        assertThat(plateaus).hasSize(7);
        assertThat(plateaus.get(1)).startsWith("1,1.0,").contains(",no prediction,");
        List<String> hitting = Files.readAllLines(out.resolve("hitting.csv"));
        assertThat(hitting.get(0)).isEqualTo("index,lambda,limit,k_hit,outcome");
        // exact first hitting iterations 633, 1265, … (numpy, see SpectrumTrackerTest), recorded every 10th step:
        // the first recorded iteration at or after them
        assertThat(hitting.subList(1, 7)).containsExactly("1,8.0,8.0,640,learned", "2,4.0,4.0,1270,learned",
                "3,2.0,2.0,2540,learned", "4,1.0,1.0,5080,learned", "5,0.5,0.5,10200,learned",
                "6,0.25,0.25,20500,learned");
        for (String png : List.of("eigenvalues.png", "effective-rank.png", "loss.png")) {
            BufferedImage image = ImageIO.read(out.resolve(png).toFile());
            assertThat(image.getWidth()).isEqualTo(800);
            assertThat(image.getHeight()).isEqualTo(500);
        }
        // the SVG twins: XML with the axis label as text, and the same bytes from a second run
        Path again = dir.resolve("again");
        assertThat(CliRun.of("track", "--trace", traceFile.toString(), "--target", matrixFile.toString(), "--out",
                again.toString()).exitCode()).isZero();
        for (String chart : List.of("eigenvalues", "effective-rank", "loss")) {
            String svg = Files.readString(out.resolve(chart + ".svg"));
            assertThat(org.dmflab.cli.io.SvgText.of(svg)).as(chart).anyMatch(text -> text.startsWith("iteration k"));
            assertThat(Files.readAllBytes(again.resolve(chart + ".svg"))).isEqualTo(svg.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(run.out()).contains("effective rank monotone after its first minimum").contains(": yes")
                .contains("6 of 6 values within");
    }

    @Test
    void spectrumAndPredictionAreUsedWhenGiven() throws IOException {
        Path predicted = dir.resolve("predicted.csv");
        Files.writeString(predicted, "r,level,k_start,k_end,bound\n1,1.0,717,1177,0.0351\n2,1.5,1365,2354,0.0352\n"
                + "3,1.75,,,\n");
        Path out = dir.resolve("t");
        CliRun run = CliRun.of("track", "--trace", traceFile.toString(), "--spectrum", spectrumFile.toString(),
                "--predicted", predicted.toString(), "--epsilon", "0.001", "--plateau-tolerance", "0.0351",
                "--log-x", "false", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Table plateaus = CsvTableReader.read(out.resolve("plateaus.csv"), byName(Schemas.PLATEAUS_OBSERVED), "", Progress.NONE);
        assertThat(plateaus.rowCount()).isEqualTo(6);
        // tolerance 0.0351 = the (64′) bound of r=1: its observed run contains the certified [717, 1177]
        assertThat((Long) plateaus.cell(0, 5)).isLessThanOrEqualTo(717L);
        assertThat((Long) plateaus.cell(0, 6)).isGreaterThanOrEqualTo(1177L);
        List<String> lines = Files.readAllLines(out.resolve("plateaus.csv"));
        assertThat(lines.get(1)).startsWith("1,1.0,717,1177,0.0351,");
        assertThat(lines.get(3)).startsWith("3,1.75,,,,");
    }

    @Test
    void badInputEndsWithExitTwoAndOneLineAndNoOutput() throws IOException {
        Path broken = dir.resolve("broken.csv");
        List<String> lines = Files.readAllLines(traceFile);
        Files.write(broken, lines.stream().map(line -> line.substring(line.indexOf(',') + 1)).toList());
        Path out = dir.resolve("t");
        CliRun missing = CliRun.of("track", "--trace", broken.toString(), "--out", out.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("missing column iteration").endsWith("\n");
        assertThat(missing.err().lines().count()).isEqualTo(1);
        assertThat(Files.exists(out)).isFalse();

        DMatrixRMaj small = new DMatrixRMaj(new double[][]{{2, 0}, {0, 1}});
        Path smallFile = dir.resolve("small.csv");
        CsvTableWriter.write(MatrixTables.toTable(small), smallFile, Progress.NONE);
        CliRun size = CliRun.of("track", "--trace", traceFile.toString(), "--target", smallFile.toString(), "--out",
                out.toString());
        assertThat(size.exitCode()).isEqualTo(2);
        assertThat(size.err()).contains("2 eigenvalues").contains("6 lambda_ columns");

        CliRun epsilon = CliRun.of("track", "--trace", traceFile.toString(), "--epsilon", "1.5", "--out",
                out.toString());
        assertThat(epsilon.exitCode()).isEqualTo(2);
        assertThat(epsilon.err()).startsWith("dmflab track: epsilon: ");

        CliRun both = CliRun.of("track", "--trace", traceFile.toString(), "--target", matrixFile.toString(),
                "--spectrum", spectrumFile.toString(), "--out", out.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void unsortedIterationsAreRejectedNamingTheRow() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(traceFile));
        String third = lines.get(3);
        lines.set(3, lines.get(2));
        lines.set(2, third);
        Path unsorted = dir.resolve("unsorted.csv");
        Files.write(unsorted, lines);
        CliRun run = CliRun.of("track", "--trace", unsorted.toString(), "--out", dir.resolve("t").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        // the data row 3 is line 4 of the file (line numbers are the one numbering scheme of every message)
        assertThat(run.err()).contains("unsorted.csv, line 4: iteration 10 comes after 20");
    }

    @Test
    void schemaOfTheHittingTableIsTheTrackersOwn() throws IOException {
        Path out = dir.resolve("t");
        assertThat(CliRun.of("track", "--trace", traceFile.toString(), "--out", out.toString()).exitCode()).isZero();
        assertThat(Files.readAllLines(out.resolve("hitting.csv"))).containsExactly("index,lambda,limit,k_hit,outcome");
        assertThat(Files.readAllLines(out.resolve("plateaus.csv"))).containsExactly(
                String.join(",", Schemas.plateausObserved(false).stream().map(c -> c.name()).toList()));
    }
}
