package org.dmflab.core.theory;

import java.util.Arrays;
import java.util.Locale;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.linalg.Spectra;
import org.dmflab.core.linalg.Spectrum;
import org.dmflab.core.linalg.SpectrumKind;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.Table;
import org.ejml.data.DMatrixRMaj;

/**
 * Where the predictor's spectrum comes from — a spectrum table (design.md §2) or a target matrix — and the checks that
 * make the symmetric theory applicable: a target must be symmetric (theory.md §2); a singular-value table is accepted
 * only as the eigenvalues of a PSD target (its values must be ≥ 0), and the prediction says so.
 */
public final class SpectrumSource {
    private SpectrumSource() {
    }

    /**
     * Reads a spectrum table with columns {@code index}, {@code value}, {@code kind} (one kind for all rows, values
     * descending). {@code source} names the table in messages (e.g. the file).
     */
    public static Spectrum fromTable(Table table, String source) {
        int value = table.indexOf(Schemas.VALUE);
        int kind = table.indexOf(Schemas.KIND);
        if (value < 0 || kind < 0) {
            throw new InvalidInputException(source, "is not a spectrum table: it needs the columns index, value, kind "
                    + "(design.md §2), found " + table.columnNames());
        }
        if (table.rowCount() == 0) {
            throw new InvalidInputException(source, "has no rows; a spectrum needs at least one value");
        }
        double[] values = new double[table.rowCount()];
        SpectrumKind first = null;
        for (int row = 0; row < values.length; row++) {
            String cell = source + ", " + (table.hasSourceLines() ? table.rowLocation(row) : "row " + (row + 1));
            Object label = table.cell(row, kind);
            SpectrumKind rowKind = label == null ? null : SpectrumKind.fromLabel(label.toString());
            if (rowKind == null) {
                throw new InvalidInputException(cell + ", column 'kind'", "'" + label + "' is neither 'eigenvalue' "
                        + "nor 'singular value'");
            }
            if (first != null && rowKind != first) {
                throw new InvalidInputException(cell + ", column 'kind'", "mixes " + first.label() + "s and "
                        + rowKind.label() + "s; one spectrum has one kind");
            }
            first = rowKind;
            Object number = table.cell(row, value);
            if (!(number instanceof Number)) {
                throw new InvalidInputException(cell + ", column 'value'", "'" + number + "' is not a number");
            }
            values[row] = ((Number) number).doubleValue();
            if (!Double.isFinite(values[row])) {
                throw new InvalidInputException(cell + ", column 'value'", "is not a finite number");
            }
            if (row > 0 && values[row] > values[row - 1]) {
                throw new InvalidInputException(cell + ", column 'value'", String.format(Locale.ROOT,
                        "%s is larger than the previous value %s; spectrum tables are descending", values[row],
                        values[row - 1]));
            }
        }
        return new Spectrum(values, first);
    }

    /** The eigenvalues of a symmetric target; a non-symmetric one is refused (the theory needs Φ = VΛVᵀ). */
    public static Spectrum fromTarget(DMatrixRMaj target, String source) {
        Spectrum spectrum = Spectra.of(target);
        if (spectrum.kind() != SpectrumKind.EIGENVALUE) {
            throw new InvalidInputException(source, String.format(Locale.ROOT, "the %d×%d target is not symmetric; "
                    + "the predictor's theory (theory.md §2) needs a symmetric target. Symmetrise it, (Φ + Φᵀ)/2 "
                    + "(theory.md §7.4), or give a spectrum table", target.numRows, target.numCols));
        }
        return spectrum;
    }

    /** The values, after checking they are usable: non-empty, finite, and ≥ 0 for singular values. */
    static double[] requireUsable(Spectrum spectrum, String subject) {
        double[] values = spectrum.values();
        if (values.length == 0) {
            throw new InvalidInputException(subject, "is empty; give at least one eigenvalue");
        }
        boolean allZero = true;
        for (int i = 0; i < values.length; i++) {
            allZero &= values[i] == 0;
            if (!Double.isFinite(values[i])) {
                throw new InvalidInputException(subject, "value " + (i + 1) + " is not finite: "
                        + Arrays.toString(values));
            }
            if (spectrum.kind() == SpectrumKind.SINGULAR_VALUE && values[i] < 0) {
                throw new InvalidInputException(subject, "singular value " + (i + 1) + " is negative (" + values[i]
                        + "); singular values are ≥ 0, so this table is corrupt");
            }
        }
        Spectrum.requireSquarable(values, subject);
        if (allZero) {
            throw new InvalidInputException(subject, "all values are 0, so Φ = 0 and there is nothing to learn or "
                    + "predict; give a non-zero target");
        }
        return values;
    }
}
