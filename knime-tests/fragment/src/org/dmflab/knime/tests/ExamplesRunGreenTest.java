package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
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

    /** One test per example, named by it, so that a failure says which example broke. */
    @TestFactory
    Stream<DynamicTest> everyExampleExecutesWithoutAWarningFromOurNodes() throws Exception {
        List<Path> examples;
        try (Stream<Path> dirs = Files.list(Knime.ROOT.resolve("examples"))) {
            examples = dirs.filter(d -> Files.exists(d.resolve("workflow.knime"))).sorted().toList();
        }
        assertEquals(List.of("completion-sweep", "denoise-your-matrix", "mnist-denoising", "plateaus"), examples.stream().map(p -> p.getFileName().toString())
                .toList(), "the shipped examples");
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.getFileName().toString(),
                () -> executesGreen(example)));
    }

    private static void executesGreen(Path committed) throws Exception {
        try (ExampleRun run = ExampleRun.execute(committed)) {
            String name = run.name();
            Knime.Project project = run.project();
            WorkflowFilesTest.WorkflowFiles files = run.files();
            List<NodeID> ours = run.ours();
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
