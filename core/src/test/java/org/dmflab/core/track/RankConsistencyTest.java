package org.dmflab.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.model.TracePoint;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.linalg.Spectra;
import org.dmflab.core.model.Trace;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class RankConsistencyTest {

    private static Trace oneRowPerSigmaVector(double recordedEffective, double recordedStable, double[]... sigmas) {
        Trace.Builder builder = Trace.builder(0, sigmas[0].length);
        for (int k = 0; k < sigmas.length; k++) {
            builder.add(k, TracePoint.of(new double[0], sigmas[k]).with(TraceMetric.TIME, k).with(TraceMetric.LOSS, 0).with(TraceMetric.ERROR_FRO, 0).with(TraceMetric.ERROR_OP, 0).with(TraceMetric.EFFECTIVE_RANK, recordedEffective).with(TraceMetric.STABLE_RANK, recordedStable));
        }
        return builder.build();
    }

    @Test
    void recomputesClosedFormRanks() {
        // Σσ/σ₁ and Σσ²/σ₁² by hand: (3,3,3) → 3 and 3; (1,0,0) → 1 and 1; (4,2,1,1) → 8/4 = 2 and 22/16 = 1.375.
        double[][] cases = {{3, 3, 3}, {1, 0, 0}, {4, 2, 1, 1}};
        double[][] expected = {{3, 3}, {1, 1}, {2, 1.375}};
        for (int c = 0; c < cases.length; c++) {
            Trace trace = oneRowPerSigmaVector(expected[c][0], expected[c][1], cases[c]);
            RankConsistency.Trajectories ranks = RankConsistency.check(trace, "trace");
            assertThat(ranks.effectiveRank()[0]).isEqualTo(expected[c][0]);
            assertThat(ranks.stableRank()[0]).isEqualTo(expected[c][1]);
        }
    }

    @Test
    void matchesNumpyNuclearOverSpectralNorm() {
        // numpy (offline): A = [[1,2,0],[0,-1,3],[2,0.5,1],[1,1,1]];
        //   np.linalg.norm(A,'nuc')/np.linalg.norm(A,2)        = 2.179544443185615
        //   np.linalg.norm(A,'fro')**2/np.linalg.norm(A,2)**2  = 1.8697712711955228
        // (singular values 3.5262836, 3.12013325, 1.03927497). Two independent SVDs agree to ~1e-15 relative;
        // 1e-12 leaves room for LAPACK vs EJML rounding.
        DMatrixRMaj a = new DMatrixRMaj(new double[][]{{1, 2, 0}, {0, -1, 3}, {2, 0.5, 1}, {1, 1, 1}});
        double[] sigma = Spectra.singularValues(a);
        Trace trace = oneRowPerSigmaVector(2.179544443185615, 1.8697712711955228, sigma);
        RankConsistency.Trajectories ranks = RankConsistency.check(trace, "trace");
        assertThat(ranks.effectiveRank()[0]).isCloseTo(2.179544443185615, within(1e-12));
        assertThat(ranks.stableRank()[0]).isCloseTo(1.8697712711955228, within(1e-12));
    }

    @Test
    void figure3RunMatchesNumpyEffectiveRanks() {
        // numpy (offline), the same recursion (18) in float64 for Λ=diag(8,4,2,1,0.5,0.25), N=3, α=0.02, η=0.01, with
        // r_eff = np.linalg.norm(diag(x**3),'nuc')/np.linalg.norm(diag(x**3),2) and the stable rank likewise:
        long[] k = {0, 1, 100, 500, 1000, 2000, 5000, 20000};
        double[] effective = {6.0, 5.98070689273914, 4.276391890063727, 1.0846881024230268, 1.000131700951042,
                1.500131667506784, 1.8626961501743677, 1.9658591346345675};
        double[] stable = {6.0, 5.961491552038553, 3.1638684473138916, 1.002042201781377, 1.0000000150556059,
                1.2500000153326984, 1.325198086105554, 1.3328354905172208};
        Trace trace = ScalarTraces.figure3(20000, 1);
        RankConsistency.Trajectories ranks = RankConsistency.check(trace, "trace");
        // numpy's x**3 (pow) and Java's x·x·x may differ by an ulp per step; over 20000 contracting steps this stays
        // far below 1e-10 (observed ~1e-14).
        for (int j = 0; j < k.length; j++) {
            assertThat(ranks.effectiveRank()[(int) k[j]]).as("r_eff at k=%d", k[j]).isCloseTo(effective[j], within(1e-10));
            assertThat(ranks.stableRank()[(int) k[j]]).as("stable rank at k=%d", k[j]).isCloseTo(stable[j], within(1e-10));
        }
    }

    @Test
    void inconsistentEffectiveRankColumnIsRejectedWithIterationAndColumn() {
        Trace.Builder builder = Trace.builder(0, 2);
        builder.add(0, TracePoint.of(new double[0], new double[]{2, 1}).with(TraceMetric.TIME, 0).with(TraceMetric.LOSS, 0).with(TraceMetric.ERROR_FRO, 0).with(TraceMetric.ERROR_OP, 0).with(TraceMetric.EFFECTIVE_RANK, 1.5).with(TraceMetric.STABLE_RANK, 1.25));
        builder.add(7, TracePoint.of(new double[0], new double[]{2, 1}).with(TraceMetric.TIME, 0).with(TraceMetric.LOSS, 0).with(TraceMetric.ERROR_FRO, 0).with(TraceMetric.ERROR_OP, 0).with(TraceMetric.EFFECTIVE_RANK, 1.5 + 1e-6).with(TraceMetric.STABLE_RANK, 1.25));
        assertThatThrownBy(() -> RankConsistency.check(builder.build(), "run/trace.csv"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("run/trace.csv, iteration 7, column 'effective_rank'")
                .hasMessageContaining("inconsistent");
    }

    @Test
    void inconsistentStableRankColumnIsRejected() {
        Trace.Builder builder = Trace.builder(0, 2);
        builder.add(3, TracePoint.of(new double[0], new double[]{2, 1}).with(TraceMetric.TIME, 0).with(TraceMetric.LOSS, 0).with(TraceMetric.ERROR_FRO, 0).with(TraceMetric.ERROR_OP, 0).with(TraceMetric.EFFECTIVE_RANK, 1.5).with(TraceMetric.STABLE_RANK, 1.3));
        assertThatThrownBy(() -> RankConsistency.check(builder.build(), "trace"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("iteration 3, column 'stable_rank'");
    }

    @Test
    void roundingSizedDifferencesAreAccepted() {
        Trace.Builder builder = Trace.builder(0, 2);
        builder.add(0, TracePoint.of(new double[0], new double[]{2, 1}).with(TraceMetric.TIME, 0).with(TraceMetric.LOSS, 0).with(TraceMetric.ERROR_FRO, 0).with(TraceMetric.ERROR_OP, 0).with(TraceMetric.EFFECTIVE_RANK, 1.5 * (1 + 1e-12)).with(TraceMetric.STABLE_RANK, 1.25));
        assertThat(RankConsistency.check(builder.build(), "trace").effectiveRank()[0]).isEqualTo(1.5);
    }
}
