package org.dmflab.core.train;

import java.util.ArrayList;
import java.util.List;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.Table;

/**
 * The record of a gradient-descent run: one point per recorded iteration, ascending, with the columns of the trace table
 * (design.md §2). {@code lambda} holds vᵢᵀ W vᵢ along the target's eigenvectors (symmetric targets; empty rows
 * otherwise), {@code sigma} the singular values of W, descending. The table has {@code lambda_1 … lambda_n} and
 * {@code sigma_1 … sigma_n} for a target of n columns whatever its rows and symmetry, so that its columns are known
 * before the run (a KNIME node's configure); cells without a value (no eigenvectors, i &gt; min(m, n)) are missing.
 */
public final class Trace {
    private final long[] iterations;
    private final double[] time;
    private final double[] loss;
    private final double[] errorFro;
    private final double[] errorOp;
    private final double[] effectiveRank;
    private final double[] stableRank;
    private final double[][] lambda;
    private final double[][] sigma;
    private final int width;

    private Trace(Builder builder) {
        width = builder.width;
        int size = builder.iterations.size();
        iterations = new long[size];
        time = new double[size];
        loss = new double[size];
        errorFro = new double[size];
        errorOp = new double[size];
        effectiveRank = new double[size];
        stableRank = new double[size];
        lambda = new double[size][];
        sigma = new double[size][];
        for (int k = 0; k < size; k++) {
            double[] scalars = builder.scalars.get(k);
            iterations[k] = builder.iterations.get(k);
            time[k] = scalars[0];
            loss[k] = scalars[1];
            errorFro[k] = scalars[2];
            errorOp[k] = scalars[3];
            effectiveRank[k] = scalars[4];
            stableRank[k] = scalars[5];
            lambda[k] = builder.lambdas.get(k);
            sigma[k] = builder.sigmas.get(k);
        }
    }

    /** Starts a trace with {@code eigenCount} lambda values (0 for non-symmetric targets) and {@code sigmaCount} sigmas. */
    public static Builder builder(int eigenCount, int sigmaCount) {
        return builder(eigenCount, sigmaCount, Math.max(eigenCount, sigmaCount));
    }

    /**
     * Starts a trace whose table has {@code width} lambda and sigma columns (the target's columns n), of which the
     * first {@code eigenCount} and {@code sigmaCount} hold values.
     */
    public static Builder builder(int eigenCount, int sigmaCount, int width) {
        if (eigenCount > width || sigmaCount > width) {
            throw new IllegalArgumentException("width " + width + " is less than " + eigenCount + " lambdas or "
                    + sigmaCount + " sigmas");
        }
        return new Builder(eigenCount, sigmaCount, width);
    }

    /** The number of lambda and of sigma columns of the table (the target's columns). */
    public int width() {
        return width;
    }

    public int size() {
        return iterations.length;
    }

    public int eigenCount() {
        return lambda.length == 0 ? 0 : lambda[0].length;
    }

    public int sigmaCount() {
        return sigma.length == 0 ? 0 : sigma[0].length;
    }

    public long iteration(int point) {
        return iterations[point];
    }

    public double time(int point) {
        return time[point];
    }

    public double loss(int point) {
        return loss[point];
    }

    public double errorFro(int point) {
        return errorFro[point];
    }

    public double errorOp(int point) {
        return errorOp[point];
    }

    public double effectiveRank(int point) {
        return effectiveRank[point];
    }

    public double stableRank(int point) {
        return stableRank[point];
    }

    /** vᵢᵀ W vᵢ at a recorded point, i 0-based. */
    public double lambda(int point, int i) {
        return lambda[point][i];
    }

    /** σᵢ(W) at a recorded point, i 0-based. */
    public double sigma(int point, int i) {
        return sigma[point][i];
    }

    /** A copy of the recorded iterations. */
    public long[] iterations() {
        return iterations.clone();
    }

    /** The singular values at a recorded point (copy). */
    public double[] sigmas(int point) {
        return sigma[point].clone();
    }

    /** The eigenvalue coordinates at a recorded point (copy). */
    public double[] lambdas(int point) {
        return lambda[point].clone();
    }

    /** The trace table of design.md §2. */
    public Table toTable() {
        List<Column> columns = Schemas.trace(width, width);
        Table.Builder table = Table.builder(columns);
        Object[] cells = new Object[columns.size()];
        for (int k = 0; k < size(); k++) {
            cells[0] = iterations[k];
            cells[1] = time[k];
            cells[2] = loss[k];
            cells[3] = errorFro[k];
            cells[4] = errorOp[k];
            cells[5] = effectiveRank[k];
            cells[6] = stableRank[k];
            for (int i = 0; i < width; i++) {
                cells[7 + i] = i < lambda[k].length ? (Object) lambda[k][i] : null;
                cells[7 + width + i] = i < sigma[k].length ? (Object) sigma[k][i] : null;
            }
            table.addRow(cells);
        }
        return table.build();
    }

    /**
     * Reads a trace table (from the trainer or any table with the trace columns), checking what the tracker relies on:
     * every fixed column present (the message lists the missing ones), {@code lambda_1 … lambda_n} and
     * {@code sigma_1 … sigma_p} numbered without gaps, iterations strictly increasing, every value finite.
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
        Builder builder = builder(eigenCount, sigmaCount, Math.max(lambdaColumns, sigmaColumns));
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
                scalars[c - 1] = number(table, row, fixedIndex[c], source);
            }
            for (int i = 0; i < eigenCount; i++) {
                lambdas[i] = number(table, row, table.indexOf(Schemas.LAMBDA_PREFIX + (i + 1)), source);
            }
            requireMissing(table, row, Schemas.LAMBDA_PREFIX, eigenCount, lambdaColumns, source);
            for (int i = 0; i < sigmaCount; i++) {
                sigmas[i] = number(table, row, table.indexOf(Schemas.SIGMA_PREFIX + (i + 1)), source);
            }
            requireMissing(table, row, Schemas.SIGMA_PREFIX, sigmaCount, sigmaColumns, source);
            builder.add(iteration, scalars[0], scalars[1], scalars[2], scalars[3], scalars[4], scalars[5], lambdas, sigmas);
        }
        return builder.build();
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

    /** Collects recorded points in ascending iteration order. */
    public static final class Builder {
        private final int eigenCount;
        private final int sigmaCount;
        private final List<Long> iterations = new ArrayList<>();
        private final List<double[]> scalars = new ArrayList<>();
        private final List<double[]> lambdas = new ArrayList<>();
        private final List<double[]> sigmas = new ArrayList<>();

        private final int width;

        private Builder(int eigenCount, int sigmaCount, int width) {
            this.eigenCount = eigenCount;
            this.sigmaCount = sigmaCount;
            this.width = width;
        }

        /** Records one point; the arrays are copied. */
        public Builder add(long iteration, double time, double loss, double errorFro, double errorOp,
                           double effectiveRank, double stableRank, double[] lambda, double[] sigma) {
            if (lambda.length != eigenCount || sigma.length != sigmaCount) {
                throw new IllegalArgumentException("expected " + eigenCount + " lambdas and " + sigmaCount
                        + " sigmas, got " + lambda.length + " and " + sigma.length);
            }
            if (!iterations.isEmpty() && iteration <= iterations.get(iterations.size() - 1)) {
                throw new IllegalArgumentException("iterations must increase: " + iteration + " after "
                        + iterations.get(iterations.size() - 1));
            }
            iterations.add(iteration);
            scalars.add(new double[]{time, loss, errorFro, errorOp, effectiveRank, stableRank});
            lambdas.add(lambda.clone());
            sigmas.add(sigma.clone());
            return this;
        }

        /** The number of points recorded so far. */
        public int size() {
            return iterations.size();
        }

        public Trace build() {
            return new Trace(this);
        }
    }

    @Override
    public String toString() {
        return "Trace[" + size() + " points, iterations " + (size() == 0 ? "-" : iterations[0] + "…"
                + iterations[size() - 1]) + ", " + eigenCount() + " lambdas, " + sigmaCount() + " sigmas]";
    }
}
