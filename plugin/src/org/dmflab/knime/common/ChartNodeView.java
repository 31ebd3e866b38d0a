package org.dmflab.knime.common;

import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import javax.swing.SwingConstants;
import org.jfree.chart.ChartPanel;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/**
 * Shows a node's charts interactively, one tab per chart, in JFreeChart panels (drag to zoom, right-click for the
 * menu). The same charts leave the node as PNG image ports.
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
        tabs.removeAll();
        for (ChartSource.NamedChart chart : getNodeModel().charts()) {
            ChartPanel panel = new ChartPanel(chart.chart());
            panel.setMouseWheelEnabled(true);
            tabs.addTab(chart.title(), panel);
        }
        if (tabs.getTabCount() == 0) {
            tabs.addTab("No data", new JLabel("Execute the node to see its charts.", SwingConstants.CENTER));
        }
    }

    @Override
    protected void onClose() {
        tabs.removeAll();
    }

    @Override
    protected void onOpen() {
        // modelChanged() fills the tabs when the view opens
    }
}
