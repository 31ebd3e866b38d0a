package org.dmflab.core.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.dmflab.core.Progress;
import org.dmflab.core.RandomCases;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.Plateau;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.table.Table;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.core.train.Trainer;
import org.dmflab.core.CasesRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Theorem 3.5″ (docs/theory.md §7.3): for an identical start on an indefinite Φ the plateaus are those of Φ₊, at
 * ℓ_r = Σ_{i≤r} λᵢ/λ₁ over the positive eigenvalues. The truth here is computed independently of the predictor: the
 * exact scalar recursion (18), written out with {@link Math#pow}, gives W(k) = V diag(x_i(k)^N) Vᵀ (Lemma 2.1), so
 * r_eff(W(k)) = Σ x_i^N / max x_i^N over all n modes, the negative ones included; and once against the trainer's matrix
 * gradient descent on full 6×6 factors.
 */
@ExtendWith(CasesRun.Counter.class)
class IndefinitePlateausTest {

    private static final PlateauBounds.Accuracies ACCURACIES = PlateauBounds.Accuracies.fixed(0.01, 0.005);

    /** The example: levels 1, 1.5, 1.7667 of Φ₊ (not 1, 1.6667, … of the best rank-r approximations of Φ). */
    @Test
    void levelsOfAnIndefiniteTargetAreThoseOfItsPositivePart() {
        double[] lambdas = {3, 1.5, 0.8, -2};
        List<PlateauCertificate> plateaus = PlateauBounds.predict(lambdas, 3, 0.01, 0.02, Initialization.IDENTITY,
                ACCURACIES);
        assertThat(plateaus).extracting(c -> c.plateau().level())
                .containsExactly(1.0, 1.5, (3 + 1.5 + 0.8) / 3);
        assertThat(plateaus.get(0).certified()).isTrue();
        assertThat(plateaus.get(0).reason()).contains("Theorem 3.5″");
        // the perturbed start can recover −2: levels of |λ| = 3, 2, 1.5, 0.8, observed only
        List<PlateauCertificate> perturbed = PlateauBounds.predict(lambdas, 3, 0.01, 0.02, Initialization.PERTURBED,
                ACCURACIES);
        assertThat(perturbed).extracting(c -> c.plateau().level())
                .containsExactly(1.0, 5.0 / 3, 6.5 / 3, 7.3 / 3);
        assertThat(perturbed).noneMatch(PlateauCertificate::certified);
        assertWithinBound(lambdas, 3, 0.01, 0.02, plateaus.stream().map(PlateauCertificate::plateau).toList(), 20_000);
    }

    /**
     * Sweep: p = 1…4 positive eigenvalues (geometric, with gaps), 1…3 negative ones anywhere in [−3λ₁, 0), sometimes an
     * exact zero, N ∈ {2, 3, 4}, η up to the smaller of Theorem 3.5′'s condition and (20′) for λₙ, (ε, δ) fixed or from τ.
     * Every certified interval keeps |r_eff(W(k)) − ℓ_r| within (64″), and there are exactly p levels.
     */
    static Stream<Arguments> indefiniteCases() {
        return RandomCases.of(3_505, 60, random -> {
            int positive = RandomCases.integer(random, 1, 4);
            int negative = RandomCases.integer(random, 1, 3);
            boolean zero = random.nextInt(4) == 0;
            double top = RandomCases.logUniform(random, 0.5, 10);
            double ratio = RandomCases.uniform(random, 0.15, 0.5);
            double[] lambdas = new double[positive + negative + (zero ? 1 : 0)];
            for (int i = 0; i < positive; i++) {
                lambdas[i] = top * Math.pow(ratio, i);
            }
            for (int i = 0; i < negative; i++) {
                lambdas[positive + (zero ? 1 : 0) + i] = -RandomCases.uniform(random, 0.01, 3) * top;
            }
            Arrays.sort(lambdas);
            double[] descending = new double[lambdas.length];
            for (int i = 0; i < lambdas.length; i++) {
                descending[i] = lambdas[lambdas.length - 1 - i];
            }
            return new Object[] {descending, positive, RandomCases.integer(random, 2, 4),
                    RandomCases.uniform(random, 0.3, 1), RandomCases.uniform(random, -2.5, -1), random.nextBoolean()};
        });
    }

    @CasesRun(49)
    @ParameterizedTest
    @MethodSource("indefiniteCases")
    void effectiveRankStaysWithinTheBoundOnEveryCertifiedInterval(double[] lambdas, int positive, int depth,
                                                                 double stepFraction, double logAlpha,
                                                                 boolean useTarget) {
        double top = lambdas[0];
        double alpha = Math.pow(10, logAlpha) * Math.pow(top, 1.0 / depth);
        double smallest = lambdas[lambdas.length - 1];
        double negativeLimit = 1 / (Math.pow(alpha, depth - 2)
                * ((depth - 1) * Math.abs(smallest) + (2 * depth - 1) * Math.pow(alpha, depth)));
        double eta = stepFraction * Math.min(1 / ((2 * depth - 1) * Math.pow(top, (2.0 * depth - 2) / depth)),
                negativeLimit);
        PlateauBounds.Accuracies accuracies = useTarget ? PlateauBounds.Accuracies.target(0.05) : ACCURACIES;
        List<Plateau> plateaus = PlateauBounds.predict(lambdas, depth, alpha, eta, Initialization.IDENTITY, accuracies)
                .stream().map(PlateauCertificate::plateau).toList();
        assertThat(plateaus).hasSize(positive);
        for (int r = 1; r <= positive; r++) {
            double sum = 0;
            for (int i = 0; i < r; i++) {
                sum += lambdas[i];
            }
            assertThat(plateaus.get(r - 1).level()).isCloseTo(sum / top, within(1e-15 * r));
        }
        assumeTrue(plateaus.stream().anyMatch(Plateau::certified));
        long last = plateaus.stream().filter(Plateau::certified).mapToLong(p -> p.start().getAsLong()).max().orElse(0);
        assumeTrue(last < 400_000);
        if (useTarget) {
            plateaus.stream().filter(Plateau::certified)
                    .forEach(p -> assertThat(p.bound().getAsDouble()).isLessThanOrEqualTo(0.05 * (1 + 1e-12)));
        }
        assertWithinBound(lambdas, depth, alpha, eta, plateaus, last + 2_000);
    }

    @Test
    void namesTheExtraHypothesesWhenTheyFail() {
        // η within Theorem 3.5′ (1/5 for λ₁ = 1, N = 3) but above (20′) for λₙ = −50 (≈ 0.1 at α = 0.1)
        PlateauCertificate steep = PlateauBounds.predict(new double[] {1, 0.2, -50}, 3, 0.1, 0.15,
                Initialization.IDENTITY, ACCURACIES).get(0);
        assertThat(steep.certified()).isFalse();
        assertThat(steep.reason()).contains("(20′)").contains("most negative").contains("Theorem 3.5″");
        // α^N = 0.09 > c = δ(1−ε)λ₁ = 0.00495 for r = p = 2, with a negative eigenvalue in the tail
        List<PlateauCertificate> large = PlateauBounds.predict(new double[] {1, 0.5, -0.3}, 2, 0.3, 0.1,
                Initialization.IDENTITY, ACCURACIES);
        assertThat(large).hasSize(2);
        assertThat(large.get(1).certified()).isFalse();
        assertThat(large.get(1).reason()).contains("needs α^N ≤ c").contains("Theorem 3.5″");
        // Φ₊ = 0: nothing to approach
        assertThat(PlateauBounds.predict(new double[] {-1, -2}, 2, 0.1, 0.1, Initialization.IDENTITY, ACCURACIES))
                .isEmpty();
    }

    /**
     * The trainer's matrix gradient descent on full factors (Φ = VΛVᵀ with a Householder V), Λ = diag(8, 4, 2, 1, −0.5,
     * −0.25): every negative |λ| is below every positive λ, so Φ₊ is not a saddle (docs/theory.md §2.3) and matrix
     * descent follows (18). The recorded effective rank stays within (64″) on every certified interval.
     */
    @Test
    void matrixDescentStaysWithinTheCertifiedBound() {
        double[] lambdas = {8, 4, 2, 1, -0.25, -0.5};
        double[] descending = {8, 4, 2, 1, -0.25, -0.5};
        int iterations = 12_000;
        Table trace = Trainer.plan(TrainSettings.parse(RawSettings.of(Map.of("depth", "3", "step", "0.01",
                "init", "identity", "alpha", "0.02", "iterations", Integer.toString(iterations),
                "record", "every:1", "solver", "matrix"))), PlateausAgainstMatrixDescentTest.symmetricTarget(lambdas),
                Optional.empty()).run(Progress.NONE).traceTable();
        List<Plateau> plateaus = PlateauBounds.predict(descending, 3, 0.02, 0.01, Initialization.IDENTITY, ACCURACIES)
                .stream().map(PlateauCertificate::plateau).toList();
        assertThat(plateaus).hasSize(4);
        int iterationColumn = trace.indexOf("iteration");
        int rankColumn = trace.indexOf("effective_rank");
        int checked = 0;
        for (int row = 0; row < trace.rowCount(); row++) {
            long k = ((Number) trace.cell(row, iterationColumn)).longValue();
            double effectiveRank = trace.doubleAt(row, rankColumn);
            for (Plateau plateau : plateaus) {
                if (inside(plateau, k)) {
                    assertThat(Math.abs(effectiveRank - plateau.level())).as("r=%d k=%d", plateau.r(), k)
                            .isLessThanOrEqualTo(plateau.bound().getAsDouble());
                    checked++;
                }
            }
        }
        assertThat(plateaus).allMatch(Plateau::certified);
        assertThat(checked).isGreaterThan(5_000);
    }

    private static boolean inside(Plateau plateau, long k) {
        return plateau.certified() && k >= plateau.start().getAsLong()
                && (plateau.end().isEmpty() || k <= plateau.end().getAsLong());
    }

    /** (18) iterated with Math.pow over all n modes; r_eff = Σ x_i^N / max x_i^N against every certified interval. */
    private static void assertWithinBound(double[] lambdas, int depth, double alpha, double eta,
                                          List<Plateau> plateaus, long iterations) {
        int n = lambdas.length;
        double[] x = new double[n];
        Arrays.fill(x, alpha);
        for (long k = 0; k <= iterations; k++) {
            double sum = 0;
            double max = 0;
            for (int i = 0; i < n; i++) {
                double sigma = Math.pow(x[i], depth);
                sum += sigma;
                max = Math.max(max, sigma);
            }
            double effectiveRank = sum / max;
            for (Plateau plateau : plateaus) {
                if (inside(plateau, k)) {
                    assertThat(Math.abs(effectiveRank - plateau.level())).as("r=%d k=%d", plateau.r(), k)
                            .isLessThanOrEqualTo(plateau.bound().getAsDouble());
                }
            }
            for (int i = 0; i < n; i++) {
                x[i] = x[i] + eta * Math.pow(x[i], depth - 1) * (lambdas[i] - Math.pow(x[i], depth));
            }
        }
    }
}
