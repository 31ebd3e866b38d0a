package org.dmflab.core.table;

import java.util.ArrayList;
import java.util.List;
import org.dmflab.core.Checks;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.model.Initialization;
import org.dmflab.core.model.Trace;

/** The trace table of docs/design.md §2, written from and read into the {@link Trace} record (tables only at the edges). */
public final class TraceTables {
    private TraceTables() {
    }

    /** The trace table of docs/design.md §2. */
    public static Table toTable(Trace trace) {
        boolean completion = trace.completion();
        int lambdas = trace.lambdaColumns();
        int sigmas = trace.sigmaColumns();
        List<Column> columns = Schemas.trace(lambdas, sigmas);
        if (trace.init().isEmpty()) {
            columns = columns.subList(0, columns.size() - 1); // a trace of unknown start (read from an old table)
        }
        Table.Builder table = Table.builder(columns);
        Object[] cells = new Object[columns.size()];
        for (int k = 0; k < trace.size(); k++) {
            cells[0] = trace.iteration(k);
            cells[1] = trace.time(k);
            cells[2] = trace.loss(k);
            cells[3] = orEmpty(trace.errorFro(k), completion);
            cells[4] = orEmpty(trace.errorOp(k), completion);
            cells[5] = trace.effectiveRank(k);
            cells[6] = trace.stableRank(k);
            for (int i = 0; i < lambdas; i++) {
                cells[7 + i] = i < trace.eigenCount() ? (Object) trace.lambda(k, i) : null;
            }
            for (int i = 0; i < sigmas; i++) {
                cells[7 + lambdas + i] = i < trace.sigmaCount() ? (Object) trace.sigma(k, i) : null;
            }
            // missing unless a completion run with a known target (the columns are always there, docs/design.md §2)
            cells[7 + lambdas + sigmas] = orEmpty(trace.errorUnobserved(k), true);
            cells[8 + lambdas + sigmas] = orEmpty(trace.relativeError(k), true);
            if (trace.init().isPresent()) {
                cells[9 + lambdas + sigmas] = trace.init().get().key();
            }
            table.addRow(cells);
        }
        return table.build();
    }

    /** NaN (an unknown error) as an empty cell where the column allows it. */
    private static Double orEmpty(double value, boolean nullable) {
        return nullable && Double.isNaN(value) ? null : value;
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
        List<String> fixed = List.of(Schemas.ITERATION, Schemas.TIME, Schemas.LOSS, Schemas.ERROR_FRO, Schemas.ERROR_OP,
                Schemas.EFFECTIVE_RANK, Schemas.STABLE_RANK);
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
                    + String.join(", ", missing) + " (a trace has iteration, time, loss, error_fro, error_op, "
                    + "effective_rank, stable_rank, lambda_1…, sigma_1…)");
        }
        int lambdaColumns = countNumbered(table, Schemas.LAMBDA_PREFIX);
        // the first row says how many lambda and sigma cells hold values; the others are missing in every row
        int eigenCount = table.rowCount() == 0 ? lambdaColumns : valued(table, Schemas.LAMBDA_PREFIX, lambdaColumns);
        int sigmaCount = table.rowCount() == 0 ? sigmaColumns : valued(table, Schemas.SIGMA_PREFIX, sigmaColumns);
        int unobservedColumn = table.indexOf(Schemas.ERROR_UNOBSERVED);
        int relativeColumn = table.indexOf(Schemas.RELATIVE_ERROR);
        boolean completion = isCompletion(table, unobservedColumn, relativeColumn);
        Trace.Builder builder = Trace.builder(eigenCount, sigmaCount, lambdaColumns, sigmaColumns)
                .completion(completion);
        builder.init(start(table, source));
        int[] fixedIndex = fixed.stream().mapToInt(table::indexOf).toArray();
        double[] scalars = new double[6];
        double[] lambdas = new double[eigenCount];
        double[] sigmas = new double[sigmaCount];
        long previous = Long.MIN_VALUE;
        for (int row = 0; row < table.rowCount(); row++) {
            long iteration = (long) number(table, row, fixedIndex[0], source);
            if (iteration <= previous) {
                throw new InvalidInputException(source + ", " + table.rowLocation(row), "iteration " + iteration
                        + (iteration == previous ? " appears twice" : " comes after " + previous)
                        + "; a trace lists each iteration once, in ascending order (sort it or remove duplicates)");
            }
            previous = iteration;
            for (int c = 1; c < fixedIndex.length; c++) {
                boolean error = fixed.get(c).equals(Schemas.ERROR_FRO) || fixed.get(c).equals(Schemas.ERROR_OP);
                scalars[c - 1] = completion && error ? numberOrUnknown(table, row, fixedIndex[c], source)
                        : number(table, row, fixedIndex[c], source);
            }
            for (int i = 0; i < eigenCount; i++) {
                lambdas[i] = number(table, row, table.indexOf(Schemas.LAMBDA_PREFIX + (i + 1)), source);
            }
            requireMissing(table, row, Schemas.LAMBDA_PREFIX, eigenCount, lambdaColumns, source);
            for (int i = 0; i < sigmaCount; i++) {
                sigmas[i] = number(table, row, table.indexOf(Schemas.SIGMA_PREFIX + (i + 1)), source);
            }
            requireMissing(table, row, Schemas.SIGMA_PREFIX, sigmaCount, sigmaColumns, source);
            builder.add(iteration, scalars[0], scalars[1], scalars[2], scalars[3], scalars[4], scalars[5], lambdas, sigmas,
                    completion ? numberOrUnknown(table, row, unobservedColumn, source) : Double.NaN,
                    completion ? numberOrUnknown(table, row, relativeColumn, source) : Double.NaN);
        }
        return builder.build();
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
                throw new InvalidInputException(source + ", row " + table.rowId(row) + ", column '" + prefix + (i + 1)
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
            String where = source + ", row " + table.rowId(row) + ", column '" + Schemas.INIT + "'";
            if (cell == null || cell.toString().isBlank()) {
                throw new InvalidInputException(where, "missing value; say how the run started: identity, perturbed "
                        + "or gaussian");
            }
            Initialization here;
            try {
                here = Initialization.parse(cell.toString());
            } catch (InvalidInputException e) {
                throw new InvalidInputException(where, "'" + cell + "' is not an initialization; use identity, "
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
