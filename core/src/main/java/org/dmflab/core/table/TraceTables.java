package org.dmflab.core.table;

import java.util.ArrayList;
import java.util.List;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.model.Trace;

/** The trace table of design.md §2, written from and read into the {@link Trace} record (tables only at the edges). */
public final class TraceTables {
    private TraceTables() {
    }

    /** The trace table of design.md §2. */
    public static Table toTable(Trace trace) {
        boolean completion = trace.completion();
        List<Column> columns = Schemas.trace(trace.eigenCount(), trace.sigmaCount(), completion);
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
            int c = 7;
            for (double value : trace.lambdas(k)) {
                cells[c++] = value;
            }
            for (double value : trace.sigmas(k)) {
                cells[c++] = value;
            }
            if (completion) {
                cells[c++] = orEmpty(trace.errorUnobserved(k), true);
                cells[c] = orEmpty(trace.relativeError(k), true);
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
     * {@code sigma_1 … sigma_p} numbered without gaps, iterations strictly increasing, every value finite. A table with
     * {@code error_unobserved} and {@code relative_error} is a completion trace, whose error cells may be empty (unknown).
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
        int sigmaCount = countNumbered(table, Schemas.SIGMA_PREFIX);
        if (sigmaCount == 0) {
            missing.add(Schemas.SIGMA_PREFIX + "1");
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(source, "is not a trace table: missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (a trace has iteration, time, loss, error_fro, error_op, "
                    + "effective_rank, stable_rank, lambda_1…, sigma_1…)");
        }
        int eigenCount = countNumbered(table, Schemas.LAMBDA_PREFIX);
        int unobservedColumn = table.indexOf(Schemas.ERROR_UNOBSERVED);
        int relativeColumn = table.indexOf(Schemas.RELATIVE_ERROR);
        boolean completion = unobservedColumn >= 0 && relativeColumn >= 0;
        Trace.Builder builder = Trace.builder(eigenCount, sigmaCount, completion);
        int[] fixedIndex = fixed.stream().mapToInt(table::indexOf).toArray();
        double[] scalars = new double[6];
        double[] lambdas = new double[eigenCount];
        double[] sigmas = new double[sigmaCount];
        long previous = Long.MIN_VALUE;
        for (int row = 0; row < table.rowCount(); row++) {
            long iteration = (long) number(table, row, fixedIndex[0], source);
            if (iteration <= previous) {
                throw new InvalidInputException(source + ", row " + table.rowId(row), "iteration " + iteration
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
            for (int i = 0; i < sigmaCount; i++) {
                sigmas[i] = number(table, row, table.indexOf(Schemas.SIGMA_PREFIX + (i + 1)), source);
            }
            builder.add(iteration, scalars[0], scalars[1], scalars[2], scalars[3], scalars[4], scalars[5], lambdas, sigmas,
                    completion ? numberOrUnknown(table, row, unobservedColumn, source) : Double.NaN,
                    completion ? numberOrUnknown(table, row, relativeColumn, source) : Double.NaN);
        }
        return builder.build();
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
        Object cell = table.cell(row, column);
        String where = source + ", row " + table.rowId(row) + ", column '" + table.columns().get(column).name() + "'";
        if (!(cell instanceof Number value)) {
            throw new InvalidInputException(where, cell == null ? "missing value" : "'" + cell + "' is not a number");
        }
        if (!Double.isFinite(value.doubleValue())) {
            throw new InvalidInputException(where, value + " is not a finite number; the trace must not contain NaN "
                    + "or infinite values");
        }
        return value.doubleValue();
    }
}
