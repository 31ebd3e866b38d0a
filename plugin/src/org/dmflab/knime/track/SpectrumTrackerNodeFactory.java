package org.dmflab.knime.track;

import org.dmflab.knime.common.ChartNodeView;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Registers the Spectrum Tracker; its description is the XML file of the same name. */
public final class SpectrumTrackerNodeFactory extends NodeFactory<SpectrumTrackerNodeModel> {

    @Override
    public SpectrumTrackerNodeModel createNodeModel() {
        return new SpectrumTrackerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<SpectrumTrackerNodeModel> createNodeView(int viewIndex, SpectrumTrackerNodeModel model) {
        return new ChartNodeView<>(model);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new SpectrumTrackerNodeDialog();
    }
}
