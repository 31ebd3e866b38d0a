package org.dmflab.cli.io;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.dmflab.core.chart.ChartRenderer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A chart as the command line writes it (design.md §4): {@code NAME.png} (800×500 pixels, for screens and the
 * reports) and its twin {@code NAME.svg}, the same JFreeChart chart drawn by Apache Batik's SVG generator as vectors
 * with its text as text (for papers). Same chart, same bytes: Batik numbers its definition ids with a counter per
 * document, and nothing of the clock or the machine enters the file.
 */
public final class ChartFiles {
    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>]*>\\s*");

    private ChartFiles() {
    }

    /** Writes {@code name}.png and {@code name}.svg into the output's staging directory; returns the PNG bytes. */
    public static byte[] write(OutputDirectory output, String name, JFreeChart chart) throws IOException {
        byte[] png = ChartRenderer.png(chart, ChartRenderer.DEFAULT_WIDTH, ChartRenderer.DEFAULT_HEIGHT);
        Files.write(output.file(name + ".png"), png);
        Files.writeString(output.file(name + ".svg"), svg(chart, ChartRenderer.DEFAULT_WIDTH,
                ChartRenderer.DEFAULT_HEIGHT), StandardCharsets.UTF_8);
        return png;
    }

    /**
     * The chart as an SVG document of {@code width}×{@code height} user units. Rotated text (the y axis label) is
     * drawn with drawString, not JFreeChart's default TextLayout route, which would reach the SVG as outlines instead
     * of text; the switch is JFreeChart's global, so it is set only while this draws (synchronized) and restored.
     */
    public static synchronized String svg(JFreeChart chart, int width, int height) {
        Document document;
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument(SVG_NAMESPACE, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot create a document", e);
        }
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setComment(null);
        SVGGraphics2D graphics = new SVGGraphics2D(context, false);
        graphics.setSVGCanvasSize(new Dimension(width, height));
        boolean workaround = TextUtils.isUseDrawRotatedStringWorkaround();
        TextUtils.setUseDrawRotatedStringWorkaround(false);
        try {
            chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            TextUtils.setUseDrawRotatedStringWorkaround(workaround);
        }
        Element root = graphics.getRoot();
        root.setAttributeNS(null, "viewBox", "0 0 " + width + " " + height);
        StringWriter text = new StringWriter();
        try {
            graphics.stream(root, text, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            graphics.dispose();
        }
        // Batik writes a DOCTYPE naming the SVG 1.0 DTD by URL: parsers that follow it need the network, and browsers
        // and editors need no DTD, so the document goes without it
        return DOCTYPE.matcher(text.toString()).replaceFirst("");
    }
}
