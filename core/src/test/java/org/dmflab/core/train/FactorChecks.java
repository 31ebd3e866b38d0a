package org.dmflab.core.train;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/** Independent computations of the factor diagnostics and norms (plain EJML on the factors, no solver code). */
final class FactorChecks {
    private FactorChecks() {
    }

    /** W_{j+1}ᵀW_{j+1} − W_jW_jᵀ, j 0-based. */
    static DMatrixRMaj imbalance(List<DMatrixRMaj> factors, int j) {
        DMatrixRMaj upper = factors.get(j + 1);
        DMatrixRMaj lower = factors.get(j);
        DMatrixRMaj gram = new DMatrixRMaj(upper.numCols, upper.numCols);
        CommonOps_DDRM.multTransA(upper, upper, gram);
        DMatrixRMaj outer = new DMatrixRMaj(lower.numRows, lower.numRows);
        CommonOps_DDRM.multTransB(lower, lower, outer);
        CommonOps_DDRM.subtractEquals(gram, outer);
        return gram;
    }

    /** (Σ_j ‖W_{j+1}ᵀW_{j+1} − W_jW_jᵀ‖²_F)^{1/2}. */
    static double balancedness(List<DMatrixRMaj> factors) {
        double sum = 0;
        for (int j = 0; j + 1 < factors.size(); j++) {
            double norm = NormOps_DDRM.normF(imbalance(factors, j));
            sum += norm * norm;
        }
        return Math.sqrt(sum);
    }

    static double smallestNorm(List<DMatrixRMaj> factors) {
        return factors.stream().mapToDouble(NormOps_DDRM::normF).min().orElseThrow();
    }

    static double largestNorm(List<DMatrixRMaj> factors) {
        return factors.stream().mapToDouble(NormOps_DDRM::normF).max().orElseThrow();
    }

    /**
     * The last trace row's balancedness and smallest and largest factor norm equal those of the run's final factors,
     * to {@code relative} of ‖W_j‖ (norms) and ‖W_j‖² (balancedness).
     */
    static void assertLastRowMatchesTheFactors(TrainingResult result, double relative) {
        org.dmflab.core.model.Trace trace = result.trace();
        int last = trace.size() - 1;
        List<DMatrixRMaj> factors = result.factors();
        double scale = largestNorm(factors);
        org.assertj.core.api.Assertions.assertThat(trace.value(org.dmflab.core.model.TraceMetric.BALANCEDNESS, last))
                .isCloseTo(balancedness(factors), org.assertj.core.api.Assertions.within(relative * scale * scale));
        org.assertj.core.api.Assertions.assertThat(trace.value(org.dmflab.core.model.TraceMetric.FACTOR_NORM_MIN, last))
                .isCloseTo(smallestNorm(factors), org.assertj.core.api.Assertions.within(relative * scale));
        org.assertj.core.api.Assertions.assertThat(trace.value(org.dmflab.core.model.TraceMetric.FACTOR_NORM_MAX, last))
                .isCloseTo(scale, org.assertj.core.api.Assertions.within(relative * scale));
    }

    /** Singular values by EJML's full SVD (not the values-only routes the recording uses), descending. */
    static double[] singularValues(DMatrixRMaj w) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(w.numRows, w.numCols, true,
                true, false);
        if (!svd.decompose(w.copy())) {
            throw new IllegalStateException("SVD failed");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj s = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, true);
        SingularOps_DDRM.descendingOrder(u, false, s, v, true);
        double[] values = new double[Math.min(w.numRows, w.numCols)];
        for (int i = 0; i < values.length; i++) {
            values[i] = s.get(i, i);
        }
        return values;
    }
}
