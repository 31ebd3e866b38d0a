package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.junit.jupiter.api.Test;

/**
 * A workflow saved by the first build of the extension (knime-tests/saved-earlier/README.md), before the generator had
 * its {@code observations} and {@code divide-by} keys, loads without an error and, with those keys' defaults (no
 * observations, the input as it is), gives the same tables as the current example workflow it was saved as.
 */
class OlderWorkflowsTest {

    @Test
    void theFirstSavedExampleLoadsWithTheDefaultsOfLaterKeysAndRunsAsToday() throws Exception {
        Path old = WorkflowFilesTest.copy(Knime.ROOT.resolve("knime-tests/saved-earlier/plateaus-2026-11-27"), "old");
        Path current = WorkflowFilesTest.copy(Knime.ROOT.resolve("examples/plateaus"), "current");
        Knime.Loaded oldLoaded = Knime.load(old);
        Knime.Loaded currentLoaded = Knime.load(current);
        try (Knime.Project before = oldLoaded.project(); Knime.Project now = currentLoaded.project()) {
            List<String> errors = new ArrayList<>();
            WorkflowFilesTest.collectErrors(oldLoaded.result(), errors);
            assertEquals(List.of(), errors, "load errors of the workflow saved on 2026-11-27");
            // KNIME keeps a loaded node's settings as saved (without the later keys) until they are changed, so the
            // defaults are seen in what the node does: the same tables as today's example, no observations.
            assertTrue(before.executeAll(), "the old workflow executes");
            assertTrue(now.executeAll(), "the current example executes");
            int compared = 0;
            for (NodeContainer node : now.wfm().getNodeContainers()) {
                String name = node.getName();
                NodeID oldNode = byName(before, name);
                for (int port = 1; port < node.getNrOutPorts(); port++) {
                    if (!(node.getOutPort(port).getPortObject() instanceof BufferedDataTable table)) {
                        continue; // the tracker's charts: PNG ports
                    }
                    Rows.assertSame(Rows.of(name + " output " + port + " now", table),
                            Rows.of(name + " output " + port + " saved earlier", before.table(oldNode, port)), 0);
                    compared++;
                }
            }
            assertTrue(compared >= 8, "tables compared: " + compared);
        }
    }

    private static NodeID byName(Knime.Project project, String name) {
        return project.wfm().getNodeContainers().stream().filter(n -> n.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no node named " + name)).getID();
    }
}
