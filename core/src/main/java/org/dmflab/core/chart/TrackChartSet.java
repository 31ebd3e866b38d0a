package org.dmflab.core.chart;

import java.util.List;
import org.jfree.chart.JFreeChart;

/** The Spectrum Tracker's three charts ({@link TrackCharts}), in the order of {@link #NAMES}. */
public record TrackChartSet(JFreeChart eigenvalues, JFreeChart effectiveRank, JFreeChart loss) {
    /** Short names of the charts: the command line's file names (plus ".png"), usable as view tab titles. */
    public static final List<String> NAMES = List.of("eigenvalues", "effective-rank", "loss");

    /** The charts in the order of {@link #NAMES}. */
    public List<JFreeChart> all() {
        return List.of(eigenvalues, effectiveRank, loss);
    }
}
