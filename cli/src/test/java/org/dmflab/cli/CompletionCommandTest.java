package org.dmflab.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dmflab generate --observations} and {@code dmflab train --loss completion} (docs/design.md §4). */
class CompletionCommandTest {

    @TempDir
    Path dir;

    Path gt;

    @BeforeEach
    void generate() {
        gt = dir.resolve("gt");
        CliRun run = CliRun.of("generate", "--spectrum", "gaussian-factors:2", "--n", "20", "--m", "16", "--seed", "3",
                "--observations", "0.5", "--out", gt.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("observations.csv (160 observed entries)");
    }

    @Test
    void generateWritesTheObservationsTable() {
        Table observations = CsvTableReader.read(gt.resolve("observations.csv"), Map.of(), "o", Progress.NONE);
        assertThat(observations.columnNames()).containsExactly("row", "column", "value");
        assertThat(observations.rowCount()).isEqualTo(160);
        Table matrix = CsvTableReader.read(gt.resolve("matrix.csv"), Map.of(), "r", Progress.NONE);
        for (int k = 0; k < observations.rowCount(); k++) {
            int row = (int) observations.doubleAt(k, 0);
            int column = (int) observations.doubleAt(k, 1);
            assertThat(observations.doubleAt(k, 2)).isEqualTo(matrix.doubleAt(row - 1, column - 1));
        }
    }

    @Test
    void trainsWithTheTargetAndWithTheShapeAlone() throws IOException {
        List<String> common = List.of("train", "--loss", "completion", "--observations",
                gt.resolve("observations.csv").toString(), "--depth", "3", "--init", "gaussian", "--sigma", "0.05",
                "--seed", "2", "--step", "0.02", "--iterations", "3000");
        CliRun known = run(common, "--target", gt.resolve("matrix.csv").toString(), "--out", dir.resolve("a").toString());
        assertThat(known.exitCode()).as(known.err()).isZero();
        assertThat(known.out()).startsWith("solver matrix, 3000 iterations");
        Trace trace = TraceTables.fromTable(CsvTableReader.read(dir.resolve("a/trace.csv"),
                GenerateCommandTest.byName(Schemas.traceColumnsUpTo(20)), "r", Progress.NONE), "trace.csv");
        int last = trace.size() - 1;
        assertThat(trace.completion()).isTrue();
        // a rank-2 16×20 matrix from half its entries: depth 3 from a small start recovers it (measured 0.0066)
        assertThat(trace.relativeError(last)).isLessThan(0.02);
        assertThat(trace.errorUnobserved(last)).isLessThanOrEqualTo(trace.errorFro(last));

        CliRun shape = run(common, "--shape", "16x20", "--out", dir.resolve("b").toString());
        assertThat(shape.exitCode()).as(shape.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("b/product.csv")))
                .isEqualTo(Files.readAllBytes(dir.resolve("a/product.csv")));
        // without the full target the trace has no error columns: nothing to compare W with; sigma_1 … sigma_16
        List<String> lines = Files.readAllLines(dir.resolve("b/trace.csv"));
        assertThat(lines.get(0)).startsWith("iteration,time,loss,effective_rank,stable_rank,sigma_1,")
                .endsWith(",sigma_16,norm_fro,norm_nuclear,schatten_2_over_n,entropy_effective_rank,balancedness,"
                        + "factor_norm_min,factor_norm_max,init,loss_kind").doesNotContain("error").doesNotContain("lambda_");
        assertThat(lines.get(1)).endsWith(",gaussian,completion").doesNotContain(",,");
        assertThat(Files.readAllLines(dir.resolve("a/trace.csv")).get(0)).endsWith(
                ",sigma_16,error_unobserved,relative_error,norm_fro,norm_nuclear,schatten_2_over_n,entropy_effective_rank,"
                        + "balancedness,factor_norm_min,factor_norm_max,init,loss_kind");
    }

    @Test
    void badCombinationsExitWithTwoAndNameTheOption() {
        String observations = gt.resolve("observations.csv").toString();
        String target = gt.resolve("matrix.csv").toString();
        expectBadInput("--observations: --loss completion trains on observed entries", "train", "--loss", "completion",
                "--target", target, "--out", dir.resolve("x").toString());
        expectBadInput("--shape: --loss completion needs the shape of W from exactly one of", "train", "--loss",
                "completion", "--observations", observations, "--out", dir.resolve("x").toString());
        expectBadInput("--shape: '10' is not a shape", "train", "--loss", "completion", "--observations", observations,
                "--shape", "10", "--out", dir.resolve("x").toString());
        expectBadInput("is outside 1 … 5 (the matrix has 5 columns)", "train", "--loss", "completion", "--observations", observations, "--shape", "5x5",
                "--out", dir.resolve("x").toString());
        expectBadInput("--observations: belongs to --loss completion", "train", "--target", target,
                "--observations", observations, "--out", dir.resolve("x").toString());
        expectBadInput("--target: is required", "train", "--out", dir.resolve("x").toString());
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }

    private void expectBadInput(String message, String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains(message).hasLineCount(1);
    }

    private static CliRun run(List<String> common, String... more) {
        List<String> all = new java.util.ArrayList<>(common);
        all.addAll(List.of(more));
        return CliRun.of(all.toArray(String[]::new));
    }
}
