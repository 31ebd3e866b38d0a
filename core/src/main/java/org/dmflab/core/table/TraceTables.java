package org.dmflab.core.table;

import org.dmflab.core.loss.LossKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.dmflab.core.Checks;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.Trace;
import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.model.TracePoint;
import org.dmflab.core.model.TraceShape;
import org.dmflab.core.model.TrainedLoss;

/** The trace table of docs/design.md §2, written from and read into the {@link Trace} record (tables only at the edges). */
public final class TraceTables {
    private TraceTables() {
    }

    /**
     * The trace table of docs/design.md §2: the columns of the trace's {@link TraceShape} ({@link Schemas#trace}), NaN
     * as a missing cell; without {@code init} or {@code loss_kind} when the trace does not know them (read from an
     * older table).
     */
    public static Table toTable(Trace trace) {
        TraceShape shape = trace.shape();
        List<Column> columns = Schemas.trace(shape).stream()
                .filter(column -> !column.name().equals(Schemas.INIT) || trace.init().isPresent())
                .filter(column -> !column.name().equals(Schemas.LOSS_KIND) || trace.loss().isPresent())
                .toList();
        List<TraceMetric> leading = shape.metrics(false);
        List<TraceMetric> trailing = shape.metrics(true);
        Table.Builder table = Table.builder(columns);
        Object[] cells = new Object[columns.size()];
        for (int k = 0; k < trace.size(); k++) {
            int c = 0;
            cells[c++] = trace.iteration(k);
            for (TraceMetric metric : leading) {
                cells[c++] = cell(trace, metric, k);
            }
            for (int i = 0; i < shape.eigenvalues(); i++) {
                cells[c++] = trace.lambda(k, i);
            }
            for (int i = 0; i < shape.singularValues(); i++) {
                cells[c++] = trace.sigma(k, i);
            }
            for (TraceMetric metric : trailing) {
                cells[c++] = cell(trace, metric, k);
            }
            if (trace.init().isPresent()) {
                cells[c++] = trace.init().get().key();
            }
            if (trace.loss().isPresent()) {
                cells[c] = trace.loss().get().key();
            }
            table.addRow(cells);
        }
        return table.build();
    }

    /** A metric's cell: NaN (no value for this run) is a missing cell where the column allows it. */
    private static Double cell(Trace trace, TraceMetric metric, int point) {
        double value = trace.value(metric, point);
        return metric.nullable() && Double.isNaN(value) ? null : value;
    }

    /**
     * Reads a trace table (from the trainer or any table with the trace columns), checking what the tracker relies on:
     * {@code iteration} and the metrics every run fills present (the message lists the missing ones),
     * {@code lambda_1 … lambda_n} and {@code sigma_1 … sigma_p} numbered without gaps, iterations strictly increasing,
     * every value finite, and the optional {@code init} and {@code loss_kind} columns each one known value, the same in
     * every row. The error columns are optional: without them (or with every cell empty) the full target is unknown,
     * as in a completion run without it. Tables of older versions, with empty lambda/sigma columns beyond what the run
     * fills and without {@code loss_kind}, are read too (a completion run is then recognised by its columns).
     *
     * @param source how the user knows the table, for messages
     */
    public static Trace fromTable(Table table, String source) {
        List<String> fixed = new ArrayList<>(List.of(Schemas.ITERATION));
        // the metrics every run fills, but not the trailing ones (norms, factor diagnostics) older traces lack
        Arrays.stream(TraceMetric.values()).filter(metric -> !metric.nullable())
                .forEach(metric -> fixed.add(metric.column()));
        List<String> missing = new ArrayList<>();
        for (String name : fixed) {
            if (table.indexOf(name) < 0) {
                missing.add(name);
            }
        }
        int sigmaColumns = countNumbered(table, Schemas.SIGMA_PREFIX);
        if (sigmaColumns == 0) {
            missing.add(Schemas.SIGMA_PREFIX + "1");
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(source, "is not a trace table: missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (a trace has " + String.join(", ", fixed) + ", "
                    + Schemas.LAMBDA_PREFIX + "1…, " + Schemas.SIGMA_PREFIX + "1…)");
        }
        int lambdaColumns = countNumbered(table, Schemas.LAMBDA_PREFIX);
        // the first row says how many lambda and sigma cells hold values; the others are missing in every row
        int eigenCount = table.rowCount() == 0 ? lambdaColumns : valued(table, Schemas.LAMBDA_PREFIX, lambdaColumns);
        int sigmaCount = table.rowCount() == 0 ? sigmaColumns : valued(table, Schemas.SIGMA_PREFIX, sigmaColumns);
        Optional<TrainedLoss> loss = loss(table, source);
        if (loss.isEmpty() && isCompletion(table, table.indexOf(Schemas.ERROR_UNOBSERVED),
                table.indexOf(Schemas.RELATIVE_ERROR))) {
            loss = Optional.of(LossKind.COMPLETION);
        }
        TraceShape shape = new TraceShape(eigenCount, sigmaCount, loss, anyValue(table, Schemas.ERROR_FRO));
        Trace.Builder builder = Trace.builder(shape);
        builder.init(start(table, source));
        int iterationColumn = table.indexOf(Schemas.ITERATION);
        double[] lambdas = new double[eigenCount];
        double[] sigmas = new double[sigmaCount];
        long previous = Long.MIN_VALUE;
        for (int row = 0; row < table.rowCount(); row++) {
            long iteration = (long) number(table, row, iterationColumn, source);
            if (iteration <= previous) {
                throw new InvalidInputException(source + ", " + table.rowLocation(row), "iteration " + iteration
                        + (iteration == previous ? " appears twice" : " comes after " + previous)
                        + "; a trace lists each iteration once, in ascending order (sort it or remove duplicates)");
            }
            previous = iteration;
            for (int i = 0; i < eigenCount; i++) {
                lambdas[i] = number(table, row, table.indexOf(Schemas.LAMBDA_PREFIX + (i + 1)), source);
            }
            requireMissing(table, row, Schemas.LAMBDA_PREFIX, eigenCount, lambdaColumns, source);
            for (int i = 0; i < sigmaCount; i++) {
                sigmas[i] = number(table, row, table.indexOf(Schemas.SIGMA_PREFIX + (i + 1)), source);
            }
            requireMissing(table, row, Schemas.SIGMA_PREFIX, sigmaCount, sigmaColumns, source);
            TracePoint point = TracePoint.of(lambdas, sigmas);
            for (TraceMetric metric : TraceMetric.values()) {
                point = point.with(metric, metricValue(table, row, metric, shape, source));
            }
            builder.add(iteration, point);
        }
        return builder.build();
    }

    /**
     * A metric's value in a row: required where every run fills it; NaN where the trace's shape has no such column
     * (whatever a stray cell holds); otherwise the cell, an empty one read as NaN (a completion run without the full
     * target, in a table of an older version).
     */
    private static double metricValue(Table table, int row, TraceMetric metric, TraceShape shape, String source) {
        int column = table.indexOf(metric.column());
        if (metric.filled() == TraceMetric.Filled.EVERY_RUN && metric.trailing()) {
            // the norms and factor diagnostics: absent in traces written before them, read as unknown
            return column < 0 ? Double.NaN : numberOrUnknown(table, row, column, source);
        }
        if (metric.filled() == TraceMetric.Filled.EVERY_RUN) {
            return number(table, row, column, source);
        }
        if (!shape.has(metric) || column < 0) {
            return Double.NaN;
        }
        return numberOrUnknown(table, row, column, source);
    }

    /** Whether the column exists and, in a table with rows, has a value somewhere (the full target is known). */
    private static boolean anyValue(Table table, String name) {
        int column = table.indexOf(name);
        if (column < 0) {
            return false;
        }
        for (int row = 0; row < table.rowCount(); row++) {
            if (table.cell(row, column) != null) {
                return true;
            }
        }
        return table.rowCount() == 0;
    }

    /**
     * A completion trace: error_unobserved or relative_error has a value somewhere (a known target), or every
     * error_fro cell is missing (a completion run without the full target, the only run whose error is unknown).
     */
    private static boolean isCompletion(Table table, int unobservedColumn, int relativeColumn) {
        if (unobservedColumn < 0 || relativeColumn < 0 || table.rowCount() == 0) {
            return false;
        }
        int errorColumn = table.indexOf(Schemas.ERROR_FRO);
        boolean errorUnknown = true;
        for (int row = 0; row < table.rowCount(); row++) {
            if (table.cell(row, unobservedColumn) != null || table.cell(row, relativeColumn) != null) {
                return true;
            }
            errorUnknown &= table.cell(row, errorColumn) == null;
        }
        return errorUnknown;
    }

    /** How many of {@code prefix1 … prefix<columns>} have a value in the first row (they come first). */
    private static int valued(Table table, String prefix, int columns) {
        int count = 0;
        while (count < columns && table.cell(0, table.indexOf(prefix + (count + 1))) != null) {
            count++;
        }
        return count;
    }

    private static void requireMissing(Table table, int row, String prefix, int from, int columns, String source) {
        for (int i = from; i < columns; i++) {
            if (table.cell(row, table.indexOf(prefix + (i + 1))) != null) {
                throw new InvalidInputException(source + ", " + table.rowLocation(row) + ", column '" + prefix + (i + 1)
                        + "'", "has a value where the first row has none; in a trace the " + prefix + "… columns "
                        + "with values come first and are the same in every row");
            }
        }
    }

    private static Initialization start(Table table, String source) {
        return sameInEveryRow(table, Schemas.INIT, source, text -> {
            try {
                return Optional.of(Initialization.parse(text));
            } catch (InvalidInputException e) {
                return Optional.empty();
            }
        }, Initialization::key, "an initialization", "say how the run started: " + Initialization.keys(),
                "start").orElse(null);
    }

    /** The {@code loss_kind} column's loss, the same in every row; empty without the column or rows. */
    private static Optional<TrainedLoss> loss(Table table, String source) {
        return sameInEveryRow(table, Schemas.LOSS_KIND, source, LossKind::ofKey, LossKind::key, "a loss",
                "say which loss the run trained: " + LossKind.keys(), "loss").map(TrainedLoss.class::cast);
    }

    /**
     * The value of a column that records one fact about the run in every row ({@code init}, {@code loss_kind}): empty
     * without the column or rows; a missing, unknown or differing cell is refused by row.
     *
     * @param what     what a value is, e.g. "a loss"
     * @param expected what to write instead
     * @param fact     what the run has one of, e.g. "loss"
     */
    private static <T> Optional<T> sameInEveryRow(Table table, String name, String source,
                                                  Function<String, Optional<T>> parse, Function<T, String> key,
                                                  String what, String expected, String fact) {
        int column = table.indexOf(name);
        Optional<T> value = Optional.empty();
        for (int row = 0; column >= 0 && row < table.rowCount(); row++) {
            Object cell = table.cell(row, column);
            String where = source + ", " + table.rowLocation(row) + ", column '" + name + "'";
            if (cell == null || cell.toString().isBlank()) {
                throw new InvalidInputException(where, "missing value; " + expected);
            }
            Optional<T> here = parse.apply(cell.toString());
            if (here.isEmpty()) {
                throw new InvalidInputException(where, InvalidInputException.quote(cell) + " is not " + what + "; "
                        + expected);
            }
            if (value.isPresent() && !here.get().equals(value.get())) {
                throw new InvalidInputException(where, "'" + key.apply(here.get()) + "' differs from '"
                        + key.apply(value.get()) + "' in the first row; a trace records one run, with one " + fact);
            }
            value = here;
        }
        return value;
    }

    private static int countNumbered(Table table, String prefix) {
        int count = 0;
        while (table.indexOf(prefix + (count + 1)) >= 0) {
            count++;
        }
        for (String name : table.columnNames()) {
            if (name.startsWith(prefix)) {
                String suffix = name.substring(prefix.length());
                if (!suffix.matches("\\d+") || Integer.parseInt(suffix) > count) {
                    throw new InvalidInputException("column '" + name + "'", "does not continue " + prefix + "1 … "
                            + prefix + count + "; number these columns from 1 without gaps");
                }
            }
        }
        return count;
    }

    /** An error cell of a completion trace: empty means unknown (no full target), read as NaN. */
    private static double numberOrUnknown(Table table, int row, int column, String source) {
        return table.cell(row, column) == null ? Double.NaN : number(table, row, column, source);
    }

    private static double number(Table table, int row, int column, String source) {
        return Checks.finiteCell(source + ", " + table.cellLocation(row, column), table.cell(row, column),
                "a trace has a finite number in every cell of its columns");
    }
}
