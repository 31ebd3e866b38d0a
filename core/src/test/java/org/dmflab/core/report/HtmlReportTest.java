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
