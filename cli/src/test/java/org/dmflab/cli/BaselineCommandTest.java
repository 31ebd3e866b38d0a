package org.dmflab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dmflab.core.Progress;
import org.dmflab.core.csv.CsvTableReader;
import org.dmflab.core.table.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dmflab baseline} (docs/design.md §4, docs/theory.md §8.4) on the generator's own files. */
class BaselineCommandTest {

    @TempDir
    Path dir;

    Path gt;

    @BeforeEach
    void generate() {
        gt = dir.resolve("gt");
        CliRun run = CliRun.of("generate", "--spectrum", "gaussian-factors:1", "--n", "12", "--seed", "3",
                "--observations", "0.7", "--measurements", "60", "--out", gt.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void completionWritesTheSolutionAndItsSummary() throws IOException {
        CliRun run = CliRun.of("baseline", "--observations", gt.resolve("observations.csv").toString(), "--target",
                gt.resolve("matrix.csv").toString(), "--tolerance", "1e-9", "--out", dir.resolve("b").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("converged after ").contains("rank ").contains("relative error ");
        Table summary = CsvTableReader.read(dir.resolve("b/summary.csv"), Map.of(), "s", Progress.NONE);
        assertThat(summary.columnNames()).containsExactly("nuclear_norm", "lower_bound", "gap", "relative_residual",
                "rank", "relative_error", "iterations", "outcome");
        // the solution matches every observation to the tolerance, and the certificate leaves no room below it
        assertThat(summary.doubleAt(0, summary.indexOf("relative_residual"))).isLessThanOrEqualTo(1e-9);
        assertThat(summary.doubleAt(0, summary.indexOf("gap"))).isLessThan(1e-5);
        Table solution = CsvTableReader.read(dir.resolve("b/solution.csv"), Map.of(), "w", Progress.NONE);
        assertThat(solution.rowCount()).isEqualTo(12);
        assertThat(solution.columnCount()).isEqualTo(12);
        Table observations = CsvTableReader.read(gt.resolve("observations.csv"), Map.of(), "o", Progress.NONE);
        for (int k = 0; k < observations.rowCount(); k++) {
            double value = observations.doubleAt(k, 2);
            assertThat(solution.doubleAt((int) observations.doubleAt(k, 0) - 1, (int) observations.doubleAt(k, 1) - 1))
                    .isCloseTo(value, org.assertj.core.data.Offset.offset(1e-6 * (1 + Math.abs(value))));
        }

        CliRun shape = CliRun.of("baseline", "--observations", gt.resolve("observations.csv").toString(), "--shape",
                "12x12", "--tolerance", "1e-9", "--out", dir.resolve("c").toString());
        assertThat(shape.exitCode()).as(shape.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("c/solution.csv")))
                .isEqualTo(Files.readAllBytes(dir.resolve("b/solution.csv")));
        assertThat(Files.readAllLines(dir.resolve("c/summary.csv")).get(1).split(",", -1)[5]).isEmpty();
    }

    @Test
    void sensingRecoversARankOneTarget() {
        // 60 Gaussian measurements of a rank-one 12×12 matrix (23 degrees of freedom)
        CliRun run = CliRun.of("baseline", "--measurements", gt.resolve("measurements.csv").toString(), "--target",
                gt.resolve("matrix.csv").toString(), "--tolerance", "1e-9", "--out", dir.resolve("s").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Table summary = CsvTableReader.read(dir.resolve("s/summary.csv"), Map.of(), "s", Progress.NONE);
        assertThat(summary.doubleAt(0, summary.indexOf("relative_error"))).isLessThan(1e-6);
        assertThat(summary.doubleAt(0, summary.indexOf("rank"))).isEqualTo(1);
    }

    @Test
    void badInputExitsWithTwoAndOneLine() {
        String observations = gt.resolve("observations.csv").toString();
        String out = dir.resolve("x").toString();
        assertRefused(CliRun.of("baseline", "--shape", "12x12", "--out", out), "dmflab baseline: --observations: give "
                + "exactly one of");
        assertRefused(CliRun.of("baseline", "--observations", observations, "--out", out), "dmflab baseline: --shape:");
        assertRefused(CliRun.of("baseline", "--observations", observations, "--shape", "12x12", "--tolerance", "2",
                "--out", out), "dmflab baseline: tolerance: 2.0 is outside (0, 0.1]");
        assertRefused(CliRun.of("baseline", "--observations", observations, "--shape", "5x5", "--out", out),
                "dmflab baseline: " + observations + ", line ");
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }

    /** baseline and train read the observations alike (one reader): a bad cell is refused with the same message. */
    @Test
    void aBadObservationsCellIsRefusedAlikeByBaselineAndTrain() throws IOException {
        Path observations = dir.resolve("bad-observations.csv");
        Files.writeString(observations, "row,column,value\n1,1,0.5\n2.5,1,0.25\n");
        CliRun baseline = CliRun.of("baseline", "--observations", observations.toString(), "--shape", "3x3", "--out",
                dir.resolve("b").toString());
        CliRun train = CliRun.of("train", "--loss", "completion", "--observations", observations.toString(), "--shape",
                "3x3", "--out", dir.resolve("t").toString());
        assertRefused(baseline, "dmflab baseline: " + observations + " line 3, column 'row': '2.5' is not a whole "
                + "number");
        assertThat(baseline.err().substring("dmflab baseline: ".length()))
                .isEqualTo(train.err().substring("dmflab train: ".length()));
    }

    private static void assertRefused(CliRun run, String start) {
        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).startsWith(start);
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}
