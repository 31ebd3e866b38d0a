package org.dmflab.knime.groundtruth;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Registers the Ground Truth Generator; its description is GroundTruthGeneratorNodeFactory.xml next to this class. */
public final class GroundTruthGeneratorNodeFactory extends NodeFactory<GroundTruthGeneratorNodeModel> {

    @Override
    public GroundTruthGeneratorNodeModel createNodeModel() {
        return new GroundTruthGeneratorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<GroundTruthGeneratorNodeModel> createNodeView(int viewIndex, GroundTruthGeneratorNodeModel model) {
        throw new IndexOutOfBoundsException("the Ground Truth Generator has no views, asked for " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new GroundTruthGeneratorNodeDialog();
    }
}
