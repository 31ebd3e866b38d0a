package org.dmflab.core.experiment.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dmflab.core.table.Table;
import org.jfree.chart.JFreeChart;

/**
 * What a preset's analysis adds to the report: extra CSV tables, extra charts, key numbers, key tables shown in the
 * report and one-line findings for the terminal, each in the order the analysis added it.
 */
record AnalysisOutput(Map<String, Table> tables, List<Figure> charts, Map<String, Object> keyNumbers,
                      List<KeyTable> keyTables, List<String> findings) {
    AnalysisOutput {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        charts = List.copyOf(charts);
        keyNumbers = Collections.unmodifiableMap(new LinkedHashMap<>(keyNumbers));
        keyTables = List.copyOf(keyTables);
        findings = List.copyOf(findings);
    }

    /** A chart, or an already drawn PNG image ({@code chart} null), with its file name and caption. */
    record Figure(String file, JFreeChart chart, byte[] image, String caption) {
        Figure {
            Objects.requireNonNull(file, "file");
            if ((chart == null) == (image == null)) {
                throw new IllegalArgumentException(file + ": a figure is either a chart or an image");
            }
            image = image == null ? null : image.clone();
            Objects.requireNonNull(caption, "caption");
        }

        /** A chart. */
        Figure(String file, JFreeChart chart, String caption) {
            this(file, chart, null, caption);
        }

        @Override
        public byte[] image() {
            return image == null ? null : image.clone();
        }
    }

    /** A table shown in the report's key numbers, with its caption. */
    record KeyTable(String caption, Table table) {
        KeyTable {
            Objects.requireNonNull(caption, "caption");
            Objects.requireNonNull(table, "table");
        }
    }

    static Builder builder() {
        return new Builder();
    }

    /** Collects one analysis' output; {@link #build()} freezes it. */
    static final class Builder {
        private final Map<String, Table> tables = new LinkedHashMap<>();
        private final List<Figure> charts = new ArrayList<>();
        private final Map<String, Object> keyNumbers = new LinkedHashMap<>();
        private final List<KeyTable> keyTables = new ArrayList<>();
        private final List<String> findings = new ArrayList<>();

        private Builder() {
        }

        Builder table(String file, Table table) {
            tables.put(file, table);
            return this;
        }

        Builder chart(String file, JFreeChart chart, String caption) {
            charts.add(new Figure(file, chart, caption));
            return this;
        }

        /** A figure drawn without JFreeChart (e.g. images of matrix rows), as PNG bytes of the charts' size. */
        Builder image(String file, byte[] png, String caption) {
            charts.add(new Figure(file, null, png, caption));
            return this;
        }

        /** A key number; {@code value} may be null (shown empty) when the number does not exist. */
        Builder keyNumber(String label, Object value) {
            keyNumbers.put(label, value);
            return this;
        }

        Builder keyTable(String caption, Table table) {
            keyTables.add(new KeyTable(caption, table));
            return this;
        }

        Builder finding(String line) {
            findings.add(line);
            return this;
        }

        AnalysisOutput build() {
            return new AnalysisOutput(tables, charts, keyNumbers, keyTables, findings);
        }
    }
}
