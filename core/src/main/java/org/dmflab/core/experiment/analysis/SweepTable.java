package org.dmflab.core.experiment.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dmflab.core.experiment.preset.SweepPlan;
import org.dmflab.core.experiment.run.ExperimentRun;
import org.dmflab.core.experiment.run.RunOutcome;
import org.dmflab.core.model.Trace;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.Table;
import org.dmflab.core.train.TrainingResult;
import org.ejml.data.DMatrixRMaj;

/**
 * The table of a sweep (docs/design.md §4, {@code sweep.csv}): one row per point, seed and run of the experiment — the
 * point's folder, its swept values and seed, the run's label, why and when it stopped, and its final loss, errors and
 * effective rank.
 */
public final class SweepTable {
    /** The sweep's table file. */
    public static final String FILE = "sweep.csv";
    /** The rows of one point, kept in the point's folder until the sweep is collected. */
    public static final String POINT_FILE = "sweep-rows.csv";
    static final String RUN = "run";
    static final String RELATIVE_ERROR = "final_relative_error";

    private SweepTable() {
    }

    /** The columns: point, the plan's axis columns, run, stop_reason, iterations and the final metrics. */
    public static List<Column> columns(SweepPlan plan) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.of("point", ColumnType.STRING));
        plan.axisColumns().forEach(name -> columns.add(Column.of(name, ColumnType.STRING)));
        columns.add(Column.of(RUN, ColumnType.STRING));
        columns.add(Column.of("stop_reason", ColumnType.STRING));
        columns.add(Column.of("iterations", ColumnType.LONG));
        columns.add(Column.of("final_loss", ColumnType.DOUBLE));
        columns.add(Column.of("final_error_fro", ColumnType.DOUBLE));
        columns.add(Column.of(RELATIVE_ERROR, ColumnType.DOUBLE));
        columns.add(Column.of("final_effective_rank", ColumnType.DOUBLE));
        return columns;
    }

    /** The rows of one point: one per run of its experiment ({@link TrainingResult#finalRelativeError}). */
    public static Table rows(SweepPlan plan, SweepPlan.Point point, ExperimentRun run) {
        Table.Builder table = Table.builder(columns(plan));
        // the error columns' reference: the clean matrix of a denoising experiment, else the target
        DMatrixRMaj reference = run.clean().orElse(run.truth()).matrix();
        for (RunOutcome outcome : run.runs()) {
            TrainingResult training = outcome.training();
            Trace trace = training.trace();
            int last = trace.size() - 1;
            List<Object> cells = new ArrayList<>();
            cells.add(point.name());
            cells.addAll(point.values());
            cells.add(outcome.spec().label());
            cells.add(training.stopReason().name().toLowerCase(Locale.ROOT));
            cells.add(training.iterations());
            cells.add(training.finalLoss());
            cells.add(trace.errorFro(last));
            cells.add(training.finalRelativeError(reference));
            cells.add(training.finalEffectiveRank());
            table.addRow(cells.toArray());
        }
        return table.build();
    }

    /** The points' rows one after another, in the order given (the grid order). */
    public static Table merge(SweepPlan plan, List<Table> points) {
        Table.Builder table = Table.builder(columns(plan));
        for (Table point : points) {
            for (int row = 0; row < point.rowCount(); row++) {
                Object[] cells = new Object[point.columnCount()];
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = point.cell(row, c);
                }
                table.addRow(cells);
            }
        }
        return table.build();
    }
}
