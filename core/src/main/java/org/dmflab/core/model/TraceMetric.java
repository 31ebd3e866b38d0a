package org.dmflab.core.model;

/**
 * The scalar columns of the trace table (docs/design.md §2), declared once: the column's name, whether it stands after
 * the {@code lambda_…}/{@code sigma_…} columns (trailing columns are optional on input: traces written before them
 * lack them), and which runs give it values. The trace record ({@link Trace}), the
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
    RELATIVE_ERROR("relative_error", true, Filled.COMPLETION_WITH_TARGET),
    /** ‖W‖_F ({@link RankMeasures#frobeniusNorm}). */
    NORM_FRO("norm_fro", true, Filled.EVERY_RUN),
    /** ‖W‖_* ({@link RankMeasures#nuclearNorm}). */
    NORM_NUCLEAR("norm_nuclear", true, Filled.EVERY_RUN),
    /** The Schatten-2/N quasi-norm of the depth-N product ({@link RankMeasures#schattenQuasiNorm}). */
    SCHATTEN_2_OVER_N("schatten_2_over_n", true, Filled.EVERY_RUN),
    /** exp(H(σ/Σσ)), the literature's effective rank ({@link RankMeasures#entropyEffectiveRank}); not the paper's. */
    ENTROPY_EFFECTIVE_RANK("entropy_effective_rank", true, Filled.EVERY_RUN),
    /**
     * (Σ_{j<N} ‖W_{j+1}ᵀW_{j+1} − W_jW_jᵀ‖²_F)^{1/2}: zero for balanced factors and conserved by the gradient flow
     * (docs/theory.md §1.7); 0 for N = 1.
     */
    BALANCEDNESS("balancedness", true, Filled.EVERY_RUN),
    /** The smallest ‖W_j‖_F of the factors. */
    FACTOR_NORM_MIN("factor_norm_min", true, Filled.EVERY_RUN),
    /** The largest ‖W_j‖_F of the factors. */
    FACTOR_NORM_MAX("factor_norm_max", true, Filled.EVERY_RUN);

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

    /**
     * Whether the column may have missing cells: where some runs give no value, and for the trailing columns, which
     * traces written before them (or by hand) lack.
     */
    public boolean nullable() {
        return filled != Filled.EVERY_RUN || trailing;
    }
}
