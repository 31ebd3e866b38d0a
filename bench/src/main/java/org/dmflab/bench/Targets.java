package org.dmflab.bench;

import java.util.Random;
import org.dmflab.core.linalg.RandomMatrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Benchmark targets: V diag(λ) Vᵀ with a seeded Haar V and λᵢ = 1/i (‖Φ‖₂ = 1), dense in every entry; for completion a
 * rank-r U Vᵀ with Gaussian factors scaled to ‖Φ‖_F = n, observed at a seeded fraction of its entries.
 */
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

    /** A rank-{@code rank} n×n matrix U Vᵀ with seeded Gaussian factors, scaled to ‖Φ‖_F = n. */
    static DMatrixRMaj lowRank(int n, int rank, long seed) {
        Random random = new Random(seed);
        DMatrixRMaj u = RandomMatrices.gaussian(n, rank, 1, random);
        DMatrixRMaj v = RandomMatrices.gaussian(n, rank, 1, random);
        DMatrixRMaj phi = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(u, v, phi);
        CommonOps_DDRM.scale(n / org.ejml.dense.row.NormOps_DDRM.normF(phi), phi);
        return phi;
    }

    /** The share of entries observed in the completion benchmarks (the same in bench/dmf_step.py). */
    static final double OBSERVED_FRACTION = 0.2;

    /** M = {@link #OBSERVED_FRACTION}·n² entries of {@code target}, uniformly without replacement (seeded). */
    static org.dmflab.core.model.Observations observed(DMatrixRMaj target, long seed) {
        int count = Math.max(1, (int) Math.round(OBSERVED_FRACTION * target.getNumElements()));
        return org.dmflab.core.model.Observations.sample(target, count, new Random(seed));
    }
}
