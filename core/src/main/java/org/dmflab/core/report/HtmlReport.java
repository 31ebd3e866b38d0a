package org.dmflab.core.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dmflab.core.table.Table;

/**
 * A self-contained HTML report: headings, paragraphs, key–value lists, tables and PNG charts inlined as data URIs, so
 * the single file can be mailed or archived and still shows everything. Text is escaped; numbers in tables are shown
 * with up to six significant digits (the CSV files next to the report keep full precision).
 */
public final class HtmlReport {
    /** Text cells longer than this get a wide, left-aligned column. */
    static final int LONG_TEXT = 40;

    private final String title;
    private final List<String> body = new ArrayList<>();

    public HtmlReport(String title) {
        this.title = title;
    }

    /** A section heading. */
    public HtmlReport heading(String text) {
        body.add("<h2>" + escape(text) + "</h2>");
        return this;
    }

    /** A paragraph of plain text. */
    public HtmlReport paragraph(String text) {
        body.add("<p>" + escape(text) + "</p>");
        return this;
    }

    /** A two-column table of settings or key numbers, in the map's order. */
    public HtmlReport keyValues(Map<String, ?> entries) {
        StringBuilder html = new StringBuilder("<table class=\"kv\">");
        entries.forEach((key, value) -> html.append("<tr><th>").append(escape(key)).append("</th><td>")
                .append(escape(format(value))).append("</td></tr>"));
        body.add(html.append("</table>").toString());
        return this;
    }

    /**
     * A table with a caption; at most {@code maxRows} rows are shown (the CSV has all). Columns empty in every row are
     * left out and named in a note; the table scrolls sideways inside the page's width instead of widening it, and
     * text cells longer than {@value #LONG_TEXT} characters get a wide left-aligned column instead of a thin one.
     */
    public HtmlReport table(String caption, Table table, int maxRows) {
        List<Integer> columns = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (int column = 0; column < table.columnCount(); column++) {
            boolean filled = false;
            for (int row = 0; row < table.rowCount() && !filled; row++) {
                filled = !format(table.cell(row, column)).isEmpty();
            }
            if (filled || table.rowCount() == 0) {
                columns.add(column);
            } else {
                empty.add(table.columnNames().get(column));
            }
        }
        // the caption stands above the scrolling block, so that it wraps at the page's width
        StringBuilder html = new StringBuilder("<p class=\"caption\">").append(escape(caption))
                .append("</p><div class=\"wide\"><table><tr>");
        for (int column : columns) {
            html.append("<th>").append(escape(table.columnNames().get(column))).append("</th>");
        }
        html.append("</tr>");
        int shown = Math.min(maxRows, table.rowCount());
        for (int row = 0; row < shown; row++) {
            html.append("<tr>");
            for (int column : columns) {
                String text = format(table.cell(row, column));
                html.append(text.length() > LONG_TEXT ? "<td class=\"text\">" : "<td>").append(escape(text))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table></div>");
        if (!empty.isEmpty()) {
            html.append("<p class=\"note\">Empty in every row, not shown: ").append(escape(String.join(", ", empty)))
                    .append(" (the CSV file has them).</p>");
        }
        if (shown < table.rowCount()) {
            html.append("<p class=\"note\">").append(table.rowCount() - shown).append(" more rows in the CSV file.</p>");
        }
        body.add(html.toString());
        return this;
    }

    /** A PNG chart with a caption, inlined. */
    public HtmlReport image(String caption, byte[] png) {
        body.add("<figure><img alt=\"" + escape(caption) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\"><figcaption>" + escape(caption)
                + "</figcaption></figure>");
        return this;
    }

    /** The complete document. */
    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>body{font-family:DejaVu Sans,Helvetica,Arial,sans-serif;max-width:1000px;margin:2em auto;"
                + "color:#222}table{border-collapse:collapse;margin:0 0 1em}div.wide{max-width:100%;overflow-x:auto}"
                + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td.text{text-align:left;"
                + "min-width:24em}th{background:#f3f3f3}table.kv th{text-align:left}caption,p.caption{font-weight:bold;"
                + "text-align:left;margin:1em 0 4px}figure{margin:1em 0}img{max-width:100%}figcaption{color:#555}"
                + ".note{color:#777;font-size:90%}</style></head><body><h1>" + escape(title) + "</h1>\n"
                + String.join("\n", body) + "\n</body></html>\n";
    }

    /** The document as UTF-8 bytes. */
    public byte[] bytes() {
        return html().getBytes(StandardCharsets.UTF_8);
    }

    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number) {
            double d = number;
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return String.format(Locale.ROOT, "%.6g", d).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                    .replaceAll("\\.$", "");
        }
        return value.toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
