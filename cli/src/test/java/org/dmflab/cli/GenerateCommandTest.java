package org.dmflab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dmflab.core.Progress;
import org.dmflab.core.csv.CsvTableReader;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path dir;

    @Test
    void quickStartWritesMatrixAndSpectrumAsDesignSays() throws IOException {
        Path out = dir.resolve("gt");
        CliRun run = CliRun.of("generate", "--spectrum", "8,4,2,1,-1", "--seed", "7", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();

        List<String> matrixLines = Files.readAllLines(out.resolve("matrix.csv"));
        assertThat(matrixLines.get(0)).isEqualTo("c1,c2,c3,c4,c5");
        assertThat(matrixLines).hasSize(6);
        for (String line : matrixLines.subList(1, 6)) {
            for (String cell : line.split(",")) {
                assertThat(Double.toString(Double.parseDouble(cell))).isEqualTo(cell);
            }
        }

        List<String> spectrumLines = Files.readAllLines(out.resolve("spectrum.csv"));
        assertThat(spectrumLines.get(0)).isEqualTo("index,value,kind");
        Table spectrum = CsvTableReader.read(out.resolve("spectrum.csv"), byName(Schemas.SPECTRUM), "Row", Progress.NONE);
        double[] expected = {8, 4, 2, 1, -1};
        for (int i = 0; i < 5; i++) {
            assertThat(spectrum.cell(i, 0)).isEqualTo(i + 1);
            assertThat(spectrum.doubleAt(i, 1)).isCloseTo(expected[i], within(1e-10 * 8));
            assertThat(spectrum.cell(i, 2)).isEqualTo("eigenvalue");
        }
        assertThat(Files.exists(out.resolve("measurements.csv"))).isFalse();
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("gt");
        }
    }

    @Test
    void sameSeedGivesByteIdenticalFiles() throws IOException {
        String[] common = {"generate", "--spectrum", "geometric:8,0.5,6", "--n", "8", "--seed", "3", "--noise",
                "gaussian:0.01", "--symmetrize-noise", "--measurements", "4"};
        assertThat(CliRun.of(concat(common, "--out", dir.resolve("a").toString())).exitCode()).isZero();
        assertThat(CliRun.of(concat(common, "--out", dir.resolve("b").toString())).exitCode()).isZero();
        for (String file : List.of("matrix.csv", "spectrum.csv", "measurements.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file)))
                    .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
        }
    }

    @Test
    void inputTableIsReadBackExactly() throws IOException {
        Path first = dir.resolve("first");
        assertThat(CliRun.of("generate", "--spectrum", "3,2", "--n", "4", "--m", "3", "--seed", "1", "--out",
                first.toString()).exitCode()).isZero();
        Path second = dir.resolve("second");
        CliRun run = CliRun.of("generate", "--input", first.resolve("matrix.csv").toString(), "--out", second.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(second.resolve("matrix.csv"))).isEqualTo(Files.readAllBytes(first.resolve("matrix.csv")));
        assertThat(Files.readAllLines(second.resolve("spectrum.csv")).get(1)).endsWith(",singular value");
    }

    /**
     * {@code --divide-by 255} on pixels: each written entry parses back to the double x / 255 (the CSV writes doubles
     * round-trip), and the noise of {@code --noise} goes on the divided matrix: noisy − clean lies within ±a (on the
     * pixels it would be 255 times larger than the values themselves allow).
     */
    @Test
    void divideByScalesTheInputBeforeTheNoise() throws IOException {
        Path pixels = dir.resolve("pixels.csv");
        Files.writeString(pixels, "c1,c2,c3\n0,33,255\n37,128,41\n");
        double[] raw = {0, 33, 255, 37, 128, 41};
        CliRun clean = CliRun.of("generate", "--input", pixels.toString(), "--divide-by", "255", "--out",
                dir.resolve("clean").toString());
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        CliRun noisy = CliRun.of("generate", "--input", pixels.toString(), "--divide-by", "255", "--noise",
                "uniform:0.5", "--seed", "4", "--out", dir.resolve("noisy").toString());
        assertThat(noisy.exitCode()).as(noisy.err()).isZero();
        List<String> cleanRows = Files.readAllLines(dir.resolve("clean").resolve("matrix.csv"));
        List<String> noisyRows = Files.readAllLines(dir.resolve("noisy").resolve("matrix.csv"));
        for (int row = 0; row < 2; row++) {
            String[] cleanCells = cleanRows.get(row + 1).split(",");
            String[] noisyCells = noisyRows.get(row + 1).split(",");
            for (int col = 0; col < 3; col++) {
                double x = raw[3 * row + col];
                double scaled = Double.parseDouble(cleanCells[col]);
                assertThat(scaled).isEqualTo(x / 255);
                double difference = Double.parseDouble(noisyCells[col]) - scaled;
                assertThat(Math.abs(difference)).isLessThanOrEqualTo(0.5 + 1e-15);
            }
        }
        assertThat(noisyRows).isNotEqualTo(cleanRows);
        assertBadInput(CliRun.of("generate", "--input", pixels.toString(), "--divide-by", "0", "--out",
                dir.resolve("x").toString()), "dmflab generate: divide-by: the number the input table is divided "
                + "by must be positive and finite, got 0.0");
    }

    @Test
    void badInputExitsWithTwoAndOneLineNamingTheSetting() throws IOException {
        assertBadInput(CliRun.of("generate", "--spectrum", "8,x", "--seed", "1", "--out", dir.resolve("x").toString()),
                "dmflab generate: spectrum: 'x' at position 2");
        assertBadInput(CliRun.of("generate", "--spectrum", "4,3,2", "--n", "2", "--seed", "1", "--out",
                dir.resolve("x").toString()), "dmflab generate: n: n = 2 has room for 2 values");
        assertBadInput(CliRun.of("generate", "--spectrum", "1,2", "--noise", "gaussian:0.1", "--eigenvectors", "identity",
                "--out", dir.resolve("x").toString()), "dmflab generate: seed: noise=gaussian:0.1 needs a seed");
        assertBadInput(CliRun.of("generate", "--spectrum", "1", "--seed", "1"), "dmflab generate: Missing required option");

        Path text = dir.resolve("text.csv");
        Files.writeString(text, "c1,label\n1.0,a\n");
        assertBadInput(CliRun.of("generate", "--input", text.toString(), "--out", dir.resolve("x").toString()),
                "text.csv line 2, column 'label': 'a' is not a number");
        Path holes = dir.resolve("holes.csv");
        Files.writeString(holes, "c1,c2\n1.0,2.0\n3.0,\n");
        assertBadInput(CliRun.of("generate", "--input", holes.toString(), "--out", dir.resolve("x").toString()),
                "holes.csv line 3, column 'c2': empty cell");
        assertBadInput(CliRun.of("generate", "--input", dir.resolve("nope.csv").toString(), "--out",
                dir.resolve("x").toString()), "nope.csv: no such file");
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }

    @Test
    void helpDescribesEveryOption() {
        CliRun run = CliRun.of("generate", "--help");
        assertThat(run.exitCode()).isZero();
        for (String key : org.dmflab.core.groundtruth.GroundTruthSettings.KEYS) {
            assertThat(run.out()).contains("--" + key);
        }
    }

    private static void assertBadInput(CliRun run, String expectedStart) {
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith(expectedStart.startsWith("dmflab") ? expectedStart : "dmflab generate: ")
                .contains(expectedStart);
        assertThat(run.out()).isEmpty();
    }

    static Map<String, Column> byName(List<Column> columns) {
        return columns.stream().collect(java.util.stream.Collectors.toMap(Column::name, c -> c));
    }

    private static String[] concat(String[] first, String... second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
