package org.dmflab.core.groundtruth;

import java.util.Objects;
import java.util.Optional;
import org.dmflab.core.model.Observations;
import org.dmflab.core.model.SensingData;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.table.MatrixTables;
import org.dmflab.core.table.Table;
import org.ejml.data.DMatrixRMaj;
import org.dmflab.core.table.SpectrumTables;

/**
 * A generated target: the matrix Φ̃ (noise included), its spectrum computed from Φ̃ itself, and optional sensing data.
 *
 * @param matrix   the target
 * @param spectrum eigenvalues (symmetric target) or singular values of {@code matrix}, descending
 * @param sensing  matrix-sensing measurements of {@code matrix}, if requested
 * @param observations observed entries of {@code matrix} for matrix completion, if requested
 */
public record GroundTruth(DMatrixRMaj matrix, Spectrum spectrum, Optional<SensingData> sensing,
                          Optional<Observations> observations) {

    public GroundTruth {
        matrix = matrix.copy();
        Objects.requireNonNull(spectrum, "spectrum");
        Objects.requireNonNull(sensing, "sensing");
        Objects.requireNonNull(observations, "observations");
    }

    @Override
    public DMatrixRMaj matrix() {
        return matrix.copy();
    }

    /** The matrix table of docs/design.md §2. */
    public Table matrixTable() {
        return MatrixTables.toTable(matrix);
    }

    /** The spectrum table of docs/design.md §2. */
    public Table spectrumTable() {
        return SpectrumTables.toTable(spectrum);
    }
}
