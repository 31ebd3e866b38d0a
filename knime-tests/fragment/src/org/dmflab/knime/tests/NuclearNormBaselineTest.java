package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dmflab.core.Progress;
import org.dmflab.core.baseline.NuclearNormConfig;
import org.dmflab.core.baseline.NuclearNormResult;
import org.dmflab.core.baseline.NuclearNormSettings;
import org.dmflab.core.baseline.NuclearNormSolver;
import org.dmflab.core.baseline.ObservedEntries;
import org.dmflab.core.groundtruth.GroundTruth;
import org.dmflab.core.groundtruth.GroundTruthGenerator;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.knime.baseline.NuclearNormBaselineNodeFactory;
import org.dmflab.knime.groundtruth.GroundTruthGeneratorNodeFactory;
import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;

/**
 * The Nuclear Norm Baseline inside KNIME: Ground Truth Generator (target, observations) → baseline gives the engine's
 * own solution and summary, cell for cell; a table that is neither observations nor measurements is refused at
 * configure, by name; the dialog shows the node's settings.
 */
class NuclearNormBaselineTest {
    private static final Map<String, Object> GENERATOR = Map.of(GroundTruthSettings.SPECTRUM, "gaussian-factors:2",
            GroundTruthSettings.N, 15, GroundTruthSettings.SEED, 4, GroundTruthSettings.OBSERVATIONS, "0.5");

    @Test
    void completesTheGeneratorsObservationsAsTheEngineDoes() throws Exception {
        try (Knime.Project project = Knime.project("baseline")) {
            NodeID generator = project.add(new GroundTruthGeneratorNodeFactory());
            NodeID baseline = baselineAfter(project, generator, 4);
            project.set(baseline, Map.of(NuclearNormSettings.TOLERANCE, 1e-8));
            assertTrue(project.executeAll(), "the workflow executes");
            project.assertExecuted(generator, baseline);

            Map<String, String> truth = new java.util.LinkedHashMap<>();
            GENERATOR.forEach((key, value) -> truth.put(key, value.toString()));
            GroundTruth generated = GroundTruthGenerator.generate(GroundTruthSettings.parse(RawSettings.of(truth),
                    Optional.empty()));
            NuclearNormResult engine = NuclearNormSolver.solve(new ObservedEntries(
                    generated.observations().orElseThrow()), new NuclearNormConfig(1e-8, 10_000), Progress.NONE);
            Rows solution = Rows.of("solution", project.table(baseline, 1));
            assertEquals(15, solution.cells().size());
            for (int i = 0; i < 15; i++) {
                for (int j = 0; j < 15; j++) {
                    assertEquals(engine.solution().get(i, j), solution.cells().get(i).get(j), "W(" + i + ", " + j + ")");
                }
            }
            Rows summary = Rows.of("summary", project.table(baseline, 2));
            assertEquals(List.of("nuclear_norm", "lower_bound", "gap", "relative_residual", "rank", "relative_error",
                    "iterations", "outcome"), summary.columns());
            List<Object> row = summary.cells().get(0);
            assertEquals(engine.nuclearNorm(), row.get(0));
            assertEquals(engine.relativeError(generated.matrix()), row.get(5));
            assertEquals("converged", row.get(7));
        }
    }

    /** Measurements at port 2: the sensing problem; 150 Gaussian measurements of a rank-2 15×15 matrix recover it. */
    @Test
    void solvesTheSensingProblemFromTheGeneratorsMeasurements() throws Exception {
        try (Knime.Project project = Knime.project("baseline-sensing")) {
            NodeID generator = project.add(new GroundTruthGeneratorNodeFactory());
            NodeID baseline = baselineAfter(project, generator, 3);
            project.set(generator, Map.of(GroundTruthSettings.SPECTRUM, "gaussian-factors:2", GroundTruthSettings.N, 15,
                    GroundTruthSettings.SEED, 4, GroundTruthSettings.MEASUREMENTS, 150));
            assertTrue(project.executeAll(), "the workflow executes");
            project.assertExecuted(generator, baseline);
            Rows summary = Rows.of("summary", project.table(baseline, 2));
            assertTrue((Double) summary.cells().get(0).get(5) < 1e-5, "recovered: " + summary.cells().get(0));
            assertEquals(2, summary.cells().get(0).get(4), "rank");
        }
    }

    @Test
    void aTableThatIsNeitherObservationsNorMeasurementsIsRefusedAtConfigure() throws Exception {
        try (Knime.Project project = Knime.project("baseline-wrong-input")) {
            NodeID baseline = baselineAfter(project, project.add(new GroundTruthGeneratorNodeFactory()), 2);
            NodeContainer node = project.node(baseline);
            assertFalse(node.getNodeContainerState().isConfigured(), "not configured with a spectrum table");
            assertTrue(node.getNodeMessage().getMessage().startsWith("observations or measurements table: has "
                    + "neither the columns row, column, value"), node.getNodeMessage().getMessage());
        }
    }

    /** The dialog shows the node's settings: what it saves untouched is what the node has (as DialogsTest). */
    @Test
    void theDialogShowsTheNodesSettings() throws Exception {
        try (Knime.Project project = Knime.project("baseline-dialog")) {
            NodeID baseline = baselineAfter(project, project.add(new GroundTruthGeneratorNodeFactory()), 4);
            project.set(baseline, Map.of(NuclearNormSettings.TOLERANCE, 1e-7, NuclearNormSettings.ITERATIONS, 500));
            NodeContainer node = project.node(baseline);
            NodeDialogPane pane = node.getDialogPaneWithSettings();
            NodeSettings fromDialog = new NodeSettings("dialog");
            pane.finishEditingAndSaveSettingsTo(fromDialog);
            Knime.assertSameValues(node.getNameWithID() + ": the dialog shows the node's settings",
                    project.settings(baseline).getNodeSettings("model"), fromDialog.getNodeSettings("model"));
        }
    }

    /** A baseline node after the generator: its target at port 1, the generator's port {@code dataPort} at port 2. */
    private static NodeID baselineAfter(Knime.Project project, NodeID generator, int dataPort) throws Exception {
        NodeID baseline = project.add(new NuclearNormBaselineNodeFactory());
        project.set(generator, GENERATOR);
        project.connect(generator, 1, baseline, 1);
        project.connect(generator, dataPort, baseline, 2);
        return baseline;
    }
}
