package org.dmflab.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.junit.jupiter.api.Test;
import org.dmflab.core.table.SpectrumTables;

class HtmlReportTest {

    @Test
    void inlinesImagesEscapesTextAndShortensNumbers() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("depth N", 3);
        settings.put("step <η>", 0.0123456789);
        String html = new HtmlReport("Plateaus & ranks")
                .keyValues(settings)
                .table("Spectrum", SpectrumTables.toTable(new Spectrum(new double[]{8, 4, 2}, SpectrumKind.EIGENVALUE)), 2)
                .image("effective rank", png)
                .html();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Plateaus &amp; ranks</title>")
                .contains("<th>step &lt;η&gt;</th><td>0.0123457</td>")
                .contains("<td>8</td>")
                .contains("1 more rows in the CSV file.")
                .contains("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
    }

    /**
     * A table fits the page: a column empty in every row is left out and named, long text gets a wide text column, and
     * the table scrolls inside a block of the page's width instead of widening the page.
     */
    @Test
    void tablesLeaveOutEmptyColumnsAndScrollInsideThePage() {
        org.dmflab.core.table.Table table = org.dmflab.core.table.Table.builder(java.util.List.of(
                        org.dmflab.core.table.Column.of("r", org.dmflab.core.table.ColumnType.INTEGER),
                        org.dmflab.core.table.Column.nullable("k_end", org.dmflab.core.table.ColumnType.LONG),
                        org.dmflab.core.table.Column.of("regime", org.dmflab.core.table.ColumnType.STRING)))
                .addRow(1, null, "short").addRow(2, null, "x".repeat(HtmlReport.LONG_TEXT + 1)).build();
        String html = new HtmlReport("t").table("bounds", table, 10).html();
        assertThat(html).contains("<p class=\"caption\">bounds</p><div class=\"wide\"><table><tr><th>r</th>"
                        + "<th>regime</th></tr>")
                .doesNotContain("<th>k_end</th>")
                .contains("Empty in every row, not shown: k_end")
                .contains("<td>short</td>", "<td class=\"text\">" + "x".repeat(HtmlReport.LONG_TEXT + 1) + "</td>")
                .contains("div.wide{max-width:100%;overflow-x:auto}");
    }

    @Test
    void formatsNumbersWithSixSignificantDigits() {
        assertThat(HtmlReport.format(1.0)).isEqualTo("1");
        assertThat(HtmlReport.format(0.5)).isEqualTo("0.5");
        assertThat(HtmlReport.format(1.23456789e-7)).isEqualTo("1.23457e-07");
        assertThat(HtmlReport.format(2.5e-10)).isEqualTo("2.5e-10");
        assertThat(HtmlReport.format(null)).isEmpty();
        assertThat(HtmlReport.format(42L)).isEqualTo("42");
    }
}
