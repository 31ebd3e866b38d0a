package org.dmflab.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.model.TracePoint;
import org.dmflab.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.dmflab.core.model.Initialization;
import org.dmflab.core.model.Trace;

class TraceTablesTest {
    /** A missing cell of the norm and factor columns (hand-made traces leave them empty). */
    private static final Object N = null;

    static Trace sample() {
        return Trace.builder(2, 2)
                .add(0, TracePoint.of(new double[]{0.01, 0.01}, new double[]{0.01, 0.01}).with(TraceMetric.TIME, 0).with(TraceMetric.LOSS, 2.0).with(TraceMetric.ERROR_FRO, 2.0).with(TraceMetric.ERROR_OP, 1.9).with(TraceMetric.EFFECTIVE_RANK, 2.0).with(TraceMetric.STABLE_RANK, 2.0))
                .add(10, TracePoint.of(new double[]{1.5, 0.02}, new double[]{1.5, 0.02}).with(TraceMetric.TIME, 0.1).with(TraceMetric.LOSS, 1.0).with(TraceMetric.ERROR_FRO, 1.4).with(TraceMetric.ERROR_OP, 1.2).with(TraceMetric.EFFECTIVE_RANK, 1.1).with(TraceMetric.STABLE_RANK, 1.01))
                .build();
    }

    @Test
    void roundTripsThroughItsTable() {
        Trace trace = sample();
        Table table = TraceTables.toTable(trace);
        assertThat(table.columnNames()).containsExactly("iteration", "time", "loss", "error_fro", "error_op",
                "effective_rank", "stable_rank", "lambda_1", "lambda_2", "sigma_1", "sigma_2", "error_unobserved",
                "relative_error", "norm_fro", "norm_nuclear", "schatten_2_over_n", "entropy_effective_rank",
                "balancedness", "factor_norm_min", "factor_norm_max");
        Trace back = TraceTables.fromTable(table, "trace");
        assertThat(TraceTables.toTable(back).rowCount()).isEqualTo(2);
        assertThat(back.iterations()).containsExactly(0, 10);
        assertThat(back.lambda(1, 0)).isEqualTo(1.5);
        assertThat(back.sigma(1, 1)).isEqualTo(0.02);
        assertThat(back.effectiveRank(1)).isEqualTo(1.1);
    }

    /** The norm and factor columns round-trip; a trace written before them (no such columns) reads them as NaN. */
    @Test
    void theNormColumnsRoundTripAndOlderTracesLackThem() {
        Trace trace = Trace.builder(0, 1).add(0, TracePoint.of(new double[0], new double[]{2}).with(TraceMetric.TIME, 0)
                .with(TraceMetric.LOSS, 1).with(TraceMetric.ERROR_FRO, 1).with(TraceMetric.ERROR_OP, 1)
                .with(TraceMetric.EFFECTIVE_RANK, 1).with(TraceMetric.STABLE_RANK, 1).with(TraceMetric.NORM_FRO, 2)
                .with(TraceMetric.NORM_NUCLEAR, 2).with(TraceMetric.SCHATTEN_2_OVER_N, 2)
                .with(TraceMetric.ENTROPY_EFFECTIVE_RANK, 1).with(TraceMetric.BALANCEDNESS, 0.25)
                .with(TraceMetric.FACTOR_NORM_MIN, 1.5).with(TraceMetric.FACTOR_NORM_MAX, 1.75)).build();
        Table table = TraceTables.toTable(trace);
        Trace back = TraceTables.fromTable(table, "t");
        assertThat(back.value(TraceMetric.BALANCEDNESS, 0)).isEqualTo(0.25);
        assertThat(back.value(TraceMetric.FACTOR_NORM_MAX, 0)).isEqualTo(1.75);
        List<Column> older = table.columns().subList(0, table.columns().indexOf(table.columns().stream()
                .filter(column -> column.name().equals("norm_fro")).findFirst().orElseThrow()));
        Table.Builder builder = Table.builder(older);
        Object[] cells = new Object[older.size()];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = table.cell(0, c);
        }
        builder.addRow(cells);
        Trace old = TraceTables.fromTable(builder.build(), "old.csv");
        assertThat(old.value(TraceMetric.NORM_NUCLEAR, 0)).isNaN();
        assertThat(old.sigma(0, 0)).isEqualTo(2);
    }

    /** A non-symmetric 2×3 target: three lambda and sigma columns (its n), lambdas all missing, sigma_3 missing. */
    @Test
    void theTableHasTheTargetsColumnCountWithMissingCellsWhereNoValueExists() {
        Trace trace = Trace.builder(0, 2, 3)
                .add(0, TracePoint.of(new double[0], new double[]{0.5, 0.25}).with(TraceMetric.TIME, 0).with(TraceMetric.LOSS, 2.0).with(TraceMetric.ERROR_FRO, 2.0).with(TraceMetric.ERROR_OP, 1.9).with(TraceMetric.EFFECTIVE_RANK, 2.0).with(TraceMetric.STABLE_RANK, 2.0))
                .add(10, TracePoint.of(new double[0], new double[]{1.5, 0.02}).with(TraceMetric.TIME, 0.1).with(TraceMetric.LOSS, 1.0).with(TraceMetric.ERROR_FRO, 1.4).with(TraceMetric.ERROR_OP, 1.2).with(TraceMetric.EFFECTIVE_RANK, 1.1).with(TraceMetric.STABLE_RANK, 1.01))
                .build();
        Table table = TraceTables.toTable(trace);
        assertThat(table.columnNames()).containsExactly("iteration", "time", "loss", "error_fro", "error_op",
                "effective_rank", "stable_rank", "lambda_1", "lambda_2", "lambda_3", "sigma_1", "sigma_2", "sigma_3",
                "error_unobserved", "relative_error", "norm_fro", "norm_nuclear", "schatten_2_over_n",
                "entropy_effective_rank", "balancedness", "factor_norm_min", "factor_norm_max");
        for (int row = 0; row < 2; row++) {
            for (String missing : List.of("lambda_1", "lambda_2", "lambda_3", "sigma_3", "error_unobserved",
                    "relative_error")) {
                assertThat(table.cell(row, table.indexOf(missing))).as(missing).isNull();
            }
        }
        Trace back = TraceTables.fromTable(table, "trace");
        assertThat(back.eigenCount()).isZero();
        assertThat(back.sigmaCount()).isEqualTo(2);
        assertThat(back.lambdaColumns()).isEqualTo(3);
        assertThat(back.sigmaColumns()).isEqualTo(3);
        assertThat(back.sigma(1, 1)).isEqualTo(0.02);
        assertThat(TraceTables.toTable(back).columnNames()).isEqualTo(table.columnNames());
    }

    @Test
    void aValueWhereTheFirstRowHasNoneIsRejected() {
        Table table = TraceTables.toTable(Trace.builder(0, 1, 2)
                .add(0, TracePoint.of(new double[0], new double[]{0.5}).with(TraceMetric.TIME, 0).with(TraceMetric.LOSS, 2.0).with(TraceMetric.ERROR_FRO, 2.0).with(TraceMetric.ERROR_OP, 1.9).with(TraceMetric.EFFECTIVE_RANK, 2.0).with(TraceMetric.STABLE_RANK, 2.0))
                .build());
        Table.Builder builder = Table.builder(table.columns());
        builder.addRowWithKey("Row0", new Object[]{0L, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, null, null, 0.5, null, null,
                null, N, N, N, N, N, N, N});
        builder.addRowWithKey("Row1", new Object[]{1L, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, null, null, 0.5, 0.1, null,
                null, N, N, N, N, N, N, N});
        assertThatThrownBy(() -> TraceTables.fromTable(builder.build(), "t"))
                .hasMessage("t, row Row1, column 'sigma_2': has a value where the first row has none; in a trace the "
                        + "sigma_… columns with values come first and are the same in every row");
    }

    /** The trace says how the run started (design.md §2 `init`); mixed or unknown values are refused by row. */
    @Test
    void theStartTravelsInTheInitColumn() {
        Trace.Builder builder = Trace.builder(0, 1).init(Initialization.PERTURBED);
        builder.add(0, TracePoint.of(new double[0], new double[]{0.1}).with(TraceMetric.TIME, 0).with(TraceMetric.LOSS, 1).with(TraceMetric.ERROR_FRO, 1).with(TraceMetric.ERROR_OP, 1).with(TraceMetric.EFFECTIVE_RANK, 1).with(TraceMetric.STABLE_RANK, 1));
        builder.add(3, TracePoint.of(new double[0], new double[]{0.2}).with(TraceMetric.TIME, 0.3).with(TraceMetric.LOSS, 1).with(TraceMetric.ERROR_FRO, 1).with(TraceMetric.ERROR_OP, 1).with(TraceMetric.EFFECTIVE_RANK, 1).with(TraceMetric.STABLE_RANK, 1));
        Table table = TraceTables.toTable(builder.build());
        assertThat(table.columnNames()).containsExactly("iteration", "time", "loss", "error_fro", "error_op",
                "effective_rank", "stable_rank", "sigma_1", "error_unobserved", "relative_error", "norm_fro", "norm_nuclear",
                "schatten_2_over_n", "entropy_effective_rank", "balancedness", "factor_norm_min", "factor_norm_max",
                "init");
        assertThat(table.cell(1, 17)).isEqualTo("perturbed");
        assertThat(TraceTables.fromTable(table, "t").init()).contains(Initialization.PERTURBED);
        assertThat(TraceTables.fromTable(withIterations(0L, 1L), "t").init()).contains(Initialization.IDENTITY);

        Table.Builder mixed = Table.builder(Schemas.trace(0, 1));
        mixed.addRow(0L, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, null, null, N, N, N, N, N, N, N, "identity");
        mixed.addRow(1L, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, null, null, N, N, N, N, N, N, N, "gaussian");
        assertThatThrownBy(() -> TraceTables.fromTable(mixed.build(), "t"))
                .hasMessage("t, row Row1, column 'init': 'gaussian' differs from 'identity' in the first row; a trace "
                        + "records one run, with one start");
        Table.Builder unknown = Table.builder(Schemas.trace(0, 1));
        unknown.addRow(0L, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, null, null, N, N, N, N, N, N, N, "random");
        assertThatThrownBy(() -> TraceTables.fromTable(unknown.build(), "t"))
                .hasMessageStartingWith("t, row Row0, column 'init': 'random' is not an initialization");
        // older traces without the column: unknown start
        assertThat(TraceTables.fromTable(TraceTables.toTable(sample()), "t").init()).isEmpty();
    }

    @Test
    void missingColumnsAreListed() {
        Table table = Table.builder(List.of(Column.of("iteration", ColumnType.LONG), Column.of("loss", ColumnType.DOUBLE)))
                .addRow(0L, 1.0).build();
        assertThatThrownBy(() -> TraceTables.fromTable(table, "t.csv"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing columns time, error_fro, error_op, effective_rank, stable_rank, sigma_1");
    }

    @Test
    void unsortedDuplicateAndNonFiniteRowsAreRejected() {
        assertThatThrownBy(() -> TraceTables.fromTable(withIterations(0L, 5L, 5L), "t"))
                .hasMessageContaining("iteration 5 appears twice");
        assertThatThrownBy(() -> TraceTables.fromTable(withIterations(0L, 5L, 3L), "t"))
                .hasMessageContaining("iteration 3 comes after 5");
        Table table = TraceTables.toTable(sample());
        List<Column> columns = table.columns();
        Table.Builder builder = Table.builder(columns);
        Object[] row = new Object[columns.size()];
        for (int c = 0; c < row.length; c++) {
            row[c] = table.cell(0, c);
        }
        row[2] = Double.NaN;
        builder.addRowWithKey("Row0", row);
        assertThatThrownBy(() -> TraceTables.fromTable(builder.build(), "t"))
                .hasMessage("t, row Row0, column 'loss': 'NaN' is not a finite number; a trace has a finite number in every cell of its columns");
    }

    @Test
    void gapsInNumberedColumnsAreRejected() {
        List<Column> columns = new ArrayList<>(TraceTables.toTable(sample()).columns());
        columns.add(Column.of("sigma_4", ColumnType.DOUBLE));
        Table.Builder builder = Table.builder(columns);
        builder.addRow(0L, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.1, 0.1, 0.1, 0.1, null, null, N, N, N, N, N, N, N, 0.1);
        assertThatThrownBy(() -> TraceTables.fromTable(builder.build(), "t"))
                .hasMessageStartingWith("column 'sigma_4': does not continue sigma_1 … sigma_2");
    }

    private static Table withIterations(long... iterations) {
        Trace.Builder unchecked = Trace.builder(0, 1);
        Table.Builder builder = Table.builder(org.dmflab.core.table.Schemas.trace(0, 1));
        for (long iteration : iterations) {
            builder.addRow(iteration, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, null, null, N, N, N, N, N, N, N, "identity");
        }
        assertThat(unchecked.size()).isZero();
        return builder.build();
    }
}
