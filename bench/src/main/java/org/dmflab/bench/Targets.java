package org.dmflab.bench;

import java.util.Random;
import org.dmflab.core.linalg.RandomMatrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Benchmark targets: V diag(λ) Vᵀ with a seeded Haar V and λᵢ = 1/i (‖Φ‖₂ = 1), dense in every entry. */
final class Targets {
    private Targets() {
    }

    static DMatrixRMaj symmetric(int n, long seed) {
        DMatrixRMaj v = RandomMatrices.haarOrthogonal(n, new Random(seed));
        DMatrixRMaj scaled = v.copy();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                scaled.unsafe_set(r, c, scaled.unsafe_get(r, c) / (c + 1));
            }
        }
        DMatrixRMaj phi = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(scaled, v, phi);
        return phi;
    }
}
