package org.dmflab.core.track;

import org.dmflab.core.linalg.Spectra;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.table.MatrixTables;
import org.dmflab.core.table.SpectrumTables;
import org.dmflab.core.table.Table;

/**
 * Reads the tracker's target: either a matrix table (its spectrum is computed, eigenvalues if it is symmetric and
 * singular values otherwise, docs/design.md §2) or a spectrum table ({@code index}, {@code value}, {@code kind}). A table
 * with the three spectrum columns is taken as a spectrum table, any other as a matrix table, so one input port serves
 * both.
 */
public final class TargetSpectra {
    private TargetSpectra() {
    }

    /** The spectrum of a matrix table or a spectrum table, whichever {@code table} is. */
    public static Spectrum fromEither(Table table, String source) {
        return SpectrumTables.isSpectrumTable(table) ? SpectrumTables.fromTable(table, source)
                : fromMatrixTable(table, source);
    }

    /** The spectrum of a matrix table. */
    public static Spectrum fromMatrixTable(Table table, String source) {
        return Spectra.of(MatrixTables.fromTable(table, source));
    }
}
