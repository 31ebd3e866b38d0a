package org.dmflab.core.experiment.analysis;

import org.dmflab.core.table.Table;
import org.jfree.chart.JFreeChart;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an experiment writes: CSV tables and PNG charts by file name (in the order they are listed in the
 * report), the self-contained report, a few summary lines for the terminal, and the drawn charts behind the PNGs (by
 * the PNG's file name; images that are not charts, such as digit grids, have none) for vector copies.
 */
public record ExperimentOutput(Map<String, Table> tables, Map<String, byte[]> charts, byte[] report,
                               List<String> summary, Map<String, JFreeChart> drawings) {
    /** The report's file name. */
    public static final String REPORT = "report.html";

    /** An output without drawn charts. */
    public ExperimentOutput(Map<String, Table> tables, Map<String, byte[]> charts, byte[] report,
                            List<String> summary) {
        this(tables, charts, report, summary, Map.of());
    }

    public ExperimentOutput {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        charts = Collections.unmodifiableMap(new LinkedHashMap<>(charts));
        drawings = Collections.unmodifiableMap(new LinkedHashMap<>(drawings));
        report = report.clone();
        summary = List.copyOf(summary);
    }

    @Override
    public byte[] report() {
        return report.clone();
    }
}
