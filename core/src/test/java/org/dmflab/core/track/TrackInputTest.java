package org.dmflab.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.model.TracePoint;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.Progress;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.MatrixTables;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.Table;
import org.dmflab.core.model.Trace;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.dmflab.core.table.TraceTables;
import org.dmflab.core.table.SpectrumTables;
import org.dmflab.core.model.Plateau;
import org.dmflab.core.table.PlateauTables;

class TrackInputTest {
    private static final double[] LAMBDA = {8, 4, 2, 1, 0.5, 0.25};

    private static Table traceTable() {
        return TraceTables.toTable(ScalarTraces.figure3(50, 1));
    }

    private static TrackInput read(Table trace, Optional<Table> target, Optional<Table> predicted) {
        return TrackInput.fromTables(trace, "run/trace.csv", target, "gt/matrix.csv", predicted, "p/plateaus.csv");
    }

    /** The same table without the named columns. */
    private static Table without(Table table, String... names) {
        List<String> drop = List.of(names);
        List<Column> columns = new ArrayList<>();
        List<Integer> keep = new ArrayList<>();
        for (int c = 0; c < table.columnCount(); c++) {
            if (!drop.contains(table.columns().get(c).name())) {
                columns.add(table.columns().get(c));
                keep.add(c);
            }
        }
        Table.Builder builder = Table.builder(columns);
        for (int row = 0; row < table.rowCount(); row++) {
            Object[] cells = new Object[keep.size()];
            for (int j = 0; j < keep.size(); j++) {
                cells[j] = table.cell(row, keep.get(j));
            }
            builder.addRowWithKey(table.rowId(row), cells);
        }
        return builder.build();
    }

    @Test
    void missingColumnsAreNamed() {
        assertThatThrownBy(() -> read(without(traceTable(), "loss", "stable_rank"), Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("run/trace.csv: ")
                .hasMessageContaining("missing columns loss, stable_rank");
    }

    @Test
    void duplicateIterationsAndNaNAreRejected() {
        Table trace = traceTable();
        Table.Builder duplicate = Table.builder(trace.columns());
        Table.Builder nan = Table.builder(trace.columns());
        for (int row = 0; row < 3; row++) {
            Object[] cells = new Object[trace.columnCount()];
            Object[] nanCells = new Object[trace.columnCount()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = trace.cell(row == 2 ? 1 : row, c);
                nanCells[c] = row == 1 && c == 2 ? Double.NaN : trace.cell(row, c);
            }
            duplicate.addRow(cells);
            nan.addRow(nanCells);
        }
        assertThatThrownBy(() -> read(duplicate.build(), Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("iteration 1 appears twice");
        assertThatThrownBy(() -> read(nan.build(), Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("column 'loss'")
                .hasMessageContaining("NaN");
    }

    @Test
    void aTargetOfTheWrongSizeNamesBothSizes() {
        Table fiveByFive = MatrixTables.toTable(diagonal(8, 4, 2, 1, 0.5));
        TrackInput input = read(traceTable(), Optional.of(fiveByFive), Optional.empty());
        assertThatThrownBy(() -> SpectrumTracker.track(input, TrackConfig.defaults(), Progress.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("gt/matrix.csv: ")
                .hasMessageContaining("5 eigenvalues")
                .hasMessageContaining("6 lambda_ columns");
    }

    @Test
    void aSymmetricTargetForANonSymmetricRunIsRejected() {
        Trace.Builder builder = Trace.builder(0, 2);
        builder.add(0, TracePoint.of(new double[0], new double[]{1, 1}).with(TraceMetric.TIME, 0).with(TraceMetric.LOSS, 0).with(TraceMetric.ERROR_FRO, 0).with(TraceMetric.ERROR_OP, 0).with(TraceMetric.EFFECTIVE_RANK, 2).with(TraceMetric.STABLE_RANK, 2));
        TrackInput input = new TrackInput(builder.build(), "trace", Optional.of(new Spectrum(new double[]{2, 1},
                SpectrumKind.EIGENVALUE)), "target", Optional.empty(), "predicted");
        assertThatThrownBy(() -> SpectrumTracker.track(input, TrackConfig.defaults(), Progress.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no lambda_ columns");
    }

    @Test
    void matrixAndSpectrumTablesGiveTheSameTarget() {
        Spectrum fromMatrix = TargetSpectra.fromEither(MatrixTables.toTable(diagonal(LAMBDA)), "m");
        Spectrum fromSpectrum = TargetSpectra.fromEither(SpectrumTables.toTable(new Spectrum(LAMBDA, SpectrumKind.EIGENVALUE)), "s");
        assertThat(fromSpectrum).isEqualTo(new Spectrum(LAMBDA, SpectrumKind.EIGENVALUE));
        assertThat(fromMatrix.kind()).isEqualTo(SpectrumKind.EIGENVALUE);
        for (int i = 0; i < LAMBDA.length; i++) {
            assertThat(fromMatrix.value(i)).isCloseTo(LAMBDA[i], within(1e-14));
        }
        DMatrixRMaj rectangular = new DMatrixRMaj(new double[][]{{3, 0, 0}, {0, 1, 0}});
        assertThat(TargetSpectra.fromEither(MatrixTables.toTable(rectangular), "m").kind())
                .isEqualTo(SpectrumKind.SINGULAR_VALUE);
    }

    @Test
    void badSpectrumTablesNameTheCell() {
        Table.Builder ascending = Table.builder(Schemas.SPECTRUM);
        ascending.addRowWithKey("Row0", 1, 1.0, "eigenvalue").addRowWithKey("Row1", 2, 2.0, "eigenvalue");
        assertThatThrownBy(() -> SpectrumTables.fromTable(ascending.build(), "s.csv"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("s.csv, row Row1, column 'value'")
                .hasMessageContaining("descending");
        Table.Builder mixed = Table.builder(Schemas.SPECTRUM);
        mixed.addRow(1, 2.0, "eigenvalue").addRow(2, 1.0, "singular value");
        assertThatThrownBy(() -> SpectrumTables.fromTable(mixed.build(), "s.csv"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("one kind");
        Table.Builder noKind = Table.builder(List.of(Column.of("index", ColumnType.INTEGER),
                Column.of("value", ColumnType.DOUBLE)));
        noKind.addRow(1, 1.0);
        assertThatThrownBy(() -> SpectrumTables.fromTable(noKind.build(), "s.csv"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("missing column kind");
    }

    @Test
    void predictedTablesAreCheckedAndMustBelongToTheTarget() {
        Table.Builder plateaus = Table.builder(Schemas.PLATEAUS);
        plateaus.addRow(1, 1.0, 717L, 1177L, 0.0351).addRow(2, 1.6, null, null, null);
        List<Plateau> predicted = PlateauTables.fromTable(plateaus.build(), "p.csv");
        assertThat(predicted.get(1).start()).isEmpty();
        TrackInput input = new TrackInput(ScalarTraces.figure3(50, 1), "trace",
                Optional.of(new Spectrum(LAMBDA, SpectrumKind.EIGENVALUE)), "target", Optional.of(predicted), "p.csv");
        assertThatThrownBy(() -> SpectrumTracker.track(input, TrackConfig.defaults(), Progress.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("p.csv, r=2: level 1.6")
                .hasMessageContaining("plateau level ℓ_2 = 1.5");

        Table.Builder reversed = Table.builder(Schemas.PLATEAUS);
        reversed.addRow(1, 1.0, 1177L, 717L, null);
        assertThatThrownBy(() -> PlateauTables.fromTable(reversed.build(), "p.csv"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("k_start 1177 is after k_end 717");
        Table.Builder noBound = Table.builder(Schemas.PLATEAUS.subList(0, 4));
        assertThatThrownBy(() -> PlateauTables.fromTable(noBound.build(), "p.csv"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("missing column bound");
    }

    @Test
    void settingsHaveDefaultsAndRejectBadValuesNamingTheKey() {
        assertThat(TrackSettings.parse(RawSettings.of(Map.of()))).isEqualTo(new TrackConfig(0.01, 0.05, true));
        assertThat(TrackSettings.parse(RawSettings.of(Map.of("epsilon", "0.001", "plateau-tolerance", "0.02",
                "log-x", "false")))).isEqualTo(new TrackConfig(0.001, 0.02, false));
        for (Map<String, String> bad : List.of(Map.of("epsilon", "0"), Map.of("epsilon", "1"), Map.of("epsilon", "x"),
                Map.of("plateau-tolerance", "0"), Map.of("plateau-tolerance", "-0.1"), Map.of("log-x", "maybe"))) {
            String key = bad.keySet().iterator().next();
            assertThatThrownBy(() -> TrackSettings.parse(RawSettings.of(bad))).as("%s", bad)
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith(key + ": ");
        }
        assertThat(TrackSettings.KEYS).containsExactly("epsilon", "plateau-tolerance", "log-x");
    }

    @Test
    void anEmptyTraceIsRejected() {
        TrackInput input = new TrackInput(Trace.builder(1, 1).build(), "trace.csv", Optional.empty(), "target",
                Optional.empty(), "predicted");
        assertThatThrownBy(() -> SpectrumTracker.track(input, TrackConfig.defaults(), Progress.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("trace.csv: the trace has no rows");
    }

    private static DMatrixRMaj diagonal(double... values) {
        DMatrixRMaj matrix = new DMatrixRMaj(values.length, values.length);
        for (int i = 0; i < values.length; i++) {
            matrix.set(i, i, values[i]);
        }
        return matrix;
    }
}
