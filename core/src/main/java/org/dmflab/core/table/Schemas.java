package org.dmflab.core.table;

import org.dmflab.core.loss.LossKind;
import static org.dmflab.core.table.ColumnType.DOUBLE;
import static org.dmflab.core.table.ColumnType.INTEGER;
import static org.dmflab.core.table.ColumnType.LONG;
import static org.dmflab.core.table.ColumnType.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.model.TraceShape;

/**
 * The table schemas of docs/design.md §2, written once. Column names are contracts shared by the command line, the KNIME
 * nodes, the test workflows and the tests.
 */
public final class Schemas {
    /** Prefix of the matrix columns {@code c1 … cn}. */
    public static final String MATRIX_COLUMN_PREFIX = "c";
    /** Prefix of the matrix row identifiers {@code r1 … rm}. */
    public static final String MATRIX_ROW_PREFIX = "r";

    public static final String INDEX = "index";
    public static final String VALUE = "value";
    public static final String KIND = "kind";

    public static final String ITERATION = "iteration";
    public static final String TIME = TraceMetric.TIME.column();
    public static final String LOSS = TraceMetric.LOSS.column();
    public static final String ERROR_FRO = TraceMetric.ERROR_FRO.column();
    public static final String ERROR_OP = TraceMetric.ERROR_OP.column();
    public static final String EFFECTIVE_RANK = TraceMetric.EFFECTIVE_RANK.column();
    public static final String STABLE_RANK = TraceMetric.STABLE_RANK.column();
    public static final String LAMBDA_PREFIX = "lambda_";
    public static final String SIGMA_PREFIX = "sigma_";
    /** The trace's column saying how the factors started ({@code identity} / {@code perturbed} / {@code gaussian}). */
    public static final String INIT = "init";
    /** The trace's last column: the loss trained ({@code full} / {@code sensing} / {@code completion}). */
    public static final String LOSS_KIND = "loss_kind";

    public static final String MEASUREMENT = "measurement";
    public static final String Y = "y";
    public static final String ENTRY_PREFIX = "a";

    public static final String ROW = "row";
    /** The factors table's factor index j of W_j. */
    public static final String FACTOR = "factor";
    public static final String COLUMN = "column";
    public static final String ERROR_UNOBSERVED = TraceMetric.ERROR_UNOBSERVED.column();
    public static final String RELATIVE_ERROR = TraceMetric.RELATIVE_ERROR.column();

    /** The observations of matrix completion: one row per observed entry, 1-based {@code row} and {@code column}. */
    public static final List<Column> OBSERVATIONS = List.of(
            Column.of(ROW, INTEGER), Column.of(COLUMN, INTEGER), Column.of(VALUE, DOUBLE));

    /** The spectrum table: one row per eigenvalue or singular value, descending. */
    public static final List<Column> SPECTRUM = List.of(
            Column.of(INDEX, INTEGER), Column.of(VALUE, DOUBLE), Column.of(KIND, STRING));

    /** The bounds table of the Theoretical Bound Predictor. */
    public static final List<Column> BOUNDS = List.of(
            Column.of(INDEX, INTEGER),
            Column.of("lambda", DOUBLE),
            Column.of("limit", DOUBLE),
            Column.of("regime", STRING),
            Column.of("eta_max", DOUBLE),
            Column.nullable("k_exact", LONG),
            Column.nullable("k_lower", LONG),
            Column.nullable("k_upper", LONG),
            Column.nullable("k_flow", DOUBLE),
            Column.nullable("k_asymptotic", DOUBLE),
            Column.nullable("k_sign_change", LONG));

    /** The plateaus table as the predictor writes it. */
    public static final List<Column> PLATEAUS = List.of(
            Column.of("r", INTEGER),
            Column.of("level", DOUBLE),
            Column.nullable("k_start", LONG),
            Column.nullable("k_end", LONG),
            Column.nullable("bound", DOUBLE));

    /**
     * The plateaus table as the tracker writes it: the predictor's columns plus the observed interval and whether the
     * recording resolves the certified interval ({@code recording}: fine / too coarse: … / beyond the run: … /
     * nothing certified / no prediction).
     */
    public static final List<Column> PLATEAUS_OBSERVED = concat(PLATEAUS, List.of(
            Column.nullable("observed_start", LONG),
            Column.nullable("observed_end", LONG),
            Column.of("recording", STRING),
            Column.nullable("stop_observed", LONG)));

    /** The predicted columns of {@link #PLATEAUS_OBSERVED}: empty in every row without predictions. */
    private static final List<String> PREDICTED_COLUMNS = List.of("k_start", "k_end", "bound");

    /**
     * The tracker's plateaus table: {@link #PLATEAUS_OBSERVED}, without the predicted interval and bound when no
     * predicted plateaus are given (they would be empty in every row).
     */
    public static List<Column> plateausObserved(boolean predicted) {
        return predicted ? PLATEAUS_OBSERVED : PLATEAUS_OBSERVED.stream()
                .filter(column -> !PREDICTED_COLUMNS.contains(column.name())).toList();
    }

    private Schemas() {
    }

    /** The matrix table with {@code n} columns {@code c1 … cn}. */
    public static List<Column> matrix(int n) {
        List<Column> columns = new ArrayList<>(n);
        for (int j = 1; j <= n; j++) {
            columns.add(Column.of(MATRIX_COLUMN_PREFIX + j, DOUBLE));
        }
        return List.copyOf(columns);
    }

    /**
     * The factors table: one row per row of each factor W₁ … W_N, {@code factor} j and {@code row} i (1-based), then
     * {@code c1 … c<columns>} (columns = the widest factor's column count; a narrower factor's other cells are missing).
     */
    public static List<Column> factors(int columns) {
        List<Column> all = new ArrayList<>(columns + 2);
        all.add(Column.of(FACTOR, INTEGER));
        all.add(Column.of(ROW, INTEGER));
        for (int j = 1; j <= columns; j++) {
            all.add(Column.nullable(MATRIX_COLUMN_PREFIX + j, DOUBLE));
        }
        return List.copyOf(all);
    }

    /** The RowID of matrix row {@code i} (0-based), i.e. {@code r<i+1>}. */
    public static String matrixRowId(int i) {
        return MATRIX_ROW_PREFIX + (i + 1);
    }

    /**
     * The trace table of a run of this {@code shape}: {@code iteration}, the {@link TraceMetric}s that stand before the
     * spectra, then {@code lambda_1 …} and {@code sigma_1 …}, the trailing metrics ({@code error_unobserved} ‖W − Φ‖_F
     * over the unobserved entries and {@code relative_error} ‖W − Φ‖_F / ‖Φ‖_F, completion runs with a known target
     * only), {@code init} (the trainer's initialization) and last {@code loss_kind} (the loss trained), both the same in
     * every row. Only the columns the run fills ({@link TraceShape}); a metric's column is nullable unless every run
     * fills it.
     */
    public static List<Column> trace(TraceShape shape) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.of(ITERATION, LONG));
        columns.addAll(metricColumns(shape.metrics(false)));
        for (int i = 1; i <= shape.eigenvalues(); i++) {
            columns.add(Column.nullable(LAMBDA_PREFIX + i, DOUBLE));
        }
        for (int i = 1; i <= shape.singularValues(); i++) {
            columns.add(Column.nullable(SIGMA_PREFIX + i, DOUBLE));
        }
        columns.addAll(metricColumns(shape.metrics(true)));
        columns.add(Column.of(INIT, STRING));
        columns.add(Column.of(LOSS_KIND, STRING));
        return List.copyOf(columns);
    }

    /**
     * Every column a trace table with up to {@code size} eigenvalues and singular values can have, for reading one from
     * a file (the metrics' columns may be absent or hold missing cells, as in tables of older versions).
     */
    public static List<Column> traceColumnsUpTo(int size) {
        return trace(new TraceShape(size, size, Optional.of(LossKind.COMPLETION), true));
    }

    private static List<Column> metricColumns(List<TraceMetric> metrics) {
        return metrics.stream().map(metric -> new Column(metric.column(), DOUBLE, metric.nullable()))
                .toList();
    }

    /**
     * The matrix-sensing measurements (our extension of docs/design.md §2): one row per measurement i, with
     * {@code measurement} (1-based), {@code y} = ⟨Aᵢ, Φ⟩ and the entries {@code a1 … a(m·n)} of Aᵢ in row-major order.
     */
    public static List<Column> measurements(int entryCount) {
        List<Column> columns = new ArrayList<>(entryCount + 2);
        columns.add(Column.of(MEASUREMENT, INTEGER));
        columns.add(Column.of(Y, DOUBLE));
        for (int j = 1; j <= entryCount; j++) {
            columns.add(Column.of(ENTRY_PREFIX + j, DOUBLE));
        }
        return List.copyOf(columns);
    }

    private static List<Column> concat(List<Column> first, List<Column> second) {
        List<Column> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
