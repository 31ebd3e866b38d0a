package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.NodeMessage;

/**
 * Every shipped example executes with green lights: each of our nodes ends executed with no warning (a warning is for
 * settings that are actually wrong, and the examples' are not). The Theoretical Bound Predictor's step-size verdict is
 * also pushed as a boolean and a category a Rule Engine or an IF Switch can test, and agrees with the silence.
 */
class ExamplesRunGreenTest {
    private static final String PREDICTOR = "org.dmflab.knime.predict.BoundPredictorNodeFactory";

    @Test
    void everyExampleExecutesWithoutAWarningFromOurNodes() throws Exception {
        List<Path> examples;
        try (Stream<Path> dirs = Files.list(Knime.ROOT.resolve("examples"))) {
            examples = dirs.filter(d -> Files.exists(d.resolve("workflow.knime"))).sorted().toList();
        }
        assertEquals(List.of("mnist-denoising", "plateaus"), examples.stream().map(p -> p.getFileName().toString())
                .toList(), "the shipped examples");
        List<Executable> checks = new ArrayList<>();
        for (Path example : examples) {
            checks.add(() -> executesGreen(example));
        }
        assertAll("examples", checks.stream());
    }

    /**
     * Executes our nodes of a loaded copy of an example (their inputs from other vendors' nodes fed from the files the
     * example ships in its {@code data} folder) and returns them.
     */
    static List<NodeID> executeOurNodes(Knime.Project project, Path copy, String name) throws Exception {
        WorkflowFilesTest.WorkflowFiles files = WorkflowFilesTest.WorkflowFiles.read(copy);
        List<NodeID> ours = new ArrayList<>();
        for (NodeContainer node : List.copyOf(project.wfm().getNodeContainers())) {
            if (files.factory(node.getID()).startsWith(WorkflowFilesTest.OUR_FACTORIES)) {
                WorkflowFilesTest.feedInputsFromFiles(project, files, copy.resolve("data"), node);
                ours.add(node.getID());
            }
        }
        assertFalse(ours.isEmpty(), name + " has our nodes");
        project.wfm().executeUpToHere(ours.toArray(NodeID[]::new));
        assertTrue(project.wfm().waitWhileInExecution(30, TimeUnit.MINUTES), name + " finishes");
        project.assertExecuted(ours.toArray(NodeID[]::new));
        return ours;
    }

    private static void executesGreen(Path committed) throws Exception {
        String name = committed.getFileName().toString();
        Path copy = WorkflowFilesTest.copy(committed, name);
        Knime.Loaded loaded = Knime.load(copy);
        try (Knime.Project project = loaded.project()) {
            WorkflowFilesTest.WorkflowFiles files = WorkflowFilesTest.WorkflowFiles.read(copy);
            List<NodeID> ours = executeOurNodes(project, copy, name);
            int predictors = 0;
            for (NodeID id : ours) {
                NodeContainer node = project.node(id);
                NodeMessage message = node.getNodeMessage();
                assertEquals(NodeMessage.Type.RESET, message.getMessageType(), name + ": "
                        + node.getNameWithID() + " ends without a message, found " + message.getMessageType() + ": "
                        + message.getMessage());
                if (files.factory(id).equals(PREDICTOR)) {
                    FlowVariable converges = ((NativeNodeContainer) node).getNode().getOutgoingFlowObjectStack()
                            .peekFlowVariable("dmflab_step_converges",
                                    org.knime.core.node.workflow.VariableType.BooleanType.INSTANCE)
                            .orElseThrow(() -> new AssertionError("the predictor pushes dmflab_step_converges"));
                    assertEquals(Boolean.TRUE, converges.getValue(
                            org.knime.core.node.workflow.VariableType.BooleanType.INSTANCE), name + ": step converges");
                    predictors++;
                }
            }
            assertEquals(name.equals("plateaus") ? 1 : 0, predictors, name + ": predictors checked");
        }
    }
}
