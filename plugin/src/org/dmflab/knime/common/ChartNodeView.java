package org.dmflab.knime.common;

import java.util.List;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import javax.swing.SwingConstants;
import org.jfree.chart.ChartPanel;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/**
 * Shows a node's charts interactively, one tab per chart ({@link Tabs}); a zoom survives closing and reopening
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
        Tabs.fill(tabs, getNodeModel().charts());
    }

    @Override
    protected void onClose() {
        Tabs.clear(tabs);
    }

    @Override
    protected void onOpen() {
        // modelChanged() fills the tabs when the view opens
    }

    /**
     * The content of a {@link ChartNodeView}: one tab per chart, each an interactive JFreeChart panel (drag to zoom,
     * mouse wheel, right-click menu). The panels draw the model's own chart objects, which hold the axis ranges: a
     * zoom stays with the chart when the view is closed and opened again, until the node is reset or executed anew.
     */
    public static final class Tabs {
        private Tabs() {
        }

        /** Replaces the tabs by the charts, or by a hint to execute the node when there are none. */
        public static void fill(JTabbedPane tabs, List<ChartSource.NamedChart> charts) {
            clear(tabs);
            for (ChartSource.NamedChart chart : charts) {
                ChartPanel panel = new ChartPanel(chart.chart());
                panel.setMouseWheelEnabled(true);
                tabs.addTab(chart.title(), panel);
            }
            if (tabs.getTabCount() == 0) {
                tabs.addTab("No data", new JLabel("Execute the node to see its charts.", SwingConstants.CENTER));
            }
        }

        /** Removes the tabs; their panels stop listening to the charts, which the model keeps. */
        public static void clear(JTabbedPane tabs) {
            for (int i = 0; i < tabs.getTabCount(); i++) {
                if (tabs.getComponentAt(i) instanceof ChartPanel panel) {
                    panel.setChart(null);
                }
            }
            tabs.removeAll();
        }
    }
}
