package org.dmflab.core.chart;

import java.util.Arrays;

/**
 * Thins a long series for drawing without changing what it looks like: the x range is split into bins (equal width on
 * the axis' scale, logarithmic or linear), and each bin keeps its first, lowest, highest and last point, in order. At a
 * few thousand bins for an 800-pixel chart every pixel column keeps its extremes, so steps and spikes survive.
 */
final class Decimation {
    /** Series up to this length are drawn as they are. */
    static final int MAX_POINTS = 8_000;
    static final int BINS = 2_000;

    private Decimation() {
    }

    /** The points to draw, as {x[], y[]}; x ascending, all coordinates finite (and positive on log axes). */
    static double[][] thin(double[] x, double[] y, boolean logX) {
        int n = x.length;
        if (n <= MAX_POINTS) {
            return new double[][]{x.clone(), y.clone()};
        }
        double from = scale(x[0], logX);
        double width = (scale(x[n - 1], logX) - from) / BINS;
        int[] keep = new int[4 * BINS + 4];
        int kept = 0;
        int start = 0;
        while (start < n) {
            int bin = bin(x[start], from, width, logX);
            int end = start;
            int low = start;
            int high = start;
            while (end + 1 < n && bin(x[end + 1], from, width, logX) == bin) {
                end++;
                if (y[end] < y[low]) {
                    low = end;
                }
                if (y[end] > y[high]) {
                    high = end;
                }
            }
            int[] candidates = {start, Math.min(low, high), Math.max(low, high), end};
            for (int index : candidates) {
                if (kept == 0 || keep[kept - 1] != index) {
                    keep[kept++] = index;
                }
            }
            start = end + 1;
        }
        double[][] thinned = new double[2][kept];
        for (int j = 0; j < kept; j++) {
            thinned[0][j] = x[keep[j]];
            thinned[1][j] = y[keep[j]];
        }
        return thinned;
    }

    private static double scale(double value, boolean log) {
        return log ? Math.log10(value) : value;
    }

    private static int bin(double value, double from, double width, boolean log) {
        return width <= 0 ? 0 : Math.min(BINS - 1, (int) ((scale(value, log) - from) / width));
    }

    /** Keeps the points whose coordinates can be drawn: finite, and positive on a logarithmic axis. */
    static double[][] drawable(double[] x, double[] y, boolean logX, boolean logY) {
        int n = Math.min(x.length, y.length);
        double[] keptX = new double[n];
        double[] keptY = new double[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!logX || x[i] > 0) && (!logY || y[i] > 0)) {
                keptX[kept] = x[i];
                keptY[kept] = y[i];
                kept++;
            }
        }
        return new double[][]{Arrays.copyOf(keptX, kept), Arrays.copyOf(keptY, kept)};
    }
}
