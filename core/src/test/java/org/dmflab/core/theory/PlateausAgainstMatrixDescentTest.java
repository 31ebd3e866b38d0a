package org.dmflab.core.theory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dmflab.core.linalg.SpectralProduct;
import org.dmflab.core.Progress;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.table.Table;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.core.train.Trainer;
import org.dmflab.core.train.TrainingResult;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.Plateau;

/**
 * Theorem 3.5′ against real matrix gradient descent (the trainer's {@code solver=matrix}, all six 6×6 factors): on every
 * certified interval (63′) the recorded effective rank of W(k) stays within (64′). Φ = VΛVᵀ with Λ of theory.md §8.2
 * (Fig. 3) and a fixed non-trivial orthogonal V (a Householder reflection), so the factors are full matrices, not
 * diagonal ones. All eigenvalues are positive, so matrix descent stays on the decoupled manifold (theory.md §2.3).
 */
class PlateausAgainstMatrixDescentTest {

    @Test
    void matrixDescentEffectiveRankStaysWithinTheCertifiedBound() {
        double[] lambdas = {8, 4, 2, 1, 0.5, 0.25};
        DMatrixRMaj target = symmetricTarget(lambdas);
        int iterations = 12_000;
        TrainingResult run = Trainer.plan(TrainSettings.parse(RawSettings.of(Map.of("depth", "3", "step", "0.01",
                "init", "identity", "alpha", "0.02", "iterations", Integer.toString(iterations),
                "record", "every:1", "solver", "matrix"))), target, Optional.empty()).run(Progress.NONE);
        Table trace = run.traceTable();
        int iterationColumn = trace.indexOf("iteration");
        int rankColumn = trace.indexOf("effective_rank");
        List<Plateau> plateaus = PlateauBounds.predict(lambdas, 3, 0.02, 0.01, Initialization.IDENTITY,
                PlateauBounds.Accuracies.fixed(0.01, 0.005)).stream().map(PlateauCertificate::plateau).toList();
        int checked = 0;
        for (int row = 0; row < trace.rowCount(); row++) {
            long k = ((Number) trace.cell(row, iterationColumn)).longValue();
            double effectiveRank = trace.doubleAt(row, rankColumn);
            for (Plateau plateau : plateaus) {
                if (plateau.certified() && k >= plateau.start().getAsLong()
                        && (plateau.end().isEmpty() || k <= plateau.end().getAsLong())) {
                    assertThat(Math.abs(effectiveRank - plateau.level())).as("r=%d k=%d", plateau.r(), k)
                            .isLessThanOrEqualTo(plateau.bound().getAsDouble());
                    checked++;
                }
            }
        }
        // intervals 1–4 lie inside the run, interval 5 starts at 11011: (1177−717+1) + … + (12000−11011+1) iterations
        assertThat(checked).isEqualTo(461 + 990 + 2016 + 4014 + 990);
    }

    static DMatrixRMaj symmetricTarget(double[] lambdas) {
        int n = lambdas.length;
        double[] v = {1, -2, 0.5, 3, -1, 2};
        double norm = 0;
        for (double entry : v) {
            norm += entry * entry;
        }
        DMatrixRMaj basis = CommonOps_DDRM.identity(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                basis.add(i, j, -2 * v[i] * v[j] / norm);
            }
        }
        DMatrixRMaj target = SpectralProduct.symmetric(basis, lambdas);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double mean = 0.5 * (target.get(i, j) + target.get(j, i));
                target.set(i, j, mean);
                target.set(j, i, mean);
            }
        }
        return target;
    }
}
