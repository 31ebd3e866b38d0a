package org.dmflab.knime.common;

import java.util.List;
import org.jfree.chart.JFreeChart;

/** A node model whose last execution produced charts to show in a {@link ChartNodeView}. */
public interface ChartSource {

    /** A chart and the title of its tab. */
    record NamedChart(String title, JFreeChart chart) {
    }

    /** The charts of the last execution; empty before execution or after a reset. */
    List<NamedChart> charts();
}
