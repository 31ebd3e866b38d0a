package org.dmflab.core.predict;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dmflab.core.table.Table;
import org.dmflab.core.model.Plateau;
import org.dmflab.core.theory.PlateauCertificate;
import org.dmflab.core.theory.StepSizeVerdict;

/**
 * The Theoretical Bound Predictor's result: the step-size verdict, the bounds and plateaus as rows and as tables
 * ({@link PredictionTables}: docs/design.md §2 columns plus ours), the provenance table saying what kind of number each
 * column holds, the strict saddle of an identical start whose certificates floating-point descent breaks
 * ({@link SaddleEscape}, docs/theory.md §2.3), and notes (assumptions, numerical zeros, the saddle, recursions that did
 * not finish within the horizon).
 */
public record Prediction(PredictConfig config, StepSizeVerdict verdict, List<EigenvalueBounds> bounds,
                         List<PlateauCertificate> plateaus, Optional<SaddleEscape> saddle,
                         List<String> notes) {
    public Prediction {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(verdict, "verdict");
        bounds = List.copyOf(bounds);
        plateaus = List.copyOf(plateaus);
        Objects.requireNonNull(saddle, "saddle");
        notes = List.copyOf(notes);
    }

    /** The bounds table ({@link PredictionTables#boundsColumns}). */
    public Table boundsTable() {
        return PredictionTables.bounds(bounds, config);
    }

    /** The provenance table ({@link PredictionTables#PROVENANCE}) for this configuration. */
    public Table provenanceTable() {
        return PredictionTables.provenance(config);
    }

    /** The certified plateaus alone, as the tracker reads them (docs/design.md §2 plateaus columns). */
    public List<Plateau> predictedPlateaus() {
        return plateaus.stream().map(PlateauCertificate::plateau).toList();
    }

    /** The plateaus table ({@link PredictionTables#plateausColumns}). */
    public Table plateausTable() {
        return PredictionTables.plateaus(plateaus, saddle, config);
    }
}
