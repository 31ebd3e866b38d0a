package org.dmflab.core.baseline;

import org.dmflab.core.InvalidInputException;
import org.dmflab.core.model.SensingData;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Matrix sensing's constraint ⟨Aᵢ, W⟩ = yᵢ, i = 1 … M (docs/theory.md §8.4). The projection
 * P(V) = V − 𝒜*((𝒜𝒜*)⁻¹(𝒜(V) − y)) solves with the Cholesky factor of the M×M Gram matrix 𝒜𝒜*, factored once;
 * linearly dependent measurements (a Gram matrix that is not positive definite) are refused.
 */
public final class LinearMeasurements implements AffineConstraint {
    private final SensingData data;
    private final DMatrixRMaj operators;
    private final DMatrixRMaj observations;
    private final LinearSolverDense<DMatrixRMaj> gram;

    /**
     * @param source how the user knows the measurements, for the message if they are linearly dependent
     */
    public LinearMeasurements(SensingData data, String source) {
        this.data = data;
        this.operators = data.operators();
        this.observations = DMatrixRMaj.wrap(data.count(), 1, data.observations());
        DMatrixRMaj product = new DMatrixRMaj(data.count(), data.count());
        CommonOps_DDRM.multTransB(operators, operators, product);
        gram = LinearSolverFactory_DDRM.chol(data.count());
        if (data.count() > data.rows() * data.cols() || !gram.setA(product)) {
            throw new InvalidInputException(source, "the " + data.count() + " measurement matrices are linearly "
                    + "dependent (at most " + data.rows() * data.cols() + " independent ones fit a " + data.rows() + "×"
                    + data.cols() + " matrix); remove repeated or redundant measurements");
        }
    }

    @Override
    public int rows() {
        return data.rows();
    }

    @Override
    public int cols() {
        return data.cols();
    }

    @Override
    public DMatrixRMaj project(DMatrixRMaj point) {
        DMatrixRMaj misfit = misfit(point);
        DMatrixRMaj multipliers = new DMatrixRMaj(data.count(), 1);
        gram.solve(misfit, multipliers);
        DMatrixRMaj correction = new DMatrixRMaj(1, data.rows() * data.cols());
        CommonOps_DDRM.multTransA(multipliers, operators, correction);
        DMatrixRMaj projected = point.copy();
        for (int k = 0; k < projected.data.length; k++) {
            projected.data[k] -= correction.data[k];
        }
        return projected;
    }

    @Override
    public double residual(DMatrixRMaj matrix) {
        return NormOps_DDRM.normF(misfit(matrix));
    }

    @Override
    public double dataNorm() {
        return NormOps_DDRM.normF(observations);
    }

    @Override
    public String description() {
        return data.count() + " linear measurements of a " + rows() + "×" + cols() + " matrix";
    }

    /** 𝒜(W) − y. */
    private DMatrixRMaj misfit(DMatrixRMaj matrix) {
        DMatrixRMaj flat = DMatrixRMaj.wrap(matrix.numRows * matrix.numCols, 1, matrix.data);
        DMatrixRMaj misfit = new DMatrixRMaj(data.count(), 1);
        CommonOps_DDRM.mult(operators, flat, misfit);
        CommonOps_DDRM.subtractEquals(misfit, observations);
        return misfit;
    }
}
