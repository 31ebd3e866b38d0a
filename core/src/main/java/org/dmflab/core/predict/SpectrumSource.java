package org.dmflab.core.predict;

import java.util.Arrays;
import java.util.Locale;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.linalg.Spectra;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.ejml.data.DMatrixRMaj;

/**
 * Where the predictor's spectrum comes from — a spectrum table (read by {@code table.SpectrumTables}, the one reader,
 * docs/design.md §2) or a target matrix — and the checks that make the symmetric theory applicable: a target must be
 * symmetric (docs/theory.md §2); a singular-value table is accepted only as the eigenvalues of a PSD target (its values must
 * be ≥ 0), and the prediction says so.
 */
public final class SpectrumSource {
    private SpectrumSource() {
    }

    /** The eigenvalues of a symmetric target; a non-symmetric one is refused (the theory needs Φ = VΛVᵀ). */
    public static Spectrum fromTarget(DMatrixRMaj target, String source) {
        Spectrum spectrum = Spectra.of(target);
        if (spectrum.kind() != SpectrumKind.EIGENVALUE) {
            throw new InvalidInputException(source, String.format(Locale.ROOT, "the %d×%d target is not symmetric; "
                    + "the predictor's theory (docs/theory.md §2) needs a symmetric target. Symmetrize it, (Φ + Φᵀ)/2 "
                    + "(docs/theory.md §7.4), or give a spectrum table", target.numRows, target.numCols));
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
