package org.dmflab.knime.predict;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Registers the Theoretical Bound Predictor; its description is the XML file of the same name. */
public final class BoundPredictorNodeFactory extends NodeFactory<BoundPredictorNodeModel> {

    @Override
    public BoundPredictorNodeModel createNodeModel() {
        return new BoundPredictorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<BoundPredictorNodeModel> createNodeView(int viewIndex, BoundPredictorNodeModel model) {
        throw new IndexOutOfBoundsException("the Theoretical Bound Predictor has no views, asked for " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new BoundPredictorNodeDialog();
    }
}
