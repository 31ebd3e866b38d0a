package org.dmflab.core.experiment.analysis;

import static org.dmflab.core.experiment.analysis.ReportValues.boxed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.dmflab.core.experiment.run.RunOutcome;
import org.dmflab.core.model.Trace;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.Table;

/**
 * How far each MNIST run trained (docs/theory.md §8.1), and the paper's "deeper factorizations converge faster" read
 * two ways: the iteration where the loss reaches the preset's threshold, and the iteration where the leading
 * {@value #LEADING} singular values of W are within {@value #LEADING_ACCURACY} (relative) of X̃'s — each also as the
 * time t = η·k, since every depth runs with its own step. Measured from the recorded trace (first recorded iteration).
 */
final class MnistConvergence {
    /** The leading singular values compared: the two-dimensional structure of the ones (X's σ₂/σ₃ gap). */
    static final int LEADING = 2;
    /** Relative accuracy of a learned leading singular value. */
    static final double LEADING_ACCURACY = 0.01;

    private final List<RunOutcome> runs;
    private final double[] target;
    private final double threshold;

    /**
     * @param target    the singular values of the noisy matrix X̃, descending
     * @param threshold the loss threshold the runs train to
     */
    MnistConvergence(List<RunOutcome> runs, double[] target, double threshold) {
        this.runs = List.copyOf(runs);
        this.target = target.clone();
        this.threshold = threshold;
    }

    /**
     * Per depth: step, iterations run, final loss, why it stopped ({@code threshold} or {@code budget}), the first
     * recorded iteration with loss ≤ threshold and with the leading singular values learned, each with t = η·k.
     */
    Table table() {
        Table.Builder table = Table.builder(List.of(Column.of("depth", ColumnType.INTEGER),
                Column.of("step", ColumnType.DOUBLE), Column.of("iterations", ColumnType.LONG),
                Column.of("final_loss", ColumnType.DOUBLE), Column.of("stopped_by", ColumnType.STRING),
                Column.nullable("k_loss_threshold", ColumnType.LONG), Column.nullable("t_loss_threshold",
                        ColumnType.DOUBLE), Column.nullable("k_leading", ColumnType.LONG),
                Column.nullable("t_leading", ColumnType.DOUBLE)));
        for (RunOutcome run : runs) {
            Trace trace = run.training().trace();
            double step = run.train().step();
            OptionalLong kLoss = first(trace, point -> trace.loss(point) <= threshold);
            OptionalLong kLeading = first(trace, point -> leadingLearned(trace, point));
            table.addRow(run.train().depth(), step, run.training().iterations(), run.training().finalLoss(),
                    run.reachedTolerance() ? "loss threshold" : "budget", boxed(kLoss), time(step, kLoss),
                    boxed(kLeading), time(step, kLeading));
        }
        return table.build();
    }

    /**
     * The depth claim in words, generated from the table: for the loss and for the leading singular values, whether the
     * iterations and the times t = η·k grow or shrink with the depth, next to the paper's "deeper converges faster".
     */
    List<String> findings() {
        Table table = table();
        List<String> lines = new ArrayList<>();
        String reached = runs.stream().filter(RunOutcome::reachedTolerance)
                .map(run -> "N = " + run.train().depth()).collect(Collectors.joining(", "));
        String budget = runs.stream().filter(run -> !run.reachedTolerance()).map(run -> String.format(Locale.ROOT,
                "N = %d (loss %.3g after its budget of %d, ‖W − X̃‖_F = %.3g)", run.train().depth(),
                run.training().finalLoss(), run.training().iterations(), Math.sqrt(2 * run.training().finalLoss())))
                .collect(Collectors.joining(", "));
        lines.add(String.format(Locale.ROOT, "loss ≤ %.0e reached by %s%s", threshold,
                reached.isEmpty() ? "no run" : reached, budget.isEmpty() ? "" : "; not reached by " + budget));
        lines.add(claim("loss ≤ " + String.format(Locale.ROOT, "%.0e", threshold), table, 5, 6));
        lines.add(claim(String.format(Locale.ROOT, "leading %d singular values within %.0f %%", LEADING,
                100 * LEADING_ACCURACY), table, 7, 8));
        return lines;
    }

    /** "k = …, t = …: deeper is faster/slower/mixed in iterations and in time — (dis)agrees with the paper". */
    private static String claim(String what, Table table, int kColumn, int tColumn) {
        StringBuilder k = new StringBuilder();
        StringBuilder t = new StringBuilder();
        List<Double> ks = new ArrayList<>();
        List<Double> ts = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            Object kCell = table.cell(row, kColumn);
            Object tCell = table.cell(row, tColumn);
            k.append(row == 0 ? "" : " / ").append(kCell == null ? "not reached" : kCell);
            t.append(row == 0 ? "" : " / ").append(tCell == null ? "–" : String.format(Locale.ROOT, "%.3g",
                    (Double) tCell));
            // a run that never got there counts as slower than every run that did
            ks.add(kCell == null ? Double.POSITIVE_INFINITY : ((Number) kCell).doubleValue());
            ts.add(tCell == null ? Double.POSITIVE_INFINITY : (Double) tCell);
        }
        String depths = "N = " + ((Number) table.cell(0, 0)).intValue() + "…" + ((Number) table.cell(
                table.rowCount() - 1, 0)).intValue();
        return String.format(Locale.ROOT, "%s for %s at k = %s (t = ηk = %s): deeper is %s in iterations and %s in "
                + "time t", what, depths, k, t, trend(ks), trend(ts));
    }

    /** "faster" (strictly decreasing with depth), "slower" (strictly increasing) or "not monotone". */
    static String trend(List<Double> values) {
        boolean down = true;
        boolean up = true;
        for (int i = 1; i < values.size(); i++) {
            down &= values.get(i) < values.get(i - 1);
            up &= values.get(i) > values.get(i - 1);
        }
        return down ? "faster (as the paper says)" : up ? "slower (unlike the paper's \"deeper converges faster\")"
                : "not monotone";
    }

    /** Whether σ₁ … σ_LEADING of W at this point are within the accuracy of X̃'s. */
    private boolean leadingLearned(Trace trace, int point) {
        for (int i = 0; i < Math.min(LEADING, Math.min(target.length, trace.sigmaCount())); i++) {
            if (Math.abs(trace.sigma(point, i) - target[i]) > LEADING_ACCURACY * target[i]) {
                return false;
            }
        }
        return true;
    }

    private static OptionalLong first(Trace trace, java.util.function.IntPredicate condition) {
        for (int point = 0; point < trace.size(); point++) {
            if (condition.test(point)) {
                return OptionalLong.of(trace.iteration(point));
            }
        }
        return OptionalLong.empty();
    }

    private static Double time(double step, OptionalLong k) {
        return k.isPresent() ? step * k.getAsLong() : null;
    }
}
