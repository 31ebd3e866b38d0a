package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.train.TrainSettings;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.image.ImagePortObjectSpec;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.NodeMessage;
import org.junit.jupiter.api.Test;

/**
 * Every node, created from its factory and configured by KNIME's engine, knows its output specs at configure time,
 * and they are the specs of the tables it then executes; a wrong input table is refused at configure by name.
 */
class NodeSpecsTest {

    @Test
    void outputSpecsAtConfigureAreTheExecutedSpecsOnEveryPort() throws Exception {
        assertTrue(GraphicsEnvironment.isHeadless(), "the nodes run with java.awt.headless=true, as on a server");
        Pipeline pipeline = Pipeline.create("specs");
        try (Knime.Project project = pipeline.project) {
            assertSpecsKnownAndKept(project, pipeline.nodes());
        }
    }

    /**
     * A rectangular 2×3 target (no eigenvectors, two singular values): the trace has no lambda and two sigma columns
     * (docs/design.md §2), known at configure from the generator's spec, and they are the executed trace's.
     */
    @Test
    void aRectangularTargetsTraceHasItsColumnsAtConfigureToo() throws Exception {
        Pipeline pipeline = Pipeline.create("specs-rectangular");
        try (Knime.Project project = pipeline.project) {
            project.set(pipeline.generator, Map.of(GroundTruthSettings.SPECTRUM, "4,2", GroundTruthSettings.N, 3,
                    GroundTruthSettings.M, 2));
            project.set(pipeline.trainer, Map.of(TrainSettings.ITERATIONS, 2000));
            project.wfm().removeConnection(project.wfm().getIncomingConnectionFor(pipeline.tracker, 3));
            project.wfm().removeNode(pipeline.predictor);
            assertSpecsKnownAndKept(project, List.of(pipeline.generator, pipeline.trainer, pipeline.tracker));
            assertEquals(RECTANGULAR_TRACE, List.of(project.table(pipeline.trainer, 1).getDataTableSpec()
                    .getColumnNames()));
        }
    }

    /** The trace of a full-loss run on a 2×3 target (docs/design.md §2). */
    private static final List<String> RECTANGULAR_TRACE = List.of("iteration", "time", "loss", "error_fro",
            "error_op", "effective_rank", "stable_rank", "sigma_1", "sigma_2", "norm_fro", "norm_nuclear",
            "schatten_2_over_n", "entropy_effective_rank", "balancedness", "factor_norm_min", "factor_norm_max", "init",
            "loss_kind");

    /**
     * The generator on an input table: without a spec at its input it says that no input table is available yet (KNIME
     * gives no spec both when nothing is connected and when the node before is not configured), a bad divide-by is
     * refused by name when the settings are applied (the dialog's OK), and with a table its target and observations specs are known at configure (the
     * measurements' columns need the row count: unknown until execution). Executed, the target is the table / 255.
     */
    @Test
    void aGeneratorOnAnInputTableSaysWhatIsMissingAndChecksItsDivisorAtConfigure() throws Exception {
        Pipeline pipeline = Pipeline.create("specs-input");
        try (Knime.Project project = pipeline.project) {
            project.set(pipeline.generator, Map.of(GroundTruthSettings.INPUT, true));
            NodeContainer generator = project.node(pipeline.generator);
            assertFalse(generator.getNodeContainerState().isConfigured(), "not configured without an input");
            assertTrue(generator.getNodeMessage().getMessage().contains("'Use the input table' is on but no input "
                    + "table is available yet"), generator.getNodeMessage().getMessage());

            java.nio.file.Path pixels = Knime.scratch("pixels").resolve("pixels.csv");
            java.nio.file.Files.writeString(pixels, "c1,c2,c3\n0,33,255\n37,128,41\n");
            NodeID source = project.add(new CsvSourceNodeFactory(pixels));
            project.connect(source, 1, pipeline.generator, 1);
            org.knime.core.node.InvalidSettingsException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    org.knime.core.node.InvalidSettingsException.class, () -> project.set(pipeline.generator,
                            Map.of(GroundTruthSettings.INPUT, true, GroundTruthSettings.DIVIDE_BY, 0.0)),
                    "a divisor of 0 is refused when the settings are applied");
            assertTrue(refused.getMessage().startsWith("divide-by: "), refused.getMessage());

            project.set(pipeline.generator, Map.of(GroundTruthSettings.INPUT, true, GroundTruthSettings.DIVIDE_BY,
                    255.0));
            assertTrue(generator.getNodeContainerState().isConfigured(), generator.getNodeMessage().getMessage());
            DataTableSpec target = (DataTableSpec) generator.getOutPort(1).getPortObjectSpec();
            assertEquals(List.of("c1", "c2", "c3"), List.of(target.getColumnNames()));
            assertNotNull(generator.getOutPort(4).getPortObjectSpec(), "the observations' spec is known at configure");
            // the trace's columns depend on the target's rows and symmetry: unknown until the input is read
            NodeContainer trainer = project.node(pipeline.trainer);
            assertEquals(null, trainer.getOutPort(1).getPortObjectSpec(), "no trace spec before the target is read");
            project.wfm().executeUpToHere(pipeline.generator);
            assertTrue(project.wfm().waitWhileInExecution(1, java.util.concurrent.TimeUnit.MINUTES), "finishes");
            project.assertExecuted(pipeline.generator);
            DataTableSpec trace = (DataTableSpec) trainer.getOutPort(1).getPortObjectSpec();
            assertNotNull(trace, "the trace's spec once the generator has read its 2×3 input");
            assertEquals(RECTANGULAR_TRACE, List.of(trace.getColumnNames()));
            Rows scaled = Rows.of("the divided table", project.table(pipeline.generator, 1));
            double[] raw = {0, 33, 255, 37, 128, 41};
            for (int k = 0; k < raw.length; k++) {
                assertEquals(raw[k] / 255, scaled.cells().get(k / 3).get(k % 3), "entry " + k);
            }
        }
    }

    private static void assertSpecsKnownAndKept(Knime.Project project, List<NodeID> nodes) {
        Map<NodeID, List<PortObjectSpec>> configured = new LinkedHashMap<>();
        for (NodeID id : nodes) {
            NodeContainer node = project.node(id);
            assertTrue(node.getNodeContainerState().isConfigured(), node.getNameWithID() + " is configured: "
                    + node.getNodeMessage());
            List<PortObjectSpec> specs = new ArrayList<>();
            for (int port = 1; port < node.getNrOutPorts(); port++) {
                PortObjectSpec spec = node.getOutPort(port).getPortObjectSpec();
                assertNotNull(spec, node.getNameWithID() + " knows the spec of port " + port + " at configure");
                specs.add(spec);
            }
            configured.put(id, specs);
        }
        assertTrue(project.executeAll(), "the pipeline executes: " + nodes.stream()
                .map(id -> project.node(id).getNodeMessage().toString()).toList());
        for (NodeID id : nodes) {
            NodeContainer node = project.node(id);
            for (int port = 1; port < node.getNrOutPorts(); port++) {
                PortObjectSpec atConfigure = configured.get(id).get(port - 1);
                PortObject executed = node.getOutPort(port).getPortObject();
                String where = node.getNameWithID() + " port " + port;
                if (executed instanceof BufferedDataTable table) {
                    DataTableSpec spec = table.getDataTableSpec();
                    assertEquals(List.of(((DataTableSpec) atConfigure).getColumnNames()),
                            List.of(spec.getColumnNames()), where + ": columns");
                    assertTrue(((DataTableSpec) atConfigure).equalStructure(spec), where + ": column types "
                            + atConfigure + " vs " + spec);
                } else {
                    assertEquals(((ImagePortObjectSpec) atConfigure).getDataType(),
                            ((ImagePortObjectSpec) executed.getSpec()).getDataType(), where + ": image type");
                }
            }
        }
    }

    @Test
    void aWrongInputTableIsRefusedAtConfigureNamingTheTable() throws Exception {
        Pipeline pipeline = Pipeline.create("wrong-inputs");
        try (Knime.Project project = pipeline.project) {
            // the spectrum table (with its text column 'kind') where the trainer wants a matrix
            project.connect(pipeline.generator, 2, pipeline.trainer, 1);
            assertConfigureError(project, pipeline.trainer, "target table, column 'kind'");
            // a matrix where the tracker wants a trace, and bounds where it wants plateaus
            project.connect(pipeline.generator, 1, pipeline.tracker, 1);
            assertConfigureError(project, pipeline.tracker, "trace table: is not a trace table: missing columns "
                    + "iteration");
            project.connect(pipeline.trainer, 1, pipeline.tracker, 1);
            project.connect(pipeline.predictor, 1, pipeline.tracker, 3);
            project.connect(pipeline.generator, 1, pipeline.trainer, 1);
            assertConfigureError(project, pipeline.tracker, "predicted plateaus table: is not a plateaus table");
        }
    }

    static void assertConfigureError(Knime.Project project, NodeID id, String expected) {
        NodeContainer node = project.node(id);
        assertFalse(node.getNodeContainerState().isConfigured(), node.getNameWithID() + " refuses the input");
        // KNIME shows an InvalidSettingsException from configure as the node's warning and leaves it unconfigured
        NodeMessage message = node.getNodeMessage();
        assertTrue(message.getMessageType() != NodeMessage.Type.RESET, node.getNameWithID() + " says why");
        assertTrue(message.getMessage().contains(expected), node.getNameWithID() + " says '" + expected
                + "', said: " + message.getMessage());
    }
}
