package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example {@code examples/completion-sweep}: KNIME's own nested loops (observations 80, 120, 160 outside, depth 2, 3,
 * 4 inside) over the Ground Truth Generator and the Deep Factorization Trainer, run by KNIME core with the loop nodes'
 * stand-ins ({@link LoopStandIns}). Its collected table (one row per observations × depth) must equal, bit for bit,
 * what {@code dmflab sweep} with the same settings writes in sweep.csv: the same grid, the same runs.
 */
class CompletionSweepExampleTest {
    @Test
    void theLoopsGiveTheRowsOfTheCommandLinesSweep() throws Exception {
        Rows loop;
        try (ExampleRun run = ExampleRun.execute(Knime.ROOT.resolve("examples/completion-sweep"))) {
            assertEquals(2, run.loopEnds().size(), "an inner and an outer loop end");
            loop = Rows.of("completion-sweep outer Loop End", run.project().table(run.loopEnds().get(1), 1));
        }
        assertEquals(List.of("observations_value", "depth_value", "dmflab_final_relative_error", "dmflab_final_loss",
                "dmflab_iterations"), loop.columns(), "the collected columns");
        assertEquals(9, loop.cells().size(), "3 observation counts × 3 depths");

        Path out = Knime.scratch("completion-sweep-cli").resolve("sweep");
        Cli.runAll(List.of(List.of("sweep", "--set", "generate.spectrum=gaussian-factors:2", "--set", "generate.n=16",
                "--set", "generate.seed=1", "--set", "train.init=gaussian", "--set", "train.sigma=0.1", "--set",
                "train.seed=1", "--set", "train.loss=completion", "--set", "train.solver=matrix", "--set",
                "train.iterations=4000", "--set", "train.step=0.01", "--set", "train.record=every:20",
                "--vary", "generate.observations=80,120,160", "--vary", "train.depth=2,3,4", "--out", out.toString())));
        List<List<String>> sweep = Rows.csv(out.resolve("sweep.csv"));
        List<String> header = sweep.get(0);
        StringBuilder expected = new StringBuilder(String.join(",", loop.columns())).append('\n');
        for (List<String> row : sweep.subList(1, sweep.size())) {
            expected.append(String.join(",", row.get(header.indexOf("generate.observations")),
                    row.get(header.indexOf("train.depth")), row.get(header.indexOf("final_relative_error")),
                    row.get(header.indexOf("final_loss")), row.get(header.indexOf("iterations")))).append('\n');
        }
        Path file = out.resolveSibling("expected.csv");
        Files.writeString(file, expected, StandardCharsets.UTF_8);
        Rows.assertSame(Rows.fromCsv(file, loop), loop, 0);
    }
}
