package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.config.Config;
import org.knime.core.node.defaultnodesettings.SettingsModelFilterString;
import org.knime.core.node.util.filter.column.DataColumnSpecFilterConfiguration;

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

    /**
     * The example draws its result: the outer Loop End's table pivoted (one row per observation count, one column per
     * depth, named by the depth, holding the final relative error) into a Line Plot of those columns against the
     * observation count. The runtime has neither node (they load as placeholders and do not run here), so their
     * settings are read with knime-core's own classes the nodes load them with (SettingsModelFilterString, the
     * aggregation's DataType array, DataColumnSpecFilterConfiguration), and checked against the loop's columns and
     * the inner loop's depths.
     */
    @Test
    void thePivotAndTheLinePlotDrawTheErrorAgainstObservationsOneLinePerDepth() throws Exception {
        Path example = Knime.ROOT.resolve("examples/completion-sweep");
        WorkflowFilesTest.WorkflowFiles files = WorkflowFilesTest.WorkflowFiles.read(example);
        NodeSettingsRO pivot = model(files, WorkflowFilesTest.PIVOT);
        SettingsModelFilterString group = new SettingsModelFilterString("grouByColumns");
        group.loadSettingsFrom(pivot);
        assertEquals(List.of("observations_value"), group.getIncludeList(), "one row per observation count");
        SettingsModelFilterString pivoted = new SettingsModelFilterString("pivotColumns");
        pivoted.loadSettingsFrom(pivot);
        assertEquals(List.of("depth_value"), pivoted.getIncludeList(), "one column per depth");
        Config aggregation = pivot.getConfig("aggregationColumn");
        assertEquals(List.of("dmflab_final_relative_error"), List.of(aggregation.getStringArray("columnNames")));
        assertEquals(List.of(DoubleCell.TYPE), List.of(aggregation.getDataTypeArray("columnTypes")));
        assertEquals(List.of("First"), List.of(aggregation.getStringArray("aggregationMethod")));
        assertEquals("Pivot name", pivot.getString("column_name_option"), "columns named by the depth alone");

        // the pivot's output: the group column, then one column per depth the inner loop runs
        NodeSettingsRO depths = files.settingsFiles().keySet().stream()
                .filter(id -> files.factories().get(id).equals(WorkflowFilesTest.LOOP_START))
                .map(id -> settingsModel(files, id)).filter(m -> m.getString("prefix", "").equals("depth_"))
                .findFirst().orElseThrow();
        List<String> depthColumns = new java.util.ArrayList<>();
        for (double depth = depths.getDouble("from"); depth <= depths.getDouble("to"); depth += depths.getDouble("step")) {
            depthColumns.add(Integer.toString((int) depth));
        }
        assertEquals(3, depthColumns.size(), "depths 2, 3, 4");
        DataTableSpec pivotTable = new DataTableSpec(java.util.stream.Stream.concat(
                java.util.stream.Stream.of(new DataColumnSpecCreator("observations_value", IntCell.TYPE).createSpec()),
                depthColumns.stream().map(name -> new DataColumnSpecCreator(name, DoubleCell.TYPE).createSpec()))
                .toArray(org.knime.core.data.DataColumnSpec[]::new));

        NodeSettingsRO plot = model(files, WorkflowFilesTest.LINE_PLOT);
        assertEquals("observations_value", plot.getString("xCol"));
        DataColumnSpecFilterConfiguration lines = new DataColumnSpecFilterConfiguration("yCols");
        lines.loadConfigurationInModel(plot);
        assertEquals(depthColumns, List.of(lines.applyTo(pivotTable).getIncludes()), "one line per depth");
        for (String title : List.of("chartTitle", "xAxisLabel", "yAxisLabel")) {
            assertEquals(false, plot.getString(title).isBlank(), title + " is set");
        }
    }

    /** The model settings of the one node of {@code factory}. */
    private static NodeSettingsRO model(WorkflowFilesTest.WorkflowFiles files, String factory) {
        List<Integer> ids = files.factories().entrySet().stream().filter(e -> e.getValue().equals(factory))
                .map(Map.Entry::getKey).toList();
        assertEquals(1, ids.size(), "one node of " + factory);
        return settingsModel(files, ids.get(0));
    }

    private static NodeSettingsRO settingsModel(WorkflowFilesTest.WorkflowFiles files, int id) {
        try {
            return WorkflowFilesTest.WorkflowFiles.settings(files.dir().resolve(files.settingsFiles().get(id)))
                    .getNodeSettings("model");
        } catch (org.knime.core.node.InvalidSettingsException e) {
            throw new AssertionError(e);
        }
    }
}
