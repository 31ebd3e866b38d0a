package org.dmflab.core.track;

import java.util.Objects;
import java.util.Optional;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.table.Table;
import org.dmflab.core.model.Trace;
import org.dmflab.core.table.TraceTables;
import java.util.List;
import org.dmflab.core.model.Plateau;
import org.dmflab.core.table.PlateauTables;

/**
 * The Spectrum Tracker's inputs, read and validated: the trace, optionally the target's spectrum and the predictor's
 * plateaus, each with the name the user knows it by (a file or a port), for messages.
 */
public record TrackInput(Trace trace, String traceSource, Optional<Spectrum> target, String targetSource,
                         Optional<List<Plateau>> predicted, String predictedSource) {

    public TrackInput {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(target, "target");
        predicted = Objects.requireNonNull(predicted, "predicted").map(List::copyOf);
    }

    /**
     * Reads the input tables (the KNIME node's ports, the command line's files).
     *
     * @param traceTable a trace table (TraceTables.fromTable names missing columns, unsorted or duplicate iterations, NaN)
     * @param target     a matrix table or a spectrum table ({@link TargetSpectra#fromEither}), or empty
     * @param predicted  the predictor's plateaus table, or empty
     */
    public static TrackInput fromTables(Table traceTable, String traceSource, Optional<Table> target,
                                        String targetSource, Optional<Table> predicted, String predictedSource) {
        return new TrackInput(TraceTables.fromTable(traceTable, traceSource), traceSource,
                target.map(table -> TargetSpectra.fromEither(table, targetSource)), targetSource,
                predicted.map(table -> PlateauTables.fromTable(table, predictedSource)), predictedSource);
    }
}
