package org.dmflab.core.baseline;

import java.util.List;
import java.util.Optional;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.Table;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * The outcome of {@link NuclearNormSolver} (docs/theory.md §8.4).
 *
 * @param solution         W, the minimizer found (exactly of rank {@code singularValues.length})
 * @param singularValues   W's non-zero singular values, descending
 * @param nuclearNorm      ‖W‖_*, their sum
 * @param relativeResidual ‖𝒜(W) − b‖₂ / ‖b‖₂
 * @param certificate      the dual certificate Y = −ρU, zero outside the observed entries (in the range of 𝒜*)
 * @param lowerBound       ⟨Y, P(0)⟩ / max(1, ‖Y‖₂) ≤ min ‖W‖_* (weak duality)
 * @param iterations       iterations run
 * @param converged        whether the stopping rule held (else the budget was spent)
 */
public record NuclearNormResult(DMatrixRMaj solution, double[] singularValues, double nuclearNorm,
                                double relativeResidual, DMatrixRMaj certificate, double lowerBound, long iterations,
                                boolean converged) {
    /** The columns of {@link #summaryTable}. */
    public static final List<Column> SUMMARY = List.of(Column.of("nuclear_norm", ColumnType.DOUBLE),
            Column.of("lower_bound", ColumnType.DOUBLE), Column.of("gap", ColumnType.DOUBLE),
            Column.of("relative_residual", ColumnType.DOUBLE), Column.of("rank", ColumnType.INTEGER),
            Column.nullable("relative_error", ColumnType.DOUBLE), Column.of("iterations", ColumnType.LONG),
            Column.of("outcome", ColumnType.STRING));

    public NuclearNormResult {
        solution = solution.copy();
        singularValues = singularValues.clone();
        certificate = certificate.copy();
    }

    @Override
    public DMatrixRMaj solution() {
        return solution.copy();
    }

    @Override
    public double[] singularValues() {
        return singularValues.clone();
    }

    @Override
    public DMatrixRMaj certificate() {
        return certificate.copy();
    }

    /** (‖W‖_* − lower bound) / ‖W‖_*: how far above the minimum ‖W‖_* can be, relatively (0 for W = 0). */
    public double gap() {
        return nuclearNorm == 0 ? 0 : (nuclearNorm - lowerBound) / nuclearNorm;
    }

    /** The rank of W. */
    public int rank() {
        return singularValues.length;
    }

    /** ‖W − Φ‖_F / ‖Φ‖_F against the full truth Φ. */
    public double relativeError(DMatrixRMaj truth) {
        DMatrixRMaj difference = new DMatrixRMaj(truth.numRows, truth.numCols);
        CommonOps_DDRM.subtract(solution, truth, difference);
        return NormOps_DDRM.normF(difference) / NormOps_DDRM.normF(truth);
    }

    /** What stopped the solver: "converged" or "iteration budget spent". */
    public String outcome() {
        return converged ? "converged" : "iteration budget spent";
    }

    /** One row: nuclear norm, lower bound, gap, residual, rank, relative error (if {@code truth} is known), … */
    public Table summaryTable(Optional<DMatrixRMaj> truth) {
        return Table.builder(SUMMARY).addRow(nuclearNorm, lowerBound, gap(), relativeResidual, rank(),
                truth.map(this::relativeError).orElse(null), iterations, outcome()).build();
    }
}
