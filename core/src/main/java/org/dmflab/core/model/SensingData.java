package org.dmflab.core.model;

import org.ejml.data.DMatrixRMaj;

/**
 * Matrix-sensing data: measurement matrices Aᵢ (rows × cols) and observations yᵢ = ⟨Aᵢ, Φ⟩, for the sensing loss
 * ½ Σᵢ (⟨Aᵢ, W⟩ − yᵢ)². The Aᵢ are stored as the rows of one matrix (row i = Aᵢ in row-major order), so that all
 * inner products are one matrix–vector product.
 *
 * @param operators    M × (rows·cols), row i holds Aᵢ
 * @param observations y, length M
 * @param rows         rows of each Aᵢ and of the target
 * @param cols         columns of each Aᵢ and of the target
 */
public record SensingData(DMatrixRMaj operators, double[] observations, int rows, int cols) {

    public SensingData {
        operators = operators.copy();
        observations = observations.clone();
        if (operators.numCols != rows * cols || operators.numRows != observations.length) {
            throw new IllegalArgumentException("operators " + operators.numRows + "×" + operators.numCols
                    + " do not match " + observations.length + " observations of " + rows + "×" + cols + " matrices");
        }
    }

    @Override
    public DMatrixRMaj operators() {
        return operators.copy();
    }

    @Override
    public double[] observations() {
        return observations.clone();
    }

    public int count() {
        return observations.length;
    }
}
