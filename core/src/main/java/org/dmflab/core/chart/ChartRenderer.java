package org.dmflab.core.chart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * Renders a chart to PNG bytes, for the KNIME image ports and for files: JFreeChart draws it into an opaque RGB image
 * ({@link JFreeChart#createBufferedImage}, with the chart's own rendering hints, set by {@link LineChart}) and
 * {@link ChartUtils} encodes it. Works headless (no display is touched). The same chart at the same size gives the same
 * bytes.
 */
public final class ChartRenderer {
    /** The size the charts are designed for. */
    public static final int DEFAULT_WIDTH = 800;
    public static final int DEFAULT_HEIGHT = 500;
    /** Largest width or height: a 10000×10000 RGB image already takes 400 MB. */
    public static final int MAX_SIZE = 10_000;

    private ChartRenderer() {
    }

    /** The chart as PNG, {@code width}×{@code height} pixels. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        if (width < 1 || height < 1 || width > MAX_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("image size must be 1…" + MAX_SIZE + " pixels each way, got " + width
                    + "×" + height);
        }
        // RGB, not ChartUtils.writeChartAsPNG's ARGB: the charts are opaque, and an alpha channel would only add bytes
        BufferedImage image = chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try {
            ChartUtils.writeBufferedImageAsPNG(bytes, image);
        } catch (IOException e) {
            throw new UncheckedIOException("writing PNG to memory failed", e);
        }
        return bytes.toByteArray();
    }
}
