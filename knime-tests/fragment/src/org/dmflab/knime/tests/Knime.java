package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.WorkflowCreationHelper;
import org.knime.core.node.workflow.WorkflowLoadHelper;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.core.node.workflow.WorkflowPersistor.WorkflowLoadResult;
import org.knime.core.node.workflow.contextv2.WorkflowContextV2;

/**
 * The fixture of the tests inside KNIME: projects under {@link WorkflowManager#ROOT}, nodes created from their
 * factories, settings changed through the keys the nodes' own settings models saved, and KNIME's outputs. Paths come
 * from system properties the launcher sets (the checkout, the command line's jar, a scratch directory).
 */
final class Knime {
    /** The checkout (examples/, test-workflows/). */
    static final Path ROOT = Path.of(property("dmflab.root")).toAbsolutePath().normalize();
    /** Scratch space for workflows and command-line outputs. */
    static final Path WORK = Path.of(property("dmflab.work")).toAbsolutePath().normalize();

    private Knime() {
    }

    static String property(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("system property " + key + " is not set (the test launcher sets it)");
        }
        return value;
    }

    /** A fresh scratch directory. */
    static Path scratch(String prefix) {
        try {
            Files.createDirectories(WORK);
            return Files.createTempDirectory(WORK, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty project in a scratch directory; {@link Project#close()} removes it from KNIME. */
    static Project project(String name) {
        Path dir = scratch(name);
        WorkflowManager wfm = WorkflowManager.ROOT.createAndAddProject(name,
                new WorkflowCreationHelper(WorkflowContextV2.forTemporaryWorkflow(dir, null)));
        return new Project(wfm, dir);
    }

    /** Loads a saved workflow with KNIME's loader. */
    static Loaded load(Path dir) throws Exception {
        WorkflowLoadResult result = WorkflowManager.loadProject(dir.toFile(), new ExecutionMonitor(),
                new WorkflowLoadHelper(WorkflowContextV2.forTemporaryWorkflow(dir, null)));
        return new Loaded(new Project(result.getWorkflowManager(), dir), result);
    }

    /** A project and the result of loading it. */
    record Loaded(Project project, WorkflowLoadResult result) {
    }

    /** A KNIME project; closing it removes it from KNIME's root. */
    record Project(WorkflowManager wfm, Path dir) implements AutoCloseable {
        NodeID add(NodeFactory<? extends NodeModel> factory) {
            return wfm.createAndAddNode(factory);
        }

        void connect(NodeID source, int sourcePort, NodeID dest, int destPort) {
            wfm.addConnection(source, sourcePort, dest, destPort);
        }

        NodeContainer node(NodeID id) {
            return wfm.getNodeContainer(id);
        }

        /** The node's settings as KNIME saves them (model, variables, …). */
        NodeSettings settings(NodeID id) {
            NodeSettings settings = new NodeSettings("settings");
            wfm.saveNodeSettings(id, settings);
            if (!settings.containsKey("model")) { // a new node: its settings models' defaults, as a dialog shows them
                wfm.saveNodeSettingsToDefault(id);
                settings = new NodeSettings("settings");
                wfm.saveNodeSettings(id, settings);
            }
            return settings;
        }

        /**
         * Changes model settings by key, starting from what the node's settings models saved, and applies them as a
         * dialog's OK would (KNIME validates them first).
         */
        void set(NodeID id, Map<String, ?> values) throws InvalidSettingsException {
            NodeSettings settings = settings(id);
            NodeSettings model = settings.getNodeSettings("model");
            values.forEach((key, value) -> put(model, key, value));
            wfm.loadNodeSettings(id, settings);
        }

        /** Executes everything and waits; true when every node executed. */
        boolean executeAll() {
            return wfm.executeAllAndWaitUntilDone();
        }

        BufferedDataTable table(NodeID id, int port) {
            PortObject object = node(id).getOutPort(port).getPortObject();
            assertTrue(object instanceof BufferedDataTable, node(id).getNameWithID() + " port " + port
                    + " holds a table after execution, found " + object);
            return (BufferedDataTable) object;
        }

        void assertExecuted(NodeID... ids) {
            for (NodeID id : ids) {
                NodeContainer node = node(id);
                assertTrue(node.getNodeContainerState().isExecuted(), node.getNameWithID() + " executed; state "
                        + node.getNodeContainerState() + ", message: " + node.getNodeMessage());
            }
        }

        @Override
        public void close() {
            if (wfm.getNodeContainerState().isExecutionInProgress()) {
                wfm.cancelExecution();
            }
            WorkflowManager.ROOT.removeProject(wfm.getID());
        }
    }

    private static void put(NodeSettings model, String key, Object value) {
        assertTrue(model.containsKey(key), "the node's settings models save the key '" + key + "'");
        if (value instanceof String text) {
            model.addString(key, text);
        } else if (value instanceof Integer number) {
            model.addInt(key, number);
        } else if (value instanceof Double number) {
            model.addDouble(key, number);
        } else if (value instanceof Boolean flag) {
            model.addBoolean(key, flag);
        } else {
            throw new IllegalArgumentException("no settings type for " + value);
        }
    }

    /** Settings as KNIME's XML config text (for comparing two settings trees exactly). */
    static String xml(NodeSettingsRO settings) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ((NodeSettings) settings).saveToXML(out);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertSameXml(String what, NodeSettingsRO expected, NodeSettingsRO actual) {
        assertEquals(xml(expected), xml(actual), what);
    }

    /** The same keys with the same values, in any order (a dialog saves in the order of its components). */
    static void assertSameValues(String what, NodeSettings expected, NodeSettings actual) {
        assertEquals(values(expected, ""), values(actual, ""), what);
    }

    private static java.util.SortedMap<String, String> values(NodeSettings settings, String prefix) {
        java.util.SortedMap<String, String> values = new java.util.TreeMap<>();
        for (String key : settings.keySet()) {
            var entry = settings.getEntry(key);
            if (entry.isLeaf()) {
                values.put(prefix + key, entry.toStringValue());
            } else {
                values.putAll(values((NodeSettings) entry, prefix + key + "/"));
            }
        }
        return values;
    }
}
