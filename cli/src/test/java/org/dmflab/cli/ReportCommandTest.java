package org.dmflab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dmflab.cli.io.SvgText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dmflab report over folders a user made: overlays naming each run, interrupted runs named so, refusals. */
class ReportCommandTest {

    @TempDir
    Path dir;

    private Path gt;

    @BeforeEach
    void truth() {
        gt = dir.resolve("gt");
        ok(CliRun.of("generate", "--spectrum", "4,2,1", "--seed", "2", "--out", gt.toString()));
    }

    private static void ok(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private Path train(String name, String depth) {
        Path out = dir.resolve(name);
        ok(CliRun.of("train", "--target", gt.resolve("matrix.csv").toString(), "--depth", depth, "--step", "0.05",
                "--iterations", "3000", "--out", out.toString()));
        return out;
    }

    @Test
    void overlaysEveryTrainRunAndShowsTheTrackTables() throws Exception {
        Path shallow = train("depth-2", "2");
        Path deep = train("depth-4", "4");
        // the manifest an interrupted run commits (ChildProcessTest makes a real one with kill -INT)
        Path manifest = deep.resolve(".dmflab-output");
        List<String> lines = new ArrayList<>(Files.readAllLines(manifest));
        lines.add(3, "interrupted: at iteration 3000 of 90000");
        Files.write(manifest, lines);
        Path tracked = dir.resolve("tracked");
        ok(CliRun.of("track", "--trace", shallow.resolve("trace.csv").toString(), "--target",
                gt.resolve("matrix.csv").toString(), "--out", tracked.toString()));

        Path out = dir.resolve("report");
        CliRun report = CliRun.of("report", shallow.toString(), deep.toString(), tracked.toString(), "--out",
                out.toString());
        ok(report);
        assertThat(report.out()).contains("3 folders, 2 train runs overlaid");
        for (String chart : List.of("loss", "effective-rank", "singular-values")) {
            List<String> texts = SvgText.of(Files.readString(out.resolve(chart + ".svg")));
            assertThat(texts).as(chart).contains("depth-2", "depth-4 (interrupted at iteration 3000 of 90000)")
                    .anyMatch(text -> text.startsWith("iteration k (log scale"));
            assertThat(out.resolve(chart + ".png")).isNotEmptyFile();
        }
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("depth-4 (dmflab train)</th><td>interrupted at iteration 3000 of 90000")
                .contains("tracked/plateaus.csv").contains("tracked/hitting.csv");
        List<String> trace = Files.readAllLines(shallow.resolve("trace.csv"));
        String lastRow = trace.get(trace.size() - 1);
        assertThat(html).contains("last recorded iteration " + lastRow.split(",")[0] + ",");
        JsonNode summary = Summaries.read(out);
        assertThat(summary.get("folders")).hasSize(3);
        assertThat(summary.get("folders").get(1).get("interrupted").asText()).isEqualTo("at iteration 3000 of 90000");
        assertThat(summary.get("folders").get(2).get("command").asText()).isEqualTo("dmflab track");
    }

    @Test
    void aFolderDmfLabDidNotWriteIsRefused() throws IOException {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        CliRun run = CliRun.of("report", mine.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).startsWith("dmflab report: RUN: " + mine + " has no .dmflab-output file");
        CliRun generated = CliRun.of("report", gt.toString(), "--out", dir.resolve("r").toString());
        assertThat(generated.err()).contains("was written by dmflab generate");
        assertThat(dir.resolve("r")).doesNotExist();
    }
}
