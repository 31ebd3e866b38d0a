package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.track.TrackSettings;
import org.dmflab.core.predict.PredictSettings;
import org.dmflab.core.train.TrainSettings;
import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.w3c.dom.Element;

/**
 * What KNIME sees of each node agrees with the contracts: the settings its models save are exactly the engine's keys
 * (docs/design.md §3, which plugin-checks compares with the engine), and its description, as KNIME's parser loaded
 * it, documents exactly the node's ports.
 */
class NodeContractTest {

    @Test
    void savedSettingsAreTheEnginesKeysAndTheDescriptionDocumentsEveryPort() throws Exception {
        Pipeline pipeline = Pipeline.create("contracts");
        try (Knime.Project project = pipeline.project) {
            Map<NodeID, List<String>> keys = Map.of(pipeline.generator, GroundTruthSettings.KEYS, pipeline.trainer,
                    TrainSettings.KEYS, pipeline.predictor, PredictSettings.KEYS, pipeline.tracker, TrackSettings.KEYS);
            for (NodeID id : pipeline.nodes()) {
                NodeContainer node = project.node(id);
                // each settings model saves its value under its key and its enabled state under key_Internals
                Set<String> saved = new TreeSet<>(project.settings(id).getNodeSettings("model").keySet());
                saved.removeIf(key -> key.endsWith("_Internals"));
                assertEquals(new TreeSet<>(keys.get(id)), saved, node.getNameWithID() + ": saved model keys");
                NodeFactory<NodeModel> factory = ((NativeNodeContainer) node).getNode().getFactory();
                Element description = factory.getXMLDescription();
                assertNotNull(description, node.getNameWithID() + " has a description KNIME loaded");
                // KNIME counts the flow-variable port 0 too
                assertEquals(node.getNrInPorts() - 1, description.getElementsByTagNameNS("*", "inPort").getLength(),
                        node.getNameWithID() + ": documented input ports");
                assertEquals(node.getNrOutPorts() - 1, description.getElementsByTagNameNS("*", "outPort").getLength(),
                        node.getNameWithID() + ": documented output ports");
            }
        }
    }
}
