package org.dmflab.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.model.TracePoint;
import org.dmflab.core.Progress;
import org.dmflab.core.RunCanceledException;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.Table;
import org.dmflab.core.theory.ScalarRecursion;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.Trace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.dmflab.core.model.RankMeasures;
import org.dmflab.core.model.Plateau;

class SpectrumTrackerTest {
    /** theory.md §8.2 / §9 (c): the certified intervals (63′) of Theorem 3.5′ for ε = 0.01, δ = 0.005, r = 1 … 5. */
    private static final long[][] CERTIFIED = {{717, 1177}, {1365, 2354}, {2697, 4712}, {5424, 9437}, {11011, 18925}};
    /** theory.md §9 (c): the (64′) bounds on those intervals, as printed (4 decimals). */
    private static final double[] BOUNDS = {0.0351, 0.0352, 0.0327, 0.0289, 0.0246};

    private static Trace figure3;
    private static TrackResult figure3Result;

    @BeforeAll
    static void runFigure3() {
        figure3 = ScalarTraces.figure3(25_000, 1);
        figure3Result = SpectrumTracker.track(input(figure3, ScalarTraces.FIGURE_3_SPECTRUM, Optional.empty()),
                new TrackConfig(0.01, 0.05, true), Progress.NONE);
    }

    private static TrackInput input(Trace trace, double[] eigenvalues, Optional<List<Plateau>> predicted) {
        return new TrackInput(trace, "trace", Optional.of(new Spectrum(eigenvalues, SpectrumKind.EIGENVALUE)),
                "target", predicted, "predicted");
    }

    @Test
    void certifiedIntervalsLieInsideTheObservedPlateausForTheirBounds() {
        long[] iterations = figure3.iterations();
        double[] effectiveRank = figure3Result.effectiveRank();
        // numpy (offline), the same recursion and the same rule (longest run with |r_eff − level| ≤ bound, bounds as
        // printed above): r=1 [536,1216], r=2 [1255,2432], r=3 [2498,4869], r=4 [4965,9772], r=5 [9833,19782]
        // (theory.md §9 prints the same windows for the unrounded bounds, [9834,19781] for r=5). The run ends may move
        // by one iteration where |r_eff − level| crosses the bound within rounding of x³ (numpy pow vs x·x·x).
        long[][] numpyWindows = {{536, 1216}, {1255, 2432}, {2498, 4869}, {4965, 9772}, {9833, 19782}};
        for (int r = 1; r <= 5; r++) {
            double level = RankMeasures.plateauLevel(ScalarTraces.FIGURE_3_SPECTRUM, r);
            PlateauRun run = PlateauDetector.longestRun(iterations, effectiveRank, level, BOUNDS[r - 1]).orElseThrow();
            assertThat(run.contains(CERTIFIED[r - 1][0], CERTIFIED[r - 1][1]))
                    .as("r=%d: certified %s inside observed %s", r, List.of(CERTIFIED[r - 1][0], CERTIFIED[r - 1][1]), run)
                    .isTrue();
            assertThat(run.start()).as("r=%d start", r).isCloseTo(numpyWindows[r - 1][0], within(1L));
            assertThat(run.end()).as("r=%d end", r).isCloseTo(numpyWindows[r - 1][1], within(1L));
        }
    }

    @Test
    void levelsAreTheRankTruncationsOfTheTarget() {
        // r_eff(Φ_r) = Σ_{i≤r} λᵢ/8 for Λ = (8,4,2,1,0.5,0.25): 1, 1.5, 1.75, 1.875, 1.9375, 1.96875 (exact in binary).
        double[] expected = {1, 1.5, 1.75, 1.875, 1.9375, 1.96875};
        assertThat(figure3Result.plateaus()).hasSize(6);
        for (int r = 1; r <= 6; r++) {
            assertThat(figure3Result.plateaus().get(r - 1).level()).isEqualTo(expected[r - 1]);
        }
    }

    @Test
    void hittingIterationsEqualTheExactRecursionWhenEveryStepIsRecorded() {
        // numpy (offline): first k with |x(k)³ − λ| ≤ 0.01·λ under (18): 633, 1265, 2533, 5080, 10198, 20495.
        long[] numpy = {633, 1265, 2533, 5080, 10198, 20495};
        for (int i = 0; i < 6; i++) {
            Hitting hitting = figure3Result.hittings().get(i);
            assertThat(hitting.limit()).isEqualTo(ScalarTraces.FIGURE_3_SPECTRUM[i]);
            assertThat(hitting.kHit()).hasValue(exactFirstHit(ScalarTraces.FIGURE_3_SPECTRUM[i], 0.01));
            assertThat(hitting.kHit()).hasValue(numpy[i]);
        }
    }

    @Test
    void hittingIterationIsTheFirstRecordedPointAtOrAfterTheExactOne() {
        // Lemma 2.2: |x(k)^N − λ| decreases monotonically, so once within ε it stays; recording every 10th iteration
        // therefore reports the first multiple of 10 at or after the exact hitting iteration.
        Trace sparse = ScalarTraces.figure3(25_000, 10);
        TrackResult result = SpectrumTracker.track(input(sparse, ScalarTraces.FIGURE_3_SPECTRUM, Optional.empty()),
                TrackConfig.defaults(), Progress.NONE);
        for (int i = 0; i < 6; i++) {
            long exact = exactFirstHit(ScalarTraces.FIGURE_3_SPECTRUM[i], 0.01);
            assertThat(result.hittings().get(i).kHit()).hasValue((exact + 9) / 10 * 10);
        }
    }

    @Test
    void unreachedAccuracyLeavesKHitEmpty() {
        Trace shortRun = ScalarTraces.figure3(3_000, 1);
        TrackResult result = SpectrumTracker.track(input(shortRun, ScalarTraces.FIGURE_3_SPECTRUM, Optional.empty()),
                TrackConfig.defaults(), Progress.NONE);
        assertThat(result.hittings().get(2).kHit()).hasValue(2533);
        assertThat(result.hittings().get(3).kHit()).isEmpty();
        Table hitting = result.hittingTable();
        assertThat(hitting.columnNames()).containsExactly("index", "lambda", "limit", "k_hit", "outcome");
        assertThat(hitting.cell(3, 3)).isNull();
        assertThat(hitting.cell(2, 3)).isEqualTo(2533L);
    }

    @Test
    void effectiveRankOfTheFigure3RunIsMonotoneAfterItsFirstMinimum() {
        // numpy (offline): the minimum of r_eff is at k = 633 (1.0000146); r_eff decreases strictly before and never
        // decreases after (smallest step after it: +6.7e-16).
        assertThat(figure3Result.effectiveRankMonotone()).isTrue();
        assertThat(figure3Result.monotonicity().firstMinimumIteration()).isEqualTo(633);
        assertThat(figure3Result.monotonicity().firstMinimum()).isCloseTo(1.0000146, within(1e-7));
    }

    @Test
    void aDipAfterTheFirstMinimumIsNotMonotone() {
        // r_eff: 3 → 2 → 1 (first minimum at k=2) → 1.5 → 1.2 (drop of 0.3 at k=4) → 2.
        long[] iterations = {0, 1, 2, 3, 4, 5};
        Monotonicity dip = Monotonicity.of(iterations, new double[]{3, 2, 1, 1.5, 1.2, 2});
        assertThat(dip.monotone()).isFalse();
        assertThat(dip.firstMinimumIteration()).isEqualTo(2);
        assertThat(dip.firstViolation()).hasValue(4);
        // a later dip below the first minimum must not be mistaken for the first minimum
        Monotonicity deeper = Monotonicity.of(iterations, new double[]{3, 1.2, 1.5, 1.7, 0.9, 1});
        assertThat(deeper.monotone()).isFalse();
        assertThat(deeper.firstMinimumIteration()).isEqualTo(1);
        // first minimum 1.1 at k=9, a rise to 1.5 at k=10, then a slow drift down by 1e-10 (1e-7 in total, like a
        // float run on Φ = I) or 1e-6 per step (each far below τ = 1e-9 … the reader's 1e-4, 9.9e-4 in total): both
        // measured against the running maximum; only the second is a drop a reader sees
        for (double step : new double[]{1e-10, 1e-6}) {
            double[] drift = new double[1000];
            long[] many = new long[1000];
            for (int k = 0; k < 1000; k++) {
                many[k] = k;
                drift[k] = k < 10 ? 2 - 0.1 * k : 1.5 - step * (k - 10);
            }
            Monotonicity result = Monotonicity.of(many, drift);
            assertThat(result.largestDrop()).isCloseTo(989 * step, within(1e-12));
            assertThat(result.largestDropIteration()).hasValue(999);
            assertThat(result.monotone()).isEqualTo(step < 1e-7);
        }
        assertThat(Monotonicity.of(iterations, new double[]{3, 2, 1, 1, 1.5, 1.5}).monotone()).isTrue();
    }

    @Test
    void aConstructedNonMonotoneTraceIsFlaggedByTheTracker() {
        double[] lambda = {1, 0.5};
        double[][] products = {{1, 1}, {1, 0.1}, {1, 0.4}, {1, 0.2}, {1, 0.5}};
        Trace.Builder builder = Trace.builder(2, 2);
        for (int k = 0; k < products.length; k++) {
            ScalarTraces.add(builder, k * 100, k, lambda, products[k]);
        }
        TrackResult result = SpectrumTracker.track(input(builder.build(), lambda, Optional.empty()),
                TrackConfig.defaults(), Progress.NONE);
        assertThat(result.effectiveRankMonotone()).isFalse();
        assertThat(result.monotonicity().firstViolation()).hasValue(300);
    }

    @Test
    void plateauDetectionFindsTheLongestRunOfAPiecewiseTrace() {
        // Target (1, 0.5, 0.25): levels 1, 1.5, 1.75. The product's spectrum is set piecewise so that r_eff is exactly
        // 1 on [5,14], 1.5 on [20,39] and at 50, 1.75 on [45,49] and [51,59]; elsewhere far from every level.
        double[] lambda = {1, 0.5, 0.25};
        Trace.Builder builder = Trace.builder(3, 3);
        for (int k = 0; k < 60; k++) {
            double[] product;
            if (k < 5) {
                product = new double[]{1, 1, 1};
            } else if (k < 15) {
                product = new double[]{1, 0, 0};
            } else if (k < 20) {
                product = new double[]{1, 0.25, 0};
            } else if (k < 40) {
                product = new double[]{1, 0.5, 0};
            } else if (k < 45) {
                product = new double[]{1, 0.5, 0.125};
            } else if (k == 50) {
                product = new double[]{1, 0.5, 0};
            } else {
                product = new double[]{1, 0.5, 0.25};
            }
            ScalarTraces.add(builder, k, k, lambda, product);
        }
        TrackResult result = SpectrumTracker.track(input(builder.build(), lambda, Optional.empty()),
                new TrackConfig(0.01, 0.01, true), Progress.NONE);
        assertThat(result.plateaus()).extracting(p -> p.observed().orElseThrow())
                .containsExactly(new PlateauRun(5, 14, 10), new PlateauRun(20, 39, 20), new PlateauRun(51, 59, 9));
        // without predicted plateaus the predicted interval and bound would be empty in every row: no such columns
        Table table = result.plateausTable();
        assertThat(table.columnNames()).containsExactly("r", "level", "observed_start", "observed_end", "recording",
                "stop_observed");
        assertThat(table.columns()).isEqualTo(Schemas.plateausObserved(false));
        assertThat(table.cell(2, 2)).isEqualTo(51L);
        assertThat(table.cell(2, 3)).isEqualTo(59L);
        assertThat(table.cell(0, 4)).isEqualTo("no prediction");
    }

    @Test
    void tiesGoToTheEarliestRunAndAnUnvisitedLevelIsEmpty() {
        long[] k = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        double[] r = {2, 1, 1, 1, 2, 1, 1, 1, 2};
        assertThat(PlateauDetector.longestRun(k, r, 1, 0.1)).contains(new PlateauRun(1, 3, 3));
        assertThat(PlateauDetector.longestRun(k, r, 1.5, 0.1)).isEmpty();
        // a quick crossing is not a plateau: two points, or three spanning less than 2 % of the log-iteration axis
        assertThat(PlateauDetector.longestRun(new long[]{0, 1, 2, 3}, new double[]{2, 1, 1, 2}, 1, 0.1)).isEmpty();
        long[] late = {0, 100, 101, 102, 10_000};
        assertThat(PlateauDetector.longestRun(late, new double[]{2, 1, 1, 1, 2}, 1, 0.1)).isEmpty();
        // … unless the recording ends on it
        assertThat(PlateauDetector.longestRun(new long[]{0, 9_998, 9_999, 10_000}, new double[]{2, 1, 1, 1}, 1, 0.1))
                .contains(new PlateauRun(9_998, 10_000, 3));
        assertThat(PlateauDetector.longestRun(new long[]{0, 10, 1000}, new double[]{1, 1, 1}, 1, 0.1))
                .contains(new PlateauRun(0, 1000, 3));
    }

    @Test
    void flowClosedFormN2PlateausContainTheIntervalsOfTheorem31() {
        // theory.md §7.2 (60′) for Fig. 6: Λ = (8, 2, 0.5, 0.125, 0.03, 0.01), α = 1e-4, sampled at t = k·h, h = 0.01.
        // §9 (c) lists I₁ ∩ I₂ (59′) and the (61′) bounds: on each interval the deviation from r_eff(Φ_r) is at most
        // the bound, so the longest run within the bound must contain it (the path is monotone after its minimum, so
        // the points within the band form one run after the initial drop).
        double[] lambda = {8, 2, 0.5, 0.125, 0.03, 0.01};
        double h = 0.01;
        Trace flow = ScalarTraces.flowN2(lambda, 1e-4, h, 30_000);
        double[][] intervals = {{1.568, 3.571}, {5.927, 14.308}, {22.323, 57.644}, {83.745, 250.437}};
        double[] bounds = {0.0201, 0.0206, 0.0193, 0.0174};
        double[] effectiveRank = RankConsistency.check(flow, "flow").effectiveRank();
        for (int r = 1; r <= 4; r++) {
            double level = RankMeasures.plateauLevel(lambda, r);
            PlateauRun run = PlateauDetector.longestRun(flow.iterations(), effectiveRank, level, bounds[r - 1])
                    .orElseThrow();
            long from = (long) Math.ceil(intervals[r - 1][0] / h);
            long to = (long) Math.floor(intervals[r - 1][1] / h);
            assertThat(run.contains(from, to)).as("r=%d: [%d,%d] inside %s", r, from, to, run).isTrue();
        }
        assertThat(Monotonicity.of(flow.iterations(), effectiveRank).monotone()).isTrue();
    }

    @Test
    void predictedIntervalsAndBoundsAreCarriedIntoThePlateausTable() {
        List<Plateau> rows = new ArrayList<>();
        for (int r = 1; r <= 6; r++) {
            rows.add(new Plateau(r, RankMeasures.plateauLevel(ScalarTraces.FIGURE_3_SPECTRUM, r),
                    r <= 5 ? OptionalLong.of(CERTIFIED[r - 1][0]) : OptionalLong.of(22502),
                    r <= 5 ? OptionalLong.of(CERTIFIED[r - 1][1]) : OptionalLong.empty(),
                    OptionalDouble.of(r <= 5 ? BOUNDS[r - 1] : 0.0199)));
        }
        TrackResult result = SpectrumTracker.track(
                input(figure3, ScalarTraces.FIGURE_3_SPECTRUM, Optional.of(rows)),
                new TrackConfig(0.01, 0.0351, true), Progress.NONE);
        Table table = result.plateausTable();
        assertThat(table.rowCount()).isEqualTo(6);
        assertThat(table.cell(0, 2)).isEqualTo(717L);
        assertThat(table.cell(0, 3)).isEqualTo(1177L);
        assertThat(table.cell(0, 4)).isEqualTo(0.0351);
        assertThat(table.cell(5, 3)).isNull();
        // tolerance 0.0351 = the r=1 bound: the observed r=1 run is the numpy window [536, 1216]
        assertThat(table.cell(0, 5)).isEqualTo(536L);
        assertThat(table.cell(0, 6)).isEqualTo(1216L);
    }

    @Test
    void negativeEigenvalueIsJudgedAgainstTheLimitItApproaches() {
        // Identical start: λ = −1 is never recovered, the product's value goes to λ₊ = 0 (theory.md §3).
        double[] lambda = {2, -1};
        Trace identity = ScalarTraces.identicalStart(lambda, 3, 0.5, 0.05, 2000, 1);
        TrackResult result = SpectrumTracker.track(input(identity, lambda, Optional.empty()), TrackConfig.defaults(),
                Progress.NONE);
        // never recovered: no k_hit (its value is near 0 from the start, which is not learning −1), and the table says so
        Hitting lost = result.hittings().get(1);
        assertThat(lost.limit()).isZero();
        assertThat(lost.kHit()).isEmpty();
        assertThat(lost.outcome()).isEqualTo(Hitting.Outcome.NOT_RECOVERED);
        assertThat(result.hittingTable().cell(1, 4)).isEqualTo("never recovered: limit 0 (λ < 0 under an identical start)");
        assertThat(result.hittings().get(0).outcome()).isEqualTo(Hitting.Outcome.LEARNED);
        // the levels cover the positive part only: one level for (2, −1)
        assertThat(result.plateaus()).hasSize(1);

        // A perturbed start is judged against λ = −1.
        Trace.Builder builder = Trace.builder(2, 2).init(Initialization.PERTURBED);
        double[][] products = {{0.1, 0.1}, {1, -0.5}, {1.9, -0.95}, {2, -0.995}};
        for (int p = 0; p < products.length; p++) {
            ScalarTraces.add(builder, p, p, lambda, products[p]);
        }
        TrackResult perturbed = SpectrumTracker.track(input(builder.build(), lambda, Optional.empty()),
                TrackConfig.defaults(), Progress.NONE);
        assertThat(perturbed.hittings().get(1).limit()).isEqualTo(-1);
        assertThat(perturbed.hittings().get(1).kHit()).hasValue(3);
        assertThat(HittingTimes.limit(-1, -0.4)).isZero();
        assertThat(HittingTimes.limit(-1, -0.6)).isEqualTo(-1);
    }

    @Test
    void singularValueTargetsAreTrackedOnTheSigmaColumns() {
        Trace.Builder builder = Trace.builder(0, 2);
        double[][] sigmas = {{0.01, 0.01}, {2.5, 0.5}, {2.99, 0.9}, {3, 0.995}};
        for (int p = 0; p < sigmas.length; p++) {
            builder.add(p * 10, TracePoint.of(new double[0], sigmas[p]).with(TraceMetric.TIME, p).with(TraceMetric.LOSS, 0).with(TraceMetric.ERROR_FRO, 0).with(TraceMetric.ERROR_OP, 0).with(TraceMetric.EFFECTIVE_RANK, RankMeasures.effectiveRank(sigmas[p])).with(TraceMetric.STABLE_RANK, RankMeasures.stableRank(sigmas[p])));
        }
        TrackResult result = SpectrumTracker.track(new TrackInput(builder.build(), "trace",
                Optional.of(new Spectrum(new double[]{3, 1}, SpectrumKind.SINGULAR_VALUE)), "target", Optional.empty(),
                "predicted"), TrackConfig.defaults(), Progress.NONE);
        assertThat(result.hittings()).extracting(h -> h.kHit().orElseThrow()).containsExactly(20L, 30L);
        assertThat(result.plateaus()).extracting(ObservedPlateau::level).containsExactly(1.0, 4.0 / 3);
    }

    @Test
    void withoutTargetTheLevelsComeFromThePrediction() {
        List<Plateau> predicted = List.of(
                new Plateau(1, 1, OptionalLong.of(717), OptionalLong.of(1177), OptionalDouble.of(0.0351)),
                new Plateau(2, 1.5, OptionalLong.empty(), OptionalLong.empty(), OptionalDouble.empty()));
        TrackResult result = SpectrumTracker.track(new TrackInput(figure3, "trace", Optional.empty(), "target",
                Optional.of(predicted), "predicted"), new TrackConfig(0.01, 0.0351, true), Progress.NONE);
        assertThat(result.hittings()).isEmpty();
        assertThat(result.plateaus()).hasSize(2);
        assertThat(result.plateaus().get(0).observed()).contains(new PlateauRun(536, 1216, 681));
        assertThat(result.plateaus().get(1).observed().orElseThrow().contains(1365, 2354)).isTrue();
        assertThat(result.hittingTable().rowCount()).isZero();
        assertThat(result.summary()).contains("monotone after its first minimum (iteration 633");
    }

    @Test
    void aCancelStopsTheTracker() {
        Progress cancelled = new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public void checkCanceled() {
                throw new RunCanceledException();
            }
        };
        assertThatThrownBy(() -> SpectrumTracker.track(input(figure3, ScalarTraces.FIGURE_3_SPECTRUM, Optional.empty()),
                TrackConfig.defaults(), cancelled)).isInstanceOf(RunCanceledException.class);
    }

    @Test
    void progressReachesOneAndOnlyMovesForward() {
        List<Double> fractions = new ArrayList<>();
        SpectrumTracker.track(input(figure3, ScalarTraces.FIGURE_3_SPECTRUM, Optional.empty()), TrackConfig.defaults(),
                new Progress() {
                    @Override
                    public void report(double fraction, String message) {
                        fractions.add(fraction);
                    }

                    @Override
                    public void checkCanceled() {
                    }
                });
        assertThat(fractions).isSorted().last().isEqualTo(1.0);
    }

    private static long exactFirstHit(double lambda, double epsilon) {
        double x = ScalarTraces.FIGURE_3_ALPHA;
        long k = 0;
        while (Math.abs(ScalarRecursion.power(x, 3) - lambda) > epsilon * lambda) {
            x = ScalarRecursion.identicalStep(x, lambda, ScalarTraces.FIGURE_3_ETA, 3);
            k++;
        }
        return k;
    }
}
