package org.dmflab.core.table;

import org.dmflab.core.loss.LossKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.model.TracePoint;
import org.dmflab.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.Trace;
import org.dmflab.core.model.TraceShape;
import org.dmflab.core.model.TrainedLoss;
import java.util.Optional;

class TraceTablesTest {
    /** The trace of a full-loss run on a 1×n or m×1 target: one singular value, no eigenvalues. */
    private static final TraceShape FULL_1 = TraceShape.ofRun(1, 3, false, LossKind.FULL, true);

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
                "effective_rank", "stable_rank", "lambda_1", "lambda_2", "sigma_1", "sigma_2");
        Trace back = TraceTables.fromTable(table, "trace");
        assertThat(TraceTables.toTable(back).rowCount()).isEqualTo(2);
        assertThat(back.iterations()).containsExactly(0, 10);
        assertThat(back.lambda(1, 0)).isEqualTo(1.5);
        assertThat(back.sigma(1, 1)).isEqualTo(0.02);
        assertThat(back.effectiveRank(1)).isEqualTo(1.1);
    }

    /** One recorded point with every metric (the completion ones only where the shape has them). */
    private static TracePoint point(double[] lambda, double[] sigma, double loss) {
        return TracePoint.of(lambda, sigma).with(TraceMetric.TIME, 0).with(TraceMetric.LOSS, loss)
                .with(TraceMetric.ERROR_FRO, 2.0).with(TraceMetric.ERROR_OP, 1.9).with(TraceMetric.EFFECTIVE_RANK, 2.0)
                .with(TraceMetric.STABLE_RANK, 2.0).with(TraceMetric.ERROR_UNOBSERVED, 0.5)
                .with(TraceMetric.RELATIVE_ERROR, 0.25).with(TraceMetric.NORM_FRO, 2.0).with(TraceMetric.NORM_NUCLEAR, 2.5)
                .with(TraceMetric.SCHATTEN_2_OVER_N, 3.0).with(TraceMetric.ENTROPY_EFFECTIVE_RANK, 1.5)
                .with(TraceMetric.BALANCEDNESS, 0.0).with(TraceMetric.FACTOR_NORM_MIN, 1.0)
                .with(TraceMetric.FACTOR_NORM_MAX, 1.25);
    }

    /** The norm and factor columns, which every run of today's trainer fills and a hand-made trace may leave out. */
    private static final List<String> NORMS = List.of("norm_fro", "norm_nuclear", "schatten_2_over_n",
            "entropy_effective_rank", "balancedness", "factor_norm_min", "factor_norm_max");

    /** A trace table of {@code shape} as a user might make one by hand: without the norm and factor columns. */
    private static List<Column> handMade(TraceShape shape) {
        return Schemas.trace(shape).stream().filter(column -> !NORMS.contains(column.name())).toList();
    }

    /**
     * Only the columns a run fills: a 2×3 target has no eigenvalue columns and min(m, n) = 2 singular-value columns, a
     * full or sensing run no completion columns, a completion run without the full target no error columns; the
     * loss trained travels in {@code loss_kind}. Checked over every loss (completion with and without the target),
     * square symmetric, square non-symmetric and both rectangular orientations (16 shapes).
     */
    @Test
    void theTableHasExactlyTheColumnsTheRunFills() {
        int shapes = 0;
        for (int[] size : new int[][]{{3, 3}, {2, 3}, {3, 2}}) {
            for (boolean symmetric : new boolean[]{true, false}) {
                if (symmetric && size[0] != size[1]) {
                    continue;
                }
                for (TrainedLoss loss : LossKind.values()) {
                    // only a completion run can do without the full target
                    for (boolean known : loss == LossKind.COMPLETION ? new boolean[]{true, false}
                            : new boolean[]{true}) {
                        TraceShape shape = TraceShape.ofRun(size[0], size[1], symmetric, loss, known);
                        int eigen = symmetric ? 3 : 0;
                        int p = Math.min(size[0], size[1]);
                        Trace trace = Trace.builder(shape).init(Initialization.IDENTITY)
                                .add(0, point(new double[eigen], new double[p], 2.0))
                                .add(10, point(new double[eigen], new double[p], 1.0)).build();
                        Table table = TraceTables.toTable(trace);
                        List<String> expected = new ArrayList<>(List.of("iteration", "time", "loss"));
                        boolean errors = known;
                        if (errors) {
                            expected.addAll(List.of("error_fro", "error_op"));
                        }
                        expected.addAll(List.of("effective_rank", "stable_rank"));
                        for (int i = 1; i <= eigen; i++) {
                            expected.add("lambda_" + i);
                        }
                        for (int i = 1; i <= p; i++) {
                            expected.add("sigma_" + i);
                        }
                        if (loss == LossKind.COMPLETION && known) {
                            expected.addAll(List.of("error_unobserved", "relative_error"));
                        }
                        expected.addAll(NORMS);
                        expected.addAll(List.of("init", "loss_kind"));
                        assertThat(table.columnNames()).as(shape.toString()).isEqualTo(expected);
                        assertThat(table.columns()).isEqualTo(Schemas.trace(shape));
                        for (int c = 0; c < table.columnCount(); c++) {
                            assertThat(table.cell(0, c)).as(shape + " " + table.columnNames().get(c)).isNotNull();
                        }
                        Trace back = TraceTables.fromTable(table, "trace");
                        assertThat(back.shape()).as(shape.toString()).isEqualTo(shape);
                        assertThat(TraceTables.toTable(back).columnNames()).isEqualTo(expected);
                        shapes++;
                    }
                }
            }
        }
        assertThat(shapes).isEqualTo(16);
    }

    /**
     * A table of an older version (empty lambda columns of a non-symmetric target, sigma beyond min(m, n), empty
     * completion columns, no loss_kind) is read as before and written back without the empty columns.
     */
    @Test
    void aTableOfAnOlderVersionIsReadAndWrittenBackWithoutItsEmptyColumns() {
        List<Column> older = new ArrayList<>();
        for (String name : List.of("iteration", "time", "loss", "error_fro", "error_op", "effective_rank",
                "stable_rank", "lambda_1", "lambda_2", "lambda_3", "sigma_1", "sigma_2", "sigma_3", "error_unobserved",
                "relative_error")) {
            older.add(name.equals("iteration") ? Column.of(name, ColumnType.LONG) : Column.nullable(name,
                    ColumnType.DOUBLE));
        }
        older.add(Column.of("init", ColumnType.STRING));
        Table table = Table.builder(older)
                .addRow(0L, 0.0, 2.0, 2.0, 1.9, 2.0, 2.0, null, null, null, 0.5, 0.25, null, null, null, "identity")
                .addRow(10L, 0.1, 1.0, 1.4, 1.2, 1.1, 1.01, null, null, null, 1.5, 0.02, null, null, null, "identity")
                .build();
        Trace back = TraceTables.fromTable(table, "trace");
        assertThat(back.shape()).isEqualTo(new TraceShape(0, 2, Optional.empty(), true));
        assertThat(back.sigma(1, 1)).isEqualTo(0.02);
        assertThat(back.completion()).isFalse();
        assertThat(TraceTables.toTable(back).columnNames()).containsExactly("iteration", "time", "loss", "error_fro",
                "error_op", "effective_rank", "stable_rank", "sigma_1", "sigma_2", "init");
    }

    /** The norm and factor columns round-trip; a table without them (hand-made, or older) reads them as unknown. */
    @Test
    void theNormColumnsRoundTripAndATableWithoutThemReadsThemAsUnknown() {
        TraceShape shape = TraceShape.ofRun(1, 1, true, LossKind.FULL, true);
        Table table = TraceTables.toTable(Trace.builder(shape).add(0, point(new double[1], new double[]{2}, 1)).build());
        Trace back = TraceTables.fromTable(table, "t");
        assertThat(back.value(TraceMetric.NORM_NUCLEAR, 0)).isEqualTo(2.5);
        assertThat(back.value(TraceMetric.FACTOR_NORM_MAX, 0)).isEqualTo(1.25);
        List<Column> older = table.columns().stream().filter(column -> !NORMS.contains(column.name())).toList();
        Object[] cells = older.stream().map(column -> table.cell(0, table.indexOf(column.name()))).toArray();
        Trace old = TraceTables.fromTable(Table.builder(older).addRow(cells).build(), "old.csv");
        assertThat(old.value(TraceMetric.NORM_NUCLEAR, 0)).isNaN();
        assertThat(old.sigma(0, 0)).isEqualTo(2);
    }

    /** The loss trained is one known value, the same in every row. */
    @Test
    void theLossKindIsOneKnownLoss() {
        TraceShape shape = TraceShape.ofRun(1, 1, true, LossKind.SENSING, true);
        assertThat(TraceTables.fromTable(TraceTables.toTable(Trace.builder(shape)
                .add(0, point(new double[1], new double[1], 1)).build()), "t").loss()).contains(LossKind.SENSING);
        assertThatThrownBy(() -> TraceTables.fromTable(facts("identity", "full", "identity", "sensing"), "t"))
                .hasMessage("t, row Row1, column 'loss_kind': 'sensing' differs from 'full' in the first row; a "
                        + "trace records one run, with one loss");
        assertThatThrownBy(() -> TraceTables.fromTable(facts("identity", "huber"), "t"))
                .hasMessage("t, row Row0, column 'loss_kind': 'huber' is not a loss; say which loss the run trained: "
                        + "full, sensing or completion");
    }

    @Test
    void aValueWhereTheFirstRowHasNoneIsRejected() {
        Table.Builder builder = Table.builder(handMade(TraceShape.ofRun(2, 3, false, LossKind.FULL, true)));
        builder.addRowWithKey("Row0", new Object[]{0L, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5, null, "identity", "full"});
        builder.addRowWithKey("Row1", new Object[]{1L, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.1, "identity", "full"});
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
                "effective_rank", "stable_rank", "sigma_1", "init");
        assertThat(table.cell(1, 8)).isEqualTo("perturbed");
        assertThat(TraceTables.fromTable(table, "t").init()).contains(Initialization.PERTURBED);
        assertThat(TraceTables.fromTable(withIterations(0L, 1L), "t").init()).contains(Initialization.IDENTITY);

        assertThatThrownBy(() -> TraceTables.fromTable(facts("identity", "full", "gaussian", "full"), "t"))
                .hasMessage("t, row Row1, column 'init': 'gaussian' differs from 'identity' in the first row; a trace "
                        + "records one run, with one start");
        assertThatThrownBy(() -> TraceTables.fromTable(facts("random", "full"), "t"))
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
                .hasMessageContaining("missing columns time, effective_rank, stable_rank, sigma_1");
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
        builder.addRow(0L, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.1, 0.1, 0.1, 0.1, 0.1);
        assertThatThrownBy(() -> TraceTables.fromTable(builder.build(), "t"))
                .hasMessageStartingWith("column 'sigma_4': does not continue sigma_1 … sigma_2");
    }

    /** A trace of {@link #FULL_1} with one row per pair of {@code init} and {@code loss_kind} cells. */
    private static Table facts(String... initAndLoss) {
        Table.Builder builder = Table.builder(handMade(FULL_1));
        for (int row = 0; row < initAndLoss.length / 2; row++) {
            builder.addRow((long) row, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, initAndLoss[2 * row], initAndLoss[2 * row + 1]);
        }
        return builder.build();
    }

    private static Table withIterations(long... iterations) {
        Trace.Builder unchecked = Trace.builder(0, 1);
        Table.Builder builder = Table.builder(handMade(FULL_1));
        for (long iteration : iterations) {
            builder.addRow(iteration, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, "identity", "full");
        }
        assertThat(unchecked.size()).isZero();
        return builder.build();
    }
}
