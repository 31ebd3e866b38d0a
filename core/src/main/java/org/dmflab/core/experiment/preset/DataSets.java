package org.dmflab.core.experiment.preset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Data sets shipped inside the engine jar (resources next to this class, with their attribution in README.md there).
 */
public final class DataSets {
    /** 100 MNIST images of the digit one, 28×28, one per row (docs/theory.md §8.1). */
    public static final String MNIST_ONES = "mnist-ones-100";
    /**
     * Razin and Cohen's 2×2 completion instance (docs/theory.md §7.6): [[0, 1], [1, 0]], of which the preset observes
     * (1,2), (2,1) and (2,2); the unobserved (1,1) holds 0, so its error is |W₁₁|.
     */
    public static final String RAZIN_COHEN = "razin-cohen-2x2";
    /** Side of an MNIST image in pixels. */
    public static final int MNIST_SIDE = 28;
    /**
     * The largest MNIST pixel value: the presets divide by it through the generator's {@code divide-by} setting, the
     * same code path as the KNIME example and {@code dmflab generate --divide-by 255}.
     */
    public static final int MNIST_PIXEL_MAX = 255;

    private DataSets() {
    }

    /**
     * The data set {@code name} as a matrix, one row per sample, with the values as stored (MNIST: pixels 0…255, not
     * scaled; see {@link #MNIST_PIXEL_MAX}).
     *
     * @param rows how many of its rows (the first ones)
     */
    public static DMatrixRMaj load(String name, int rows) {
        if (!MNIST_ONES.equals(name) && !RAZIN_COHEN.equals(name)) {
            throw new IllegalArgumentException("no data set " + name);
        }
        List<double[]> read = new ArrayList<>();
        try (InputStream stream = DataSets.class.getResourceAsStream(name + ".csv")) {
            if (stream == null) {
                throw new IllegalStateException("the data set " + name + ".csv is missing from the engine jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            reader.readLine(); // header c1 … cn
            for (String line = reader.readLine(); line != null && read.size() < rows; line = reader.readLine()) {
                String[] cells = line.split(",", -1);
                double[] row = new double[cells.length];
                for (int c = 0; c < cells.length; c++) {
                    row[c] = Double.parseDouble(cells[c].trim());
                }
                read.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (read.size() < rows) {
            throw new IllegalArgumentException(name + " has " + read.size() + " rows, asked for " + rows);
        }
        return new DMatrixRMaj(read.toArray(double[][]::new));
    }
}
