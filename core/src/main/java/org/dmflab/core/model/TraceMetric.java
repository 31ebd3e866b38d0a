package org.dmflab.core.model;

/**
 * The scalar columns of the trace table (docs/design.md §2), declared once: the column's name, whether it stands after
 * the {@code lambda_…}/{@code sigma_…} columns, and which runs give it values. The trace record ({@link Trace}), the
 * table's schema and conversion ({@code table.TraceTables}) and so the KNIME node's configure-time spec all follow this
 * list: a new metric is one constant here plus the line of the solver that measures it.
 */
public enum TraceMetric {
    /** t = η·k. */
    TIME("time", false, Filled.EVERY_RUN),
    /** The training loss. */
    LOSS("loss", false, Filled.EVERY_RUN),
    /** ‖W − Φ‖_F. */
    ERROR_FRO("error_fro", false, Filled.KNOWN_TARGET),
    /** ‖W − Φ‖₂. */
    ERROR_OP("error_op", false, Filled.KNOWN_TARGET),
    /** The effective rank of W ({@link RankMeasures#effectiveRank}). */
    EFFECTIVE_RANK("effective_rank", false, Filled.EVERY_RUN),
    /** The stable rank of W ({@link RankMeasures#stableRank}). */
    STABLE_RANK("stable_rank", false, Filled.EVERY_RUN),
    /** Completion: ‖W − Φ‖_F over the unobserved entries. */
    ERROR_UNOBSERVED("error_unobserved", true, Filled.COMPLETION_WITH_TARGET),
    /** Completion: ‖W − Φ‖_F / ‖Φ‖_F. */
    RELATIVE_ERROR("relative_error", true, Filled.COMPLETION_WITH_TARGET);

    /** Which runs give a metric values; in the others its cells are missing (NaN in the record). */
    public enum Filled {
        /** Every run. */
        EVERY_RUN,
        /** Every run whose full target is known (all but completion without it). */
        KNOWN_TARGET,
        /** Completion runs whose full target is known. */
        COMPLETION_WITH_TARGET;

        /** Whether a run of this kind gives the metric values. */
        public boolean fills(boolean completion, boolean targetKnown) {
            return switch (this) {
                case EVERY_RUN -> true;
                case KNOWN_TARGET -> targetKnown;
                case COMPLETION_WITH_TARGET -> completion && targetKnown;
            };
        }
    }

    private final String column;
    private final boolean trailing;
    private final Filled filled;

    TraceMetric(String column, boolean trailing, Filled filled) {
        this.column = column;
        this.trailing = trailing;
        this.filled = filled;
    }

    /** The trace table's column name. */
    public String column() {
        return column;
    }

    /** Whether the column stands after the lambda and sigma columns (else before them, after {@code iteration}). */
    public boolean trailing() {
        return trailing;
    }

    /** Which runs give it values. */
    public Filled filled() {
        return filled;
    }
}
