package org.dmflab.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** The SVG twin of a chart: well-formed XML whose text elements carry the chart's title, axis labels and legend. */
class ChartFilesTest {

    static JFreeChart chart(String title) {
        XYSeries series = new XYSeries("σ₁ of W");
        for (int k = 0; k <= 50; k++) {
            series.add(k, 1 - Math.exp(-0.1 * k));
        }
        return ChartFactory.createXYLineChart(title, "iteration k", "singular value σ", new XYSeriesCollection(series));
    }

    @Test
    void svgIsXmlWithTheChartsTextAsText() throws Exception {
        String svg = ChartFiles.svg(chart("Singular values & <growth>"), 800, 500);
        assertThat(svg).contains("width=\"800\"", "height=\"500\"", "viewBox=\"0 0 800 500\"")
                .doesNotContain("<!DOCTYPE");
        assertThat(SvgText.of(svg)).contains("Singular values & <growth>", "iteration k", "singular value σ", "σ₁ of W");
    }

    @Test
    void theSameChartGivesTheSameBytes() {
        assertThat(ChartFiles.svg(chart("a"), 800, 500)).isEqualTo(ChartFiles.svg(chart("a"), 800, 500));
        assertThat(ChartFiles.svg(chart("a"), 800, 500)).isNotEqualTo(ChartFiles.svg(chart("b"), 800, 500));
    }
}
