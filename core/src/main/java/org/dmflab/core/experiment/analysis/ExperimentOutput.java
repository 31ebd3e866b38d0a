package org.dmflab.core.experiment.analysis;

import org.dmflab.core.table.Table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an experiment writes: CSV tables and PNG charts by file name (in the order they are listed in the
 * report), the self-contained report, and a few summary lines for the terminal.
 */
public record ExperimentOutput(Map<String, Table> tables, Map<String, byte[]> charts, byte[] report,
                               List<String> summary) {
    /** The report's file name. */
    public static final String REPORT = "report.html";

    public ExperimentOutput {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        charts = Collections.unmodifiableMap(new LinkedHashMap<>(charts));
        report = report.clone();
        summary = List.copyOf(summary);
    }

    @Override
    public byte[] report() {
        return report.clone();
    }
}
