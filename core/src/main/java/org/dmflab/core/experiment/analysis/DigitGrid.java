package org.dmflab.core.experiment.analysis;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.dmflab.core.chart.ChartRenderer;
import org.dmflab.core.chart.ChartStyle;

/**
 * Rows of matrices shown as square grey-scale images (docs/theory.md §8.1, Figs. 10–12: a row of W(k) reshaped to
 * 28×28): one line of labelled images per entry, pixel values clamped to [0, 1] (0 black, 1 white), drawn 1:1 scaled
 * up with nearest-neighbour pixels, on a {@value ChartRenderer#DEFAULT_WIDTH}×{@value ChartRenderer#DEFAULT_HEIGHT}
 * PNG like the charts.
 */
final class DigitGrid {
    private static final int IMAGE = 68;
    private static final int LABEL = 13;
    private static final int GAP = 10;

    /** One image: its label and its pixels, row-major, side × side. */
    record Cell(String label, double[] pixels) {
    }

    /** One line of the grid: a heading on the left and its images. */
    record Line(String heading, List<Cell> cells) {
    }

    private DigitGrid() {
    }

    static byte[] png(String title, int side, List<Line> lines) {
        BufferedImage canvas = new BufferedImage(ChartRenderer.DEFAULT_WIDTH, ChartRenderer.DEFAULT_HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(ChartStyle.BACKGROUND);
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(ChartStyle.TITLE_FONT);
            g.drawString(title, 12, 24);
            int top = 36;
            Font label = new Font(ChartStyle.FONT_FAMILY, Font.PLAIN, 11);
            for (Line line : lines) {
                g.setFont(ChartStyle.AXIS_LABEL_FONT);
                g.setColor(Color.BLACK);
                g.drawString(line.heading(), 12, top + LABEL + IMAGE / 2);
                int left = 130;
                for (Cell cell : line.cells()) {
                    g.setFont(label);
                    g.drawString(cell.label(), left, top + LABEL - 2);
                    g.drawImage(pixels(cell.pixels(), side), left, top + LABEL, IMAGE, IMAGE, null);
                    left += Math.max(IMAGE, g.getFontMetrics().stringWidth(cell.label())) + 2 * GAP;
                }
                top += LABEL + IMAGE + GAP;
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(canvas, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static BufferedImage pixels(double[] values, int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int grey = (int) Math.round(255 * Math.max(0, Math.min(1, values[r * side + c])));
                image.setRGB(c, r, (grey << 16) | (grey << 8) | grey);
            }
        }
        return image;
    }
}
