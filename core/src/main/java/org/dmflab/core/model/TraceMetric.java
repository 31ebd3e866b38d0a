package org.dmflab.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * The scalar columns of the trace table (docs/design.md §2), declared once: the column's name, whether it stands after
 * the {@code lambda_…}/{@code sigma_…} columns (trailing columns are optional on input: traces written before them
 * lack them), which runs give it values and what it is a function of ({@link Basis}), with the function itself where
 * the trainer can apply it generically. The trace record ({@link Trace}), the table's schema and conversion
 * ({@code table.TraceTables}), so the KNIME node's configure-time spec, and the trainer's recording all follow this
 * list: a new metric of W's singular values (and the depth) or of the factors' norms and balancedness terms is one
 * constant here; one of the solver's own quantities or of a loss's data also needs the line that measures it
 * ({@link Basis}).
 */
public enum TraceMetric {
    /** t = η·k. */
    TIME("time", false, Filled.EVERY_RUN, Measure.of(Basis.RUN)),
    /** The training loss. */
    LOSS("loss", false, Filled.EVERY_RUN, Measure.of(Basis.SOLVER)),
    /** ‖W − Φ‖_F. */
    ERROR_FRO("error_fro", false, Filled.KNOWN_TARGET, Measure.of(Basis.SOLVER)),
    /** ‖W − Φ‖₂. */
    ERROR_OP("error_op", false, Filled.KNOWN_TARGET, Measure.of(Basis.SOLVER)),
    /** The effective rank of W ({@link RankMeasures#effectiveRank}). */
    EFFECTIVE_RANK("effective_rank", false, Filled.EVERY_RUN,
            Measure.ofSingularValues((sigma, depth) -> RankMeasures.effectiveRank(sigma))),
    /** The stable rank of W ({@link RankMeasures#stableRank}). */
    STABLE_RANK("stable_rank", false, Filled.EVERY_RUN,
            Measure.ofSingularValues((sigma, depth) -> RankMeasures.stableRank(sigma))),
    /** Completion: ‖W − Φ‖_F over the unobserved entries. */
    ERROR_UNOBSERVED("error_unobserved", true, Filled.COMPLETION_WITH_TARGET, Measure.of(Basis.LOSS_DATA)),
    /** Completion: ‖W − Φ‖_F / ‖Φ‖_F. */
    RELATIVE_ERROR("relative_error", true, Filled.COMPLETION_WITH_TARGET, Measure.of(Basis.LOSS_DATA)),
    /** ‖W‖_F ({@link RankMeasures#frobeniusNorm}). */
    NORM_FRO("norm_fro", true, Filled.EVERY_RUN,
            Measure.ofSingularValues((sigma, depth) -> RankMeasures.frobeniusNorm(sigma))),
    /** ‖W‖_* ({@link RankMeasures#nuclearNorm}). */
    NORM_NUCLEAR("norm_nuclear", true, Filled.EVERY_RUN,
            Measure.ofSingularValues((sigma, depth) -> RankMeasures.nuclearNorm(sigma))),
    /** The Schatten-2/N quasi-norm of the depth-N product ({@link RankMeasures#schattenQuasiNorm}). */
    SCHATTEN_2_OVER_N("schatten_2_over_n", true, Filled.EVERY_RUN,
            Measure.ofSingularValues(RankMeasures::schattenQuasiNorm)),
    /** exp(H(σ/Σσ)), the literature's effective rank ({@link RankMeasures#entropyEffectiveRank}); not the paper's. */
    ENTROPY_EFFECTIVE_RANK("entropy_effective_rank", true, Filled.EVERY_RUN,
            Measure.ofSingularValues((sigma, depth) -> RankMeasures.entropyEffectiveRank(sigma))),
    /**
     * (Σ_{j<N} ‖W_{j+1}ᵀW_{j+1} − W_jW_jᵀ‖²_F)^{1/2}: zero for balanced factors and conserved by the gradient flow
     * (docs/theory.md §1.7); 0 for N = 1.
     */
    BALANCEDNESS("balancedness", true, Filled.EVERY_RUN,
            Measure.ofFactors((squaredNorms, squaredImbalance) -> Math.sqrt(squaredImbalance))),
    /** The smallest ‖W_j‖_F of the factors. */
    FACTOR_NORM_MIN("factor_norm_min", true, Filled.EVERY_RUN,
            Measure.ofFactors((squaredNorms, squaredImbalance) -> norms(squaredNorms)
                    .reduce(Double.POSITIVE_INFINITY, Math::min))),
    /** The largest ‖W_j‖_F of the factors. */
    FACTOR_NORM_MAX("factor_norm_max", true, Filled.EVERY_RUN,
            Measure.ofFactors((squaredNorms, squaredImbalance) -> norms(squaredNorms).reduce(0, Math::max)));

    /**
     * What a metric is a function of, and so who measures it. The trainer applies the declared function of every
     * {@link #SINGULAR_VALUES} and {@link #FACTORS} metric to every recorded row, whatever the solver; the others are
     * measured where their data is.
     */
    public enum Basis {
        /** The run loop's own count (t = η·k). */
        RUN,
        /** What each solver measures of its iterate: the loss and the error W − Φ. */
        SOLVER,
        /** σ(W), descending, and the depth N: the declaration's {@link SingularValueFunction}. */
        SINGULAR_VALUES,
        /**
         * The factors' squared Frobenius norms ‖W_j‖²_F and their summed squared balancedness terms
         * Σ_{j<N} ‖W_{j+1}ᵀW_{j+1} − W_jW_jᵀ‖²_F, which every solver measures: the declaration's {@link FactorFunction}.
         */
        FACTORS,
        /** The loss's own data (the observed entries of completion): the loss measures it. */
        LOSS_DATA
    }

    /** A metric of the product's singular values (descending) and the depth N. */
    @FunctionalInterface
    public interface SingularValueFunction {
        double of(double[] singularValues, int depth);
    }

    /** A metric of the factors' squared Frobenius norms (W₁ first) and summed squared balancedness terms. */
    @FunctionalInterface
    public interface FactorFunction {
        double of(double[] squaredNorms, double squaredImbalance);
    }

    /** A metric's basis with its function where the basis has one. */
    private record Measure(Basis basis, SingularValueFunction ofSingularValues, FactorFunction ofFactors) {
        static Measure of(Basis basis) {
            return new Measure(basis, null, null);
        }

        static Measure ofSingularValues(SingularValueFunction function) {
            return new Measure(Basis.SINGULAR_VALUES, function, null);
        }

        static Measure ofFactors(FactorFunction function) {
            return new Measure(Basis.FACTORS, null, function);
        }
    }

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
    private final Measure measure;

    TraceMetric(String column, boolean trailing, Filled filled, Measure measure) {
        this.column = column;
        this.trailing = trailing;
        this.filled = filled;
        this.measure = measure;
    }

    /** ‖W_j‖_F from ‖W_j‖²_F, a square below 0 by rounding read as 0. */
    private static DoubleStream norms(double[] squaredNorms) {
        return Arrays.stream(squaredNorms).map(square -> Math.sqrt(Math.max(0, square)));
    }

    /** The declared metrics of {@code basis}, in declaration order. */
    public static List<TraceMetric> of(Basis basis) {
        return Arrays.stream(values()).filter(metric -> metric.basis() == basis).toList();
    }

    /** What the metric is a function of. */
    public Basis basis() {
        return measure.basis();
    }

    /** The metric of σ(W) (descending) for a depth-N product; only for {@link Basis#SINGULAR_VALUES}. */
    public double ofSingularValues(double[] singularValues, int depth) {
        if (measure.ofSingularValues() == null) {
            throw new IllegalStateException(column + " is no function of the singular values");
        }
        return measure.ofSingularValues().of(singularValues, depth);
    }

    /** The metric of the factors' squared norms and squared balancedness terms; only for {@link Basis#FACTORS}. */
    public double ofFactors(double[] squaredNorms, double squaredImbalance) {
        if (measure.ofFactors() == null) {
            throw new IllegalStateException(column + " is no function of the factors' norms");
        }
        return measure.ofFactors().of(squaredNorms, squaredImbalance);
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
