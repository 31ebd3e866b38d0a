package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;

/**
 * No output table of our nodes in any example or testflow has a column that is missing in every row: a column that
 * the inputs or settings make empty by construction (eigenvalue columns of a rectangular target, singular values
 * beyond min(m, n), error columns without the full target, predicted columns without predictions, the predictor's
 * columns its start and depth never fill) is left out of the table instead of shipping thousands of empty columns.
 * The one exception is a column whose emptiness depends on the values of the input, which a node cannot know when
 * KNIME asks for its columns (configure): {@link #EMPTY_BY_DATA}.
 */
class NoEmptyColumnsTest {
    /**
     * Columns that may be empty in every row because of the values the node reads, with the reason: only a strict
     * saddle (a negative eigenvalue larger in modulus than a positive one, docs/theory.md §2.3) gives the predictor's
     * k_escape_float a value, and the examples' targets have no negative eigenvalue; the tracker's observed plateau
     * columns are empty when the run's effective rank stays in no plateau band (the mnist-denoising example's short
     * run on a rank-100 target).
     */
    static final Map<String, String> EMPTY_BY_DATA = Map.of("k_escape_float", "no strict saddle in the target",
            "observed_start", "no plateau observed in the run", "observed_end", "no plateau observed in the run");

    @Test
    void noOutputColumnOfAnyExampleOrTestflowIsEmptyInEveryRow() throws Exception {
        List<Path> workflows = new ArrayList<>();
        for (String folder : List.of("examples", "test-workflows")) {
            try (Stream<Path> dirs = Files.list(Knime.ROOT.resolve(folder))) {
                // the loop testflow needs knime-base's loop nodes, absent here (LoopTestflowTest runs it with
                // stand-ins); its trainer's trace is that of the other testflows' runs
                dirs.filter(d -> Files.exists(d.resolve("workflow.knime")) && !WorkflowFilesTest.hasLoop(d)).sorted()
                        .forEach(workflows::add);
            }
        }
        List<String> empty = new ArrayList<>();
        int tables = 0;
        for (Path committed : workflows) {
            String name = committed.getParent().getFileName() + "/" + committed.getFileName();
            try (ExampleRun run = ExampleRun.execute(committed)) {
                for (NodeID id : run.ours()) {
                    NodeContainer node = run.project().node(id);
                    for (int port = 1; port < node.getNrOutPorts(); port++) {
                        if (node.getOutPort(port).getPortObject() instanceof BufferedDataTable table
                                && table.size() > 0) {
                            empty.addAll(emptyColumns(table, name + " " + node.getNameWithID() + " port " + port));
                            tables++;
                        }
                    }
                }
            }
        }
        System.out.println("[columns] " + tables + " output tables of " + workflows.size() + " workflows checked");
        assertTrue(tables >= workflows.size(), "tables checked: " + tables);
        assertEquals(List.of(), empty, "columns missing in every row");
    }

    /** The columns of {@code table} with a missing cell in every row, named with {@code where}. */
    private static List<String> emptyColumns(BufferedDataTable table, String where) {
        int columns = table.getDataTableSpec().getNumColumns();
        boolean[] filled = new boolean[columns];
        for (DataRow row : table) {
            for (int c = 0; c < columns; c++) {
                filled[c] |= !row.getCell(c).isMissing();
            }
        }
        List<String> empty = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            String name = table.getDataTableSpec().getColumnSpec(c).getName();
            if (!filled[c] && EMPTY_BY_DATA.containsKey(name)) {
                System.out.println("[columns] " + where + ": " + name + " empty (" + EMPTY_BY_DATA.get(name) + ")");
            } else if (!filled[c]) {
                empty.add(where + ": " + name);
            }
        }
        return empty;
    }
}
