package org.dmflab.core.train;

import java.util.List;
import java.util.Optional;
import java.util.Locale;
import org.dmflab.core.table.MatrixTables;
import org.dmflab.core.table.Table;
import org.ejml.data.DMatrixRMaj;
import org.dmflab.core.model.Trace;
import org.dmflab.core.table.TraceTables;

/**
 * The outcome of a training run: the trace, the final product W = W_N ⋯ W₁ and factors, which solver computed it, how
 * many iterations ran, why it stopped, and the final loss and effective rank.
 *
 * @param trace         the recorded points (docs/design.md §2 trace table via {@link #traceTable()})
 * @param product       W at the last iteration run
 * @param factors       W₁ … W_N at the last iteration run
 * @param solver        the solver used (never auto)
 * @param iterations    the last iteration run (the budget, or earlier when the tolerance was reached)
 * @param stopReason    why the run ended
 * @param finalLoss     the loss at the last iteration
 * @param finalEffectiveRank ‖W‖_* / ‖W‖₂ at the last iteration
 * @param earlyStop     what {@code stop-at=rank:R} did (empty for {@code stop-at=none}); when it stopped the run, the
 *                      product, factors, iterations, final loss and effective rank and the trace's last row are those
 *                      of the iteration it stopped at
 */
public record TrainingResult(Trace trace, DMatrixRMaj product, List<DMatrixRMaj> factors, SolverKind solver,
                             long iterations, StopReason stopReason, double finalLoss, double finalEffectiveRank,
                             Optional<EarlyStop> earlyStop) {

    public TrainingResult {
        java.util.Objects.requireNonNull(earlyStop, "earlyStop");
        product = product.copy();
        factors = factors.stream().map(DMatrixRMaj::copy).toList();
    }

    @Override
    public DMatrixRMaj product() {
        return product.copy();
    }

    @Override
    public List<DMatrixRMaj> factors() {
        return factors.stream().map(DMatrixRMaj::copy).toList();
    }

    /** The trace table of docs/design.md §2. */
    public Table traceTable() {
        return TraceTables.toTable(trace);
    }

    /** The final product as a matrix table (docs/design.md §2). */
    public Table productTable() {
        return MatrixTables.toTable(product);
    }

    /**
     * ‖W − Φ‖_F/‖Φ‖_F at the last iteration: the trace's {@code relative_error} where it has one (completion with a
     * known target), else its {@code error_fro} over ‖{@code truth}‖_F, {@code truth} being the matrix its error
     * columns measure against (the target, or a denoising run's clean reference).
     */
    public double finalRelativeError(DMatrixRMaj truth) {
        int last = trace.size() - 1;
        double relative = trace.relativeError(last);
        return Double.isNaN(relative) ? trace.errorFro(last) / org.ejml.dense.row.NormOps_DDRM.normF(truth) : relative;
    }

    /** The final factors W₁ … W_N as the factors table (docs/design.md §2), as wide as the widest factor. */
    public Table factorsTable() {
        int columns = factors.stream().mapToInt(factor -> factor.numCols).max().orElse(0);
        return MatrixTables.factorsTable(factors, columns);
    }

    /** One line: solver, iterations, stop reason, final loss, effective rank. */
    public String summary() {
        return String.format(Locale.ROOT, "solver %s, %d iterations (%s), final loss %.6g, effective rank %.6g",
                solver.key(), iterations, switch (stopReason) {
                    case TOLERANCE -> "loss reached the tolerance";
                    case ITERATIONS -> "iteration budget";
                    case RANK -> "stopped at rank " + earlyStop.map(stop -> stop.rule().rank() + ", "
                            + stop.rule().kind() + " rule").orElse("R");
                    case INTERRUPTED -> "interrupted";
                }, finalLoss, finalEffectiveRank);
    }
}
