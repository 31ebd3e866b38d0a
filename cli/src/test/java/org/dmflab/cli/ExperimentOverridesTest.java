package org.dmflab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dmflab.cli.io.SvgText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dmflab experiment --set STAGE.KEY=VALUE}: the change reaches the run (the trace is the start of the preset's
 * own trace), settings.csv, the report and the predictor; bad keys and values are refused by the stage's own checks
 * before anything is written; every chart has an SVG twin.
 */
class ExperimentOverridesTest {
    @TempDir
    Path dir;

    @Test
    void aShorterBudgetGivesThePresetsTraceUpToThere() throws IOException {
        Path preset = dir.resolve("preset");
        Path changed = dir.resolve("changed");
        assertThat(CliRun.of("experiment", "--preset", "single-eigenvalue", "--out", preset.toString()).exitCode())
                .isZero();
        CliRun run = CliRun.of("experiment", "--preset", "single-eigenvalue", "--set", "train.iterations=500",
                "--out", changed.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // the preset records every iteration: the changed run's 501 rows are the preset's first 501
        List<String> full = Files.readAllLines(preset.resolve("trace.csv"));
        List<String> shorter = Files.readAllLines(changed.resolve("trace.csv"));
        assertThat(full).hasSize(1302);
        assertThat(shorter).hasSize(502).isEqualTo(full.subList(0, 502));
        assertThat(Files.readAllLines(changed.resolve("settings.csv"))).contains("train,run,iterations,500")
                .doesNotContain("train,run,iterations,1300");
        assertThat(Files.readString(changed.resolve("report.html"), StandardCharsets.UTF_8))
                .contains("changed with --set: train.iterations=500");
        assertThat(Summaries.read(changed).get("description").asText()).endsWith("train.iterations=500");
    }

    @Test
    void aRunDynamicsKeyReachesThePredictorAndAGenerateKeyTheTarget() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("experiment", "--preset", "plateaus", "--set", "train.alpha=0.01", "--set",
                "generate.seed=4", "--set", "train.iterations=2000", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> settings = Files.readAllLines(out.resolve("settings.csv"));
        assertThat(settings).contains("generate,,seed,4", "train,run,alpha,0.01", "predict,run,alpha,0.01",
                "train,run,iterations,2000");
        // the bounds are those of α = 0.01: the identity start's first trace row is α^N on every eigenvalue
        List<String> trace = Files.readAllLines(out.resolve("trace.csv"));
        String[] header = trace.get(0).split(",");
        String[] first = trace.get(1).split(",");
        int lambda = List.of(header).indexOf("lambda_1");
        assertThat(Double.parseDouble(first[lambda])).isCloseTo(1e-6, org.assertj.core.data.Offset.offset(1e-18));
    }

    @Test
    void ownSettingsWithoutAPresetRunOneRun() throws IOException {
        Path out = dir.resolve("own");
        CliRun run = CliRun.of("experiment", "--preset", "custom", "--set", "generate.spectrum=2,1", "--set", "generate.seed=1", "--set",
                "train.iterations=300", "--set", "train.depth=2", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("settings.csv"))).contains("generate,,spectrum,\"2,1\"",
                "train,run,depth,2");
        List<String> trace = Files.readAllLines(out.resolve("trace.csv"));
        assertThat(trace.get(trace.size() - 1)).startsWith("300,");
    }

    @Test
    void badOverridesAreExitTwoWithOneLineNamingThem() {
        String[][] cases = {
                {"train.depth=0", "set: train.depth=0: "},
                {"train.nosuch=1", "the train stage has no setting 'nosuch'; its keys are depth, step"},
                {"depth=3", "'depth' names no stage"},
                {"fit.depth=3", "unknown stage 'fit'"},
                {"train.depth", "has no '='"},
                {"generate.spectrum=x,y", "set: generate.spectrum=x,y: "},
                {"track.epsilon=2", "set: track.epsilon=2: "}};
        for (String[] each : cases) {
            Path out = dir.resolve("bad");
            CliRun run = CliRun.of("experiment", "--preset", "plateaus", "--set", each[0], "--out", out.toString());
            assertThat(run.exitCode()).as(each[0]).isEqualTo(2);
            assertThat(run.err().lines().toList()).as(each[0]).hasSize(1);
            assertThat(run.err()).as(each[0]).contains(each[1]);
            assertThat(out).doesNotExist();
        }
        CliRun varied = CliRun.of("experiment", "--preset", "depth", "--set", "train.depth=2", "--out",
                dir.resolve("d").toString());
        assertThat(varied.exitCode()).isEqualTo(2);
        assertThat(varied.err()).contains("runs train.depth at 1, 2, 3, 4, 5 in its different runs");
        CliRun noPredictor = CliRun.of("experiment", "--preset", "random-init", "--set", "predict.epsilon=0.1",
                "--out", dir.resolve("r").toString());
        assertThat(noPredictor.exitCode()).isEqualTo(2);
        assertThat(noPredictor.err()).contains("has no predict stage");
    }

    @Test
    void everyChartHasAnSvgTwin() throws Exception {
        Path out = dir.resolve("svg");
        assertThat(CliRun.of("experiment", "--preset", "single-eigenvalue", "--out", out.toString()).exitCode())
                .isZero();
        List<Path> pngs;
        try (Stream<Path> files = Files.list(out)) {
            pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertThat(pngs).hasSize(5);
        for (Path png : pngs) {
            Path svg = out.resolve(png.getFileName().toString().replace(".png", ".svg"));
            assertThat(SvgText.of(Files.readString(svg, StandardCharsets.UTF_8))).as(svg.toString()).isNotEmpty();
        }
    }
}
