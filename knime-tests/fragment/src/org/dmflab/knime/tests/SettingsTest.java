package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.train.TrainSettings;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.VariableType;
import org.junit.jupiter.api.Test;

/**
 * Settings as KNIME applies them: flow variables override the dialog's values, a bad value is refused with the
 * engine's message (the command line's, word for word), both when applied and when a flow variable brings it, and a
 * combination that needs an input fails at configure.
 */
class SettingsTest {

    @Test
    void aFlowVariableOverridesTheSetting() throws Exception {
        Pipeline pipeline = Pipeline.create("flow-variables");
        try (Knime.Project project = pipeline.project) {
            project.wfm().addWorkflowVariables(true, new FlowVariable("my_spectrum", "4,2,1"));
            bind(project, pipeline.generator, GroundTruthSettings.SPECTRUM, "my_spectrum");
            assertTrue(project.executeAll(), "executes with the variable's spectrum");
            List<Double> values = new java.util.ArrayList<>();
            for (DataRow row : project.table(pipeline.generator, 2)) {
                values.add(((DoubleValue) row.getCell(1)).getDoubleValue());
            }
            assertEquals(List.of(4.0, 2.0, 1.0), values, "the spectrum table holds the variable's spectrum");
            // the trainer's own variables reach the nodes downstream
            Optional<FlowVariable> loss = project.node(pipeline.tracker).getFlowObjectStack()
                    .peekFlowVariable("dmflab_final_loss", VariableType.DoubleType.INSTANCE);
            assertTrue(loss.isPresent() && loss.get().getDoubleValue() >= 0,
                    "dmflab_final_loss reaches the tracker: " + loss);
        }
    }

    @Test
    void aBadValueIsRefusedWithTheEnginesMessage() throws Exception {
        String expected = engineMessage(List.of("generate", "--spectrum", "8,x", "--out",
                Knime.scratch("bad").toString()));
        Pipeline pipeline = Pipeline.create("bad-setting");
        try (Knime.Project project = pipeline.project) {
            InvalidSettingsException refused = assertThrows(InvalidSettingsException.class,
                    () -> project.set(pipeline.generator, Map.of(GroundTruthSettings.SPECTRUM, "8,x")));
            assertEquals(expected, refused.getMessage(), "the dialog's OK is refused with the engine's message");

            project.wfm().addWorkflowVariables(true, new FlowVariable("bad_spectrum", "8,x"));
            bind(project, pipeline.generator, GroundTruthSettings.SPECTRUM, "bad_spectrum");
            NodeSpecsTest.assertConfigureError(project, pipeline.generator, expected);
        }
    }

    @Test
    void aCombinationThatNeedsAnInputFailsAtConfigure() throws Exception {
        Pipeline pipeline = Pipeline.create("needs-input");
        try (Knime.Project project = pipeline.project) {
            project.set(pipeline.trainer, Map.of(TrainSettings.LOSS, "sensing"));
            NodeSpecsTest.assertConfigureError(project, pipeline.trainer, "loss: 'sensing' needs the measurements "
                    + "table");
        }
    }

    /** The command line's one-line message for bad input (exit code 2), without the command's prefix. */
    static String engineMessage(List<String> arguments) {
        Cli.Result result = Cli.run(arguments);
        assertEquals(2, result.exitCode(), "the command line refuses the input: " + result.stderr());
        String prefix = "dmflab " + arguments.get(0) + ": ";
        assertTrue(result.stderr().startsWith(prefix), result.stderr());
        return result.stderr().substring(prefix.length());
    }

    /** Binds a model setting to a flow variable, as the dialog's variable button does (settings "variables" tree). */
    static void bind(Knime.Project project, NodeID id, String key, String variable) throws InvalidSettingsException {
        NodeSettings settings = project.settings(id);
        NodeSettings variables = (NodeSettings) settings.addNodeSettings("variables");
        variables.addString("version", "V_2019_09_13");
        NodeSettings entry = (NodeSettings) ((NodeSettings) variables.addNodeSettings("tree")).addNodeSettings(key);
        entry.addString("used_variable", variable);
        entry.addString("exposed_variable", null);
        project.wfm().loadNodeSettings(id, settings);
    }
}
