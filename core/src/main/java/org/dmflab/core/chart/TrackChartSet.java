package org.dmflab.core.chart;

import org.jfree.chart.JFreeChart;

/** The Spectrum Tracker's three charts ({@link TrackCharts}). */
public record TrackChartSet(JFreeChart eigenvalues, JFreeChart effectiveRank, JFreeChart loss) {
}
