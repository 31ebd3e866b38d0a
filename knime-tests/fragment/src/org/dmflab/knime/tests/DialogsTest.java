package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.swing.JComboBox;
import org.dmflab.core.groundtruth.EigenvectorBasis;
import org.dmflab.core.model.Initialization;
import org.dmflab.core.settings.Setting;
import org.dmflab.core.train.LossKind;
import org.dmflab.core.train.SolverKind;
import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeDialogPane;
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
