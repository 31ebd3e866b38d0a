package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import org.dmflab.core.baseline.NuclearNormSettings;
import org.dmflab.core.groundtruth.EigenvectorBasis;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.settings.Setting;
import org.dmflab.core.track.TrackSettings;
import org.dmflab.core.predict.PredictSettings;
import org.dmflab.core.dynamics.DeterminantSign;
import org.dmflab.core.loss.LossKind;
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
 * window, and the tracker's view, need a display (docs/development.md, "Only a real KNIME desktop shows").
 */
class DialogsTest {

    @Test
    void everyDialogShowsTheCurrentSettingsAndOffersTheEnginesChoices() throws Exception {
        Pipeline pipeline = Pipeline.create("dialogs");
        try (Knime.Project project = pipeline.project) {
            Map<NodeID, List<List<String>>> choices = Map.of(
                    pipeline.generator, List.of(keys(EigenvectorBasis.values())),
                    pipeline.trainer, List.of(keys(Initialization.values()), keys(DeterminantSign.values()),
                            keys(SolverKind.values()), keys(LossKind.values())),
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

    /**
     * Each node description's options are the dialog's rows, in the dialog's order and under its labels (a check box
     * carries its label itself): the description, read as KNIME reads it from the node's bundle, and the dialog a
     * user opens cannot drift apart.
     */
    @Test
    void theDescriptionsOptionsAreTheDialogsRowsInOrder() throws Exception {
        List<NodeFactory<? extends NodeModel>> factories = List.of(new GroundTruthGeneratorNodeFactory(),
                new DeepFactorizationTrainerNodeFactory(), new SpectrumTrackerNodeFactory(),
                new BoundPredictorNodeFactory(), new NuclearNormBaselineNodeFactory());
        int rows = 0;
        try (Knime.Project project = Knime.project("description-order")) {
            for (NodeFactory<? extends NodeModel> factory : factories) {
                NodeContainer node = project.node(project.add(factory));
                List<String[]> options = descriptionOptions(factory);
                Map<String, JComponent> widgets = new java.util.LinkedHashMap<>();
                Map<JComponent, String> labels = new java.util.HashMap<>();
                collectRows(node.getDialogPaneWithSettings().getPanel(), options.stream().map(o -> o[1]).toList(),
                        widgets, labels);
                assertEquals(options.stream().map(o -> o[1]).toList(), List.copyOf(widgets.keySet()),
                        node.getName() + ": the description's options in the dialog's order");
                for (String[] option : options) {
                    JComponent widget = widgets.get(option[1]);
                    String shown = widget instanceof AbstractButton box ? box.getText() : labels.get(widget);
                    assertEquals(widget instanceof AbstractButton ? option[0] : option[0] + ":", shown,
                            node.getName() + ": the label of '" + option[1] + "'");
                    rows++;
                }
            }
        }
        assertEquals(11 + 15 + 3 + 9 + 2, rows, "options compared with their dialog rows");
    }

    /** The options of a node's description: name and key ("Key <tt>k</tt>."), in order. */
    private static List<String[]> descriptionOptions(NodeFactory<?> factory) throws Exception {
        try (java.io.InputStream xml = factory.getClass().getResourceAsStream(
                factory.getClass().getSimpleName() + ".xml")) {
            javax.xml.parsers.DocumentBuilderFactory builder = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            builder.setNamespaceAware(true);
            org.w3c.dom.NodeList elements = builder.newDocumentBuilder().parse(xml)
                    .getElementsByTagNameNS("*", "option");
            List<String[]> options = new ArrayList<>();
            for (int i = 0; i < elements.getLength(); i++) {
                org.w3c.dom.Element option = (org.w3c.dom.Element) elements.item(i);
                java.util.regex.Matcher key = java.util.regex.Pattern.compile("Key (\\S+?)\\.\\s*$")
                        .matcher(option.getTextContent().replaceAll("\\s+", " "));
                assertEquals(true, key.find(), factory.getClass().getSimpleName() + ": option "
                        + option.getAttribute("name") + " names its key last");
                options.add(new String[]{option.getAttribute("name"), key.group(1)});
            }
            return options;
        }
    }

    /** The widgets named by a setting key in the order a user reads them, and the text of their labels. */
    private static void collectRows(Container container, List<String> keys, Map<String, JComponent> widgets,
                                    Map<JComponent, String> labels) {
        for (Component child : container.getComponents()) {
            if (child instanceof JLabel label && label.getLabelFor() instanceof JComponent target) {
                labels.put(target, label.getText());
            }
            if (child instanceof JComponent widget && keys.contains(widget.getName())) {
                widgets.putIfAbsent(widget.getName(), widget);
            } else if (child instanceof Container inner) {
                collectRows(inner, keys, widgets, labels);
            }
        }
    }

    private static List<String> keys(Enum<?>[] values) {
        List<String> keys = new ArrayList<>();
        for (Enum<?> value : values) {
            keys.add(value instanceof Initialization i ? i.key() : value instanceof SolverKind s ? s.key()
                    : value instanceof LossKind l ? l.key() : value instanceof DeterminantSign d ? d.key()
                    : ((EigenvectorBasis) value).key());
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
