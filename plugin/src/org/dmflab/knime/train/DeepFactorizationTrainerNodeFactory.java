package org.dmflab.knime.train;

import org.dmflab.knime.common.ChartNodeView;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Registers the Deep Factorization Trainer; its description is the XML file of the same name. */
public final class DeepFactorizationTrainerNodeFactory extends NodeFactory<DeepFactorizationTrainerNodeModel> {

    @Override
    public DeepFactorizationTrainerNodeModel createNodeModel() {
        return new DeepFactorizationTrainerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<DeepFactorizationTrainerNodeModel> createNodeView(int viewIndex,
                                                                     DeepFactorizationTrainerNodeModel model) {
        return new ChartNodeView<>(model);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new DeepFactorizationTrainerNodeDialog();
    }
}
