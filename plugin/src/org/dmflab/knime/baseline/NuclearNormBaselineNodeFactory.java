package org.dmflab.knime.baseline;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Registers the Nuclear Norm Baseline; its description is the XML file of the same name. */
public final class NuclearNormBaselineNodeFactory extends NodeFactory<NuclearNormBaselineNodeModel> {

    @Override
    public NuclearNormBaselineNodeModel createNodeModel() {
        return new NuclearNormBaselineNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<NuclearNormBaselineNodeModel> createNodeView(int viewIndex, NuclearNormBaselineNodeModel model) {
        throw new IndexOutOfBoundsException("the Nuclear Norm Baseline has no views, asked for " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new NuclearNormBaselineNodeDialog();
    }
}
