package org.dmflab.core.groundtruth;

import org.dmflab.core.Checks;
import org.ejml.data.DMatrixRMaj;

/**
 * The number an input table is divided by before noise is added ({@code divide-by}, docs/design.md §3), e.g. 255 to
 * bring 8-bit pixels to [0, 1]. Each entry becomes the correctly rounded quotient x / c (not x · (1/c), which can differ
 * in the last bit), so the KNIME generator, {@code dmflab generate --divide-by} and the presets that read a bundled data
 * set give the same bytes. A generated target (a spectrum) is not divided.
 *
 * @param value c, positive and finite; 1 leaves the table as it is
 */
public record InputDivisor(double value) {
    /** The setting this divisor comes from, used in messages. */
    public static final String KEY = "divide-by";
    /** No scaling. */
    public static final InputDivisor NONE = new InputDivisor(1);

    public InputDivisor {
        Checks.positive(KEY, value, "the number the input table is divided by", "use e.g. 255 for 8-bit pixels, or "
                + "1 to keep the table as it is");
    }

    /** Divides every entry of {@code matrix} by c, in place. */
    void applyTo(DMatrixRMaj matrix) {
        if (value == 1) {
            return;
        }
        double[] data = matrix.data;
        int entries = matrix.getNumElements();
        for (int k = 0; k < entries; k++) {
            data[k] = data[k] / value;
        }
    }
}
