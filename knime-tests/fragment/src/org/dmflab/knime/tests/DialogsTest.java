package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.swing.JComboBox;
import org.dmflab.core.baseline.NuclearNormSettings;
import org.dmflab.core.groundtruth.EigenvectorBasis;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.model.Initialization;
import org.dmflab.core.settings.Setting;
import org.dmflab.core.spectrum.TrackSettings;
import org.dmflab.core.theory.PredictSettings;
import org.dmflab.core.train.LossKind;
import org.dmflab.core.train.SolverKind;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.knime.baseline.NuclearNormBaselineNodeFactory;
import org.dmflab.knime.groundtruth.GroundTruthGeneratorNodeFactory;
import org.dmflab.knime.predict.BoundPredictorNodeFactory;
import org.dmflab.knime.track.SpectrumTrackerNodeFactory;
import org.dmflab.knime.train.DeepFactorizationTrainerNodeFactory;
import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;

/**
 * The dialogs as KNIME builds them for a node (Swing panels, which need no display): each shows the node's current
 * settings (what it saves untouched is what the node has) and its choice lists are the engine's. Opening them in a
 * window, and the tracker's view, need a display (README, "Only a real KNIME desktop shows").
 */
class DialogsTest {

    @Test
    void everyDialogShowsTheCurrentSettingsAndOffersTheEnginesChoices() throws Exception {
        Pipeline pipeline = Pipeline.create("dialogs");
        try (Knime.Project project = pipeline.project) {
            Map<NodeID, List<List<String>>> choices = Map.of(
                    pipeline.generator, List.of(keys(EigenvectorBasis.values())),
                    pipeline.trainer, List.of(keys(Initialization.values()), keys(SolverKind.values()),
                            keys(LossKind.values())),
                    pipeline.predictor, List.of(List.of(Initialization.IDENTITY.key(), Initialization.PERTURBED.key())),
                    pipeline.tracker, List.of());
            for (NodeID id : pipeline.nodes()) {
                NodeContainer node = project.node(id);
                NodeDialogPane pane = node.getDialogPaneWithSettings();
                NodeSettings fromDialog = new NodeSettings("dialog");
                pane.finishEditingAndSaveSettingsTo(fromDialog);
                Knime.assertSameValues(node.getNameWithID() + ": the dialog shows the node's settings",
                        project.settings(id).getNodeSettings("model"), fromDialog.getNodeSettings("model"));
                assertEquals(choices.get(id), comboBoxItems(pane.getPanel()), node.getNameWithID() + ": choice lists");
            }
        }
    }

    /**
     * A new node saves exactly the engine's declared defaults for every key (blank where the declaration has a rule
     * instead, e.g. β = α/2 or no seed), so it makes the run the command line makes without options: the command line
     * leaves an absent option absent, and the engine reads an absent key as its declared default
     * (SettingDeclarationsTest in the engine).
     */
    @Test
    void aNewNodeSavesTheDeclaredDefaultsOfEveryKey() throws Exception {
        Map<NodeFactory<? extends NodeModel>, List<Setting>> nodes = new java.util.LinkedHashMap<>();
        nodes.put(new GroundTruthGeneratorNodeFactory(), GroundTruthSettings.SETTINGS);
        nodes.put(new DeepFactorizationTrainerNodeFactory(), TrainSettings.SETTINGS);
        nodes.put(new SpectrumTrackerNodeFactory(), TrackSettings.SETTINGS);
        nodes.put(new BoundPredictorNodeFactory(), PredictSettings.SETTINGS);
        nodes.put(new NuclearNormBaselineNodeFactory(), NuclearNormSettings.SETTINGS);
        int checked = 0;
        try (Knime.Project project = Knime.project("defaults")) {
            for (var node : nodes.entrySet()) {
                NodeID id = project.add(node.getKey());
                NodeSettings model = project.settings(id).getNodeSettings("model");
                for (Setting setting : node.getValue()) {
                    String expected = setting.hasDefaultValue() ? setting.defaultValue() : "";
                    assertEquals(expected, model.getEntry(setting.key()).toStringValue(), project.node(id).getName()
                            + ": the new node's '" + setting.key() + "'");
                    checked++;
                }
            }
        }
        assertEquals(nodes.values().stream().mapToInt(List::size).sum(), checked, "keys checked");
    }

    private static List<String> keys(Enum<?>[] values) {
        List<String> keys = new ArrayList<>();
        for (Enum<?> value : values) {
            keys.add(value instanceof Initialization i ? i.key() : value instanceof SolverKind s ? s.key()
                    : value instanceof LossKind l ? l.key() : ((EigenvectorBasis) value).key());
        }
        return keys;
    }

    private static List<List<String>> comboBoxItems(Container container) {
        List<List<String>> lists = new ArrayList<>();
        for (Component child : container.getComponents()) {
            if (child instanceof JComboBox<?> box) {
                // the choices of our settings (KNIME's own tabs, e.g. the job manager's, have other items)
                List<String> items = new ArrayList<>();
                for (int i = 0; i < box.getItemCount(); i++) {
                    if (box.getItemAt(i) instanceof Setting.Choice choice) {
                        items.add(choice.key());
                    }
                }
                if (!items.isEmpty()) {
                    lists.add(items);
                }
            } else if (child instanceof Container inner) {
                lists.addAll(comboBoxItems(inner));
            }
        }
        return lists;
    }
}
