package org.dmflab.core.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dmflab.core.Checks;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.model.Initialization;
import org.dmflab.core.model.Trace;
import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.model.TracePoint;

/** The trace table of docs/design.md §2, written from and read into the {@link Trace} record (tables only at the edges). */
public final class TraceTables {
    private TraceTables() {
    }

    /** The trace table of docs/design.md §2: one cell per column of {@link Schemas#trace}, NaN as a missing cell. */
    public static Table toTable(Trace trace) {
        int lambdas = trace.lambdaColumns();
        int sigmas = trace.sigmaColumns();
        List<Column> columns = Schemas.trace(lambdas, sigmas);
        if (trace.init().isEmpty()) {
            columns = columns.subList(0, columns.size() - 1); // a trace of unknown start (read from an old table)
        }
        List<TraceMetric> leading = metrics(false);
        List<TraceMetric> trailing = metrics(true);
        Table.Builder table = Table.builder(columns);
        Object[] cells = new Object[columns.size()];
        for (int k = 0; k < trace.size(); k++) {
            int c = 0;
            cells[c++] = trace.iteration(k);
            for (TraceMetric metric : leading) {
                cells[c++] = cell(trace, metric, k);
            }
            for (int i = 0; i < lambdas; i++) {
                cells[c++] = i < trace.eigenCount() ? (Object) trace.lambda(k, i) : null;
            }
            for (int i = 0; i < sigmas; i++) {
                cells[c++] = i < trace.sigmaCount() ? (Object) trace.sigma(k, i) : null;
            }
            for (TraceMetric metric : trailing) {
                cells[c++] = cell(trace, metric, k);
            }
            if (trace.init().isPresent()) {
                cells[c] = trace.init().get().key();
            }
            table.addRow(cells);
        }
        return table.build();
    }

    /** The metrics before ({@code trailing} false) or after the spectra, in declaration order. */
    private static List<TraceMetric> metrics(boolean trailing) {
        return Arrays.stream(TraceMetric.values()).filter(metric -> metric.trailing() == trailing).toList();
    }

    /** A metric's cell: NaN (no value for this run) is a missing cell where the column allows it. */
    private static Double cell(Trace trace, TraceMetric metric, int point) {
        double value = trace.value(metric, point);
        return metric.nullable() && Double.isNaN(value) ? null : value;
    }

    /**
     * Reads a trace table (from the trainer or any table with the trace columns), checking what the tracker relies on:
     * every fixed column present (the message lists the missing ones), {@code lambda_1 … lambda_n} and
     * {@code sigma_1 … sigma_p} numbered without gaps, iterations strictly increasing, every value finite, and the
     * optional {@code init} column one of identity / perturbed / gaussian, the same in every row (a trace without it
     * has an unknown start). {@code error_unobserved} and {@code relative_error} are optional (older traces lack
     * them); a completion trace's error cells may all be empty (unknown target).
     *
     * @param source how the user knows the table, for messages
     */
    public static Trace fromTable(Table table, String source) {
        List<TraceMetric> leading = metrics(false);
        List<String> fixed = new ArrayList<>(List.of(Schemas.ITERATION));
        leading.forEach(metric -> fixed.add(metric.column()));
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
        boolean completion = isCompletion(table, table.indexOf(Schemas.ERROR_UNOBSERVED),
                table.indexOf(Schemas.RELATIVE_ERROR));
        Trace.Builder builder = Trace.builder(eigenCount, sigmaCount, lambdaColumns, sigmaColumns)
                .completion(completion);
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
                point = point.with(metric, metricValue(table, row, metric, completion, source));
            }
            builder.add(iteration, point);
        }
        return builder.build();
    }

    /**
     * A metric's value in a row: required where every run of this kind fills it; in a completion trace the nullable
     * metrics may be empty (unknown target) or absent (older tables), read as NaN; in other traces the completion
     * metrics are NaN whatever their cells hold.
     */
    private static double metricValue(Table table, int row, TraceMetric metric, boolean completion, String source) {
        int column = table.indexOf(metric.column());
        if (metric.filled() == TraceMetric.Filled.EVERY_RUN && metric.trailing()) {
            // the norms and factor diagnostics: absent in traces written before them, read as unknown
            return column < 0 ? Double.NaN : numberOrUnknown(table, row, column, source);
        }
        if (metric.filled() == TraceMetric.Filled.EVERY_RUN || (!completion && metric.filled().fills(false, true))) {
            return number(table, row, column, source);
        }
        if (!completion || column < 0) {
            return Double.NaN;
        }
        return numberOrUnknown(table, row, column, source);
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
        int column = table.indexOf(Schemas.INIT);
        if (column < 0 || table.rowCount() == 0) {
            return null;
        }
        Initialization start = null;
        for (int row = 0; row < table.rowCount(); row++) {
            Object cell = table.cell(row, column);
            String where = source + ", " + table.rowLocation(row) + ", column '" + Schemas.INIT + "'";
            if (cell == null || cell.toString().isBlank()) {
                throw new InvalidInputException(where, "missing value; say how the run started: identity, perturbed "
                        + "or gaussian");
            }
            Initialization here;
            try {
                here = Initialization.parse(cell.toString());
            } catch (InvalidInputException e) {
                throw new InvalidInputException(where, InvalidInputException.quote(cell) + " is not an initialization; use identity, "
                        + "perturbed or gaussian");
            }
            if (start != null && here != start) {
                throw new InvalidInputException(where, "'" + here.key() + "' differs from '" + start.key()
                        + "' in the first row; a trace records one run, with one start");
            }
            start = here;
        }
        return start;
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
