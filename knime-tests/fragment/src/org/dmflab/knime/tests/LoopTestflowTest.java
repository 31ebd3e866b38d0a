package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.knime.core.node.workflow.NodeID;

/**
 * The loop testflow {@code DeepFactorizationTrainer_depth_sweep} (KNIME's Interval Loop Start → Deep Factorization
 * Trainer with {@code depth} from the loop variable → Variable to Table Row → Loop End). KNIME's loader loads it, saves
 * it back and loads it again with our nodes' settings (including the flow-variable binding of {@code depth}) unchanged.
 * The three loop nodes are knime-base's, absent from the test runtime, so the loop is run with {@link LoopNodes}'
 * stand-ins built from those nodes' saved settings, wired in their places ({@link LoopStandIns}): KNIME core's WorkflowManager then runs the
 * loop (one trainer execution per depth). Each collected row must equal, bit for bit, the command line's run of that
 * depth (final loss and effective rank = the last trace row, iterations, solver) and the committed reference; two runs
 * of the loop give identical rows (determinism).
 */
class LoopTestflowTest {
    static final String NAME = "DeepFactorizationTrainer_depth_sweep";

    @Test
    void theDepthSweepRunsOneTrainerPerDepthAsTheCommandLineDoes() throws Exception {
        Path committed = Knime.ROOT.resolve("test-workflows").resolve(NAME);
        assertTrue(WorkflowFilesTest.hasLoop(committed), NAME + " holds KNIME's Interval Loop Start");
        Path resaved = WorkflowFilesTest.loadAndSave(WorkflowFilesTest.copy(committed, NAME));

        Rows first = runLoop(WorkflowFilesTest.copy(resaved, NAME));
        Rows second = runLoop(WorkflowFilesTest.copy(resaved, NAME));
        Rows.assertSame(first, second, 0);

        Path expected = commandLineRuns(first);
        Rows.assertSame(Rows.fromCsv(expected, first), first, 0);
        Rows.assertSame(Rows.fromCsv(committed.resolve("data/runs.csv"), first), first, 0);
    }

    /** Loads the workflow, puts the stand-ins in place of the loop nodes, runs the loop; the Loop End's table. */
    private static Rows runLoop(Path dir) throws Exception {
        Knime.Loaded loaded = Knime.load(dir);
        try (Knime.Project project = loaded.project()) {
            List<NodeID> ends = LoopStandIns.replace(project, WorkflowFilesTest.WorkflowFiles.read(dir));
            assertEquals(1, ends.size(), NAME + " has one loop end");
            NodeID end = ends.get(0);
            project.wfm().executeUpToHere(end);
            assertTrue(project.wfm().waitWhileInExecution(5, TimeUnit.MINUTES), NAME + ": the loop finishes");
            project.assertExecuted(end);
            return Rows.of(NAME + " Loop End", project.table(end, 1));
        }
    }

    /**
     * The command line's run for each depth the loop ran (read off the loop's own {@code depth_value} column), with the
     * testflow's other settings: one row per run, as test-workflows/tools/wfrefs.sh writes data/runs.csv.
     */
    private static Path commandLineRuns(Rows loop) throws Exception {
        Path out = Knime.scratch("sweep-cli");
        Cli.runAll(List.of(List.of("generate", "--spectrum", "geometric:8,0.5,6", "--eigenvectors", "identity",
                "--seed", "1", "--out", out + "/gen")));
        StringBuilder csv = new StringBuilder(String.join(",", loop.columns())).append('\n');
        assertEquals(List.of("depth_value", "dmflab_final_loss", "dmflab_final_effective_rank", "dmflab_iterations",
                "dmflab_solver"), loop.columns(), "the collected columns");
        assertEquals(3, loop.cells().size(), "one row per depth 2, 3, 4");
        Pattern solver = Pattern.compile("^solver (\\w+),");
        for (List<Object> row : loop.cells()) {
            int depth = (Integer) row.get(0);
            Path run = out.resolve("depth" + depth);
            String summary = Cli.runAll(List.of(List.of("train", "--target", out + "/gen/matrix.csv", "--depth",
                    String.valueOf(depth), "--step", "0.004", "--init", "identity", "--alpha", "0.1", "--beta", "0.01",
                    "--iterations", "5000", "--record", "log:50", "--out", run.toString())));
            Matcher matcher = solver.matcher(summary);
            assertTrue(matcher.find(), summary);
            List<List<String>> trace = Rows.csv(run.resolve("trace.csv"));
            List<String> header = trace.get(0);
            List<String> last = trace.get(trace.size() - 1);
            csv.append(depth).append(',').append(last.get(header.indexOf("loss"))).append(',')
                    .append(last.get(header.indexOf("effective_rank"))).append(',')
                    .append(last.get(header.indexOf("iteration"))).append(',').append(matcher.group(1)).append('\n');
        }
        Path file = out.resolve("runs.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

}
