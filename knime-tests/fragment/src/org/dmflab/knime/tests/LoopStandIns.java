package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.workflow.ConnectionContainer;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;

/**
 * Puts {@link LoopNodes}' stand-ins in place of the knime-base loop nodes of a loaded workflow (absent from the test
 * runtime), each built from the saved settings of the node it replaces and given its connections port for port, so
 * that KNIME core's WorkflowManager runs the workflow's loops, nested ones included.
 */
final class LoopStandIns {
    private LoopStandIns() {
    }

    /** Replaces every loop node of {@code project}; returns the loop ends' stand-ins, in workflow order. */
    static List<NodeID> replace(Knime.Project project, WorkflowFilesTest.WorkflowFiles files) {
        List<NodeID> ends = new ArrayList<>();
        for (NodeContainer node : List.copyOf(project.wfm().getNodeContainers())) {
            // nodes the test added (input stand-ins) are not in the files and are no loop nodes
            NodeID id = node.getID();
            switch (files.factory(id)) {
                case WorkflowFilesTest.LOOP_START -> replace(project, id,
                        new TestNodeFactory<>(() -> intervalStart(model(files, id))));
                case WorkflowFilesTest.VARIABLE_TO_ROW -> replace(project, id,
                        new TestNodeFactory<>(() -> variablesToRow(model(files, id))));
                case WorkflowFilesTest.LOOP_END -> ends.add(replace(project, id,
                        new TestNodeFactory<>(() -> collectingEnd(model(files, id)))));
                default -> {
                }
            }
        }
        return ends;
    }

    /** Adds the stand-in and gives it the placeholder's connections, port for port; removes the placeholder. */
    private static NodeID replace(Knime.Project project, NodeID placeholder, NodeFactory<? extends NodeModel> factory) {
        List<ConnectionContainer> in = new ArrayList<>(project.wfm().getIncomingConnectionsFor(placeholder));
        List<ConnectionContainer> out = new ArrayList<>(project.wfm().getOutgoingConnectionsFor(placeholder));
        project.wfm().removeNode(placeholder);
        NodeID standIn = project.add(factory);
        in.forEach(c -> project.connect(c.getSource(), c.getSourcePort(), standIn, c.getDestPort()));
        out.forEach(c -> project.connect(standIn, c.getSourcePort(), c.getDest(), c.getDestPort()));
        return standIn;
    }

    private static LoopNodes.IntervalStart intervalStart(NodeSettingsRO model) {
        try {
            assertEquals("INTEGER", model.getString("variableType"), "the loop pushes integers");
            return new LoopNodes.IntervalStart(whole(model.getDouble("from")), whole(model.getDouble("to")),
                    whole(model.getDouble("step")), model.getString("prefix"));
        } catch (InvalidSettingsException e) {
            throw new AssertionError("Interval Loop Start settings: " + e.getMessage(), e);
        }
    }

    private static LoopNodes.VariablesToRow variablesToRow(NodeSettingsRO model) {
        try {
            assertEquals("Row0", model.getString("row_id"));
            NodeSettingsRO filter = model.getNodeSettings("variable_filter");
            assertEquals("STANDARD", filter.getString("filter-type"), "a list of variable names");
            assertEquals("EnforceInclusion", filter.getString("enforce_option"));
            return new LoopNodes.VariablesToRow(LoopNodes.strings(filter, "included_names"));
        } catch (InvalidSettingsException e) {
            throw new AssertionError("Variable to Table Row settings: " + e.getMessage(), e);
        }
    }

    private static LoopNodes.CollectingEnd collectingEnd(NodeSettingsRO model) {
        try {
            assertEquals(false, model.getBoolean("addIterationColumn"), "no iteration column");
            assertEquals("APPEND_SUFFIX", model.getString("rowKeyPolicy"));
            return new LoopNodes.CollectingEnd();
        } catch (InvalidSettingsException e) {
            throw new AssertionError("Loop End settings: " + e.getMessage(), e);
        }
    }

    private static int whole(double value) {
        assertEquals(Math.rint(value), value, "a whole number");
        return (int) value;
    }

    private static NodeSettingsRO model(WorkflowFilesTest.WorkflowFiles files, NodeID id) {
        String file = files.settingsFiles().get(id.getIndex());
        try {
            return WorkflowFilesTest.WorkflowFiles.settings(files.dir().resolve(file)).getNodeSettings("model");
        } catch (InvalidSettingsException e) {
            return null; // nodes without a model (the Testflow Configuration has one; others are ours)
        }
    }
}
