package org.dmflab.knime.common;

import javax.swing.JTabbedPane;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/**
 * Shows a node's charts interactively, one tab per chart ({@link ChartTabs}); a zoom survives closing and reopening
 * the view. The tracker's charts also leave the node as PNG image ports.
 *
 * @param <M> the node model
 */
public final class ChartNodeView<M extends NodeModel & ChartSource> extends NodeView<M> {
    private final JTabbedPane tabs = new JTabbedPane();

    public ChartNodeView(M model) {
        super(model);
        setComponent(tabs);
    }

    @Override
    protected void modelChanged() {
        ChartTabs.fill(tabs, getNodeModel().charts());
    }

    @Override
    protected void onClose() {
        ChartTabs.clear(tabs);
    }

    @Override
    protected void onOpen() {
        // modelChanged() fills the tabs when the view opens
    }
}
