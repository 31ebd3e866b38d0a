package org.dmflab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * summary.json of every command, parsed back by an independent parser and compared with the CSV files the command
 * wrote beside it: its numbers are the CSV's numbers, exactly (both print a double as Java does).
 */
class SummaryJsonTest {

    @TempDir
    Path dir;

    private static void ok(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    /** The CSV file's rows as lists of cells (these files hold no quoted commas). */
    private static List<List<String>> csv(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> List.of(line.split(",", -1))).toList();
    }

    /** Asserts that {@code object} holds exactly the cells of row {@code row} of {@code file}, column by column. */
    private static void assertRowEquals(JsonNode object, Path file, int row) throws IOException {
        List<List<String>> rows = csv(file);
        List<String> header = rows.get(0);
        List<String> cells = rows.get(row);
        assertThat(object.size()).isEqualTo(header.size());
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        for (int c = 0; c < header.size(); c++) {
            Map.Entry<String, JsonNode> field = fields.next();
            assertThat(field.getKey()).isEqualTo(header.get(c));
            String cell = cells.get(c);
            JsonNode value = field.getValue();
            if (cell.isEmpty() || cell.equals("NaN")) {
                assertThat(value.isNull()).as(field.getKey()).isTrue();
            } else if (value.isNumber()) {
                assertThat(value.asDouble()).as(field.getKey()).isEqualTo(Double.parseDouble(cell));
            } else {
                assertThat(value.asText()).as(field.getKey()).isEqualTo(cell);
            }
        }
    }

    @Test
    void generateTrainTrackAndPredictSummariesHoldTheirCsvNumbers() throws IOException {
        Path gt = dir.resolve("gt");
        ok(CliRun.of("generate", "--spectrum", "3,1,0.5", "--seed", "4", "--out", gt.toString()));
        JsonNode generated = Summaries.read(gt);
        assertThat(generated.get("command").asText()).isEqualTo("generate");
        assertThat(generated.get("rows").asInt()).isEqualTo(3);
        List<List<String>> spectrum = csv(gt.resolve("spectrum.csv"));
        assertThat(generated.get("spectrum").size()).isEqualTo(spectrum.size() - 1);
        for (int i = 1; i < spectrum.size(); i++) {
            assertThat(generated.get("spectrum").get(i - 1).asDouble())
                    .isEqualTo(Double.parseDouble(spectrum.get(i).get(spectrum.get(0).indexOf("value"))));
        }

        Path run = dir.resolve("run");
        ok(CliRun.of("train", "--target", gt.resolve("matrix.csv").toString(), "--depth", "3", "--step", "0.1",
                "--iterations", "700", "--record", "every:50", "--out", run.toString()));
        JsonNode trained = Summaries.read(run);
        int rows = csv(run.resolve("trace.csv")).size() - 1;
        assertThat(trained.get("interrupted").asBoolean()).isFalse();
        assertThat(trained.get("stop_reason").asText()).isEqualTo("iterations");
        assertThat(trained.get("iterations").asLong()).isEqualTo(700);
        assertThat(trained.get("rows").asInt()).isEqualTo(rows).isEqualTo(15);
        assertRowEquals(trained.get("final"), run.resolve("trace.csv"), rows);
        assertThat(Files.readAllLines(run.resolve(".dmflab-output"))).noneMatch(line -> line.startsWith("interrupted"));

        Path predicted = dir.resolve("predicted");
        ok(CliRun.of("predict", "--spectrum", gt.resolve("spectrum.csv").toString(), "--depth", "3", "--step", "0.1",
                "--alpha", "0.02", "--out", predicted.toString()));
        JsonNode prediction = Summaries.read(predicted);
        assertThat(prediction.get("eigenvalues").asInt()).isEqualTo(csv(predicted.resolve("bounds.csv")).size() - 1);
        assertThat(prediction.get("plateaus").asInt()).isEqualTo(csv(predicted.resolve("plateaus.csv")).size() - 1);
        assertThat(prediction.get("step").asDouble()).isEqualTo(0.1);

        Path tracked = dir.resolve("tracked");
        CliRun track = CliRun.of("track", "--trace", run.resolve("trace.csv").toString(), "--target",
                gt.resolve("matrix.csv").toString(), "--out", tracked.toString());
        ok(track);
        assertThat(track.err()).doesNotContain("interrupted");
        JsonNode tracking = Summaries.read(tracked);
        assertThat(tracking.get("trace_interrupted").isNull()).isTrue();
        assertThat(tracking.get("points").asInt()).isEqualTo(rows);
        assertThat(tracking.get("last_iteration").asLong()).isEqualTo(700);
        assertThat(tracking.get("values").asInt()).isEqualTo(csv(tracked.resolve("hitting.csv")).size() - 1);
        assertThat(tracking.get("levels").asInt()).isEqualTo(csv(tracked.resolve("plateaus.csv")).size() - 1);
    }

    /** track on the output of an interrupted train says so, on stderr and in its summary. */
    @Test
    void trackOnAnInterruptedRunSaysSo() throws IOException {
        Path gt = dir.resolve("gt");
        ok(CliRun.of("generate", "--spectrum", "2,1", "--seed", "1", "--out", gt.toString()));
        Path run = dir.resolve("run");
        ok(CliRun.of("train", "--target", gt.resolve("matrix.csv").toString(), "--iterations", "300", "--out",
                run.toString()));
        // the manifest an interrupted run commits (ChildProcessTest makes a real one with kill -INT)
        Path manifest = run.resolve(".dmflab-output");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(manifest));
        lines.add(3, "interrupted: at iteration 300 of 5000");
        Files.write(manifest, lines);
        CliRun track = CliRun.of("track", "--trace", run.resolve("trace.csv").toString(), "--out",
                dir.resolve("t").toString());
        ok(track);
        assertThat(track.err()).contains("dmflab track: warning: --trace: " + run.resolve("trace.csv") + " is from a "
                + "train run interrupted at iteration 300 of 5000 (Ctrl-C)");
        assertThat(Summaries.read(dir.resolve("t")).get("trace_interrupted").asText())
                .isEqualTo("at iteration 300 of 5000");
    }

    @Test
    void baselineSummaryIsItsSummaryCsvRow() throws IOException {
        Path gt = dir.resolve("gt");
        ok(CliRun.of("generate", "--spectrum", "gaussian-factors:1", "--n", "10", "--seed", "3", "--observations",
                "0.7", "--out", gt.toString()));
        Path out = dir.resolve("b");
        ok(CliRun.of("baseline", "--observations", gt.resolve("observations.csv").toString(), "--target",
                gt.resolve("matrix.csv").toString(), "--tolerance", "1e-9", "--out", out.toString()));
        JsonNode summary = Summaries.read(out);
        assertThat(summary.get("command").asText()).isEqualTo("baseline");
        assertRowEquals(summary.get("result"), out.resolve("summary.csv"), 1);
    }
}
