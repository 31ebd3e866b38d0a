package org.dmflab.cli.io;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.dmflab.core.chart.ChartRenderer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;

/**
 * A chart as the command line writes it (design.md §4): {@code NAME.png} (800×500 pixels, for screens and the
 * reports) and its twin {@code NAME.svg}, the same JFreeChart chart drawn by JFreeSVG as vectors with its text as
 * text (for papers). Same chart, same bytes: the SVG's definition ids carry a fixed prefix, not JFreeSVG's default
 * of the clock.
 */
public final class ChartFiles {
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
        SVGGraphics2D graphics = new SVGGraphics2D(width, height);
        graphics.setDefsKeyPrefix("dmflab");
        boolean workaround = TextUtils.isUseDrawRotatedStringWorkaround();
        TextUtils.setUseDrawRotatedStringWorkaround(false);
        try {
            chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            TextUtils.setUseDrawRotatedStringWorkaround(workaround);
            graphics.dispose();
        }
        return graphics.getSVGDocument();
    }
}
