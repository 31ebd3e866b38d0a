package org.dmflab.core.dynamics;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Random;
import org.dmflab.core.Checks;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.linalg.RandomMatrices;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.settings.Setting;
import org.dmflab.core.settings.Setting.Choice;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Every entry of every factor is drawn from N(0, σ²) by a generator seeded with {@code seed} (docs/theory.md §1.6),
 * optionally conditioned on the sign of det W(0) ({@link DeterminantSign}).
 */
public record Gaussian(double sigma, long seed, DeterminantSign determinant) implements Start {
    static final String SIGMA = "sigma";
    static final String SEED = "seed";
    public static final String DETERMINANT = "determinant";
    public static final double DEFAULT_SIGMA = 0.01;
    static final Setting SIGMA_SETTING = Setting.number(SIGMA, "Standard deviation σ", DEFAULT_SIGMA, Double.MIN_VALUE,
            Double.MAX_VALUE, "> 0").help("Gaussian start: the factors' entries are drawn from N(0, σ²).");
    static final Setting SEED_SETTING = Setting.whole(SEED, "Seed", 0, Long.MIN_VALUE, Long.MAX_VALUE,
            "any whole number").derived("none (the Gaussian start needs one)")
            .help("The same seed always gives the same Gaussian start.");
    static final Setting DETERMINANT_SETTING = Setting.choice(DETERMINANT, "Sign of det W(0)", List.of(
                    new Choice(DeterminantSign.ANY.key(), "Any"),
                    new Choice(DeterminantSign.POSITIVE.key(), "Positive"),
                    new Choice(DeterminantSign.NEGATIVE.key(), "Negative")))
            .help("Gaussian start: condition the draw on this sign of det W(0).");

    public Gaussian {
        Objects.requireNonNull(determinant, "determinant");
        Checks.positive(SIGMA, sigma, "the Gaussian start's standard deviation σ", "e.g. sigma=0.01");
    }

    /** The plain draw, not conditioned on the sign of its determinant. */
    public Gaussian(double sigma, long seed) {
        this(sigma, seed, DeterminantSign.ANY);
    }

    static Gaussian read(RawSettings settings) {
        double sigma = settings.number(SIGMA, DEFAULT_SIGMA);
        OptionalLong seed = settings.optionalLong(SEED);
        if (seed.isEmpty()) {
            throw new InvalidInputException(SEED, "the Gaussian start is random and needs a seed, so that "
                    + "the same settings always give the same run; set a seed (any whole number)");
        }
        return new Gaussian(sigma, seed.getAsLong(), DeterminantSign.parse(settings.text(DETERMINANT).orElse(null)));
    }

    @Override
    public Initialization init() {
        return Initialization.GAUSSIAN;
    }

    /**
     * The factors in order W₁, W₂, …, each filled row by row from one generator seeded with {@code seed}; conditioned
     * on a sign of det W(0), a draw of the other sign has W₁'s first column negated (the trainer refuses a condition on
     * a product that is not square).
     */
    @Override
    public DMatrixRMaj[] initialFactors(int[] rows, int[] cols) {
        Random random = new Random(seed);
        DMatrixRMaj[] factors = new DMatrixRMaj[rows.length];
        for (int j = 0; j < rows.length; j++) {
            factors[j] = RandomMatrices.gaussian(rows[j], cols[j], sigma, random);
        }
        if (determinant != DeterminantSign.ANY && !determinant.accepts(determinant(factors))) {
            // W(0)·diag(−1, 1, …): the same Gaussian law, the other sign (DeterminantSign)
            DMatrixRMaj first = factors[0];
            for (int r = 0; r < first.numRows; r++) {
                first.unsafe_set(r, 0, -first.unsafe_get(r, 0));
            }
        }
        return factors;
    }

    /** det(W_N ⋯ W₁) of a square product. */
    private static double determinant(DMatrixRMaj[] factors) {
        DMatrixRMaj product = factors[0];
        for (int j = 1; j < factors.length; j++) {
            DMatrixRMaj next = new DMatrixRMaj(factors[j].numRows, product.numCols);
            CommonOps_DDRM.mult(factors[j], product, next);
            product = next;
        }
        return CommonOps_DDRM.det(product);
    }

    /**
     * The typical operator norm σ(√rows + √cols) of the largest initial factor: a heuristic stand-in for α in (10′);
     * docs/theory.md has no bound for random starts.
     */
    @Override
    public double stepScale(int depth, int m, int n, int width) {
        double scale = depth == 1 ? Math.sqrt(m) + Math.sqrt(n)
                : Math.max(Math.sqrt(width) + Math.sqrt(Math.max(m, n)), 2 * Math.sqrt(width));
        return sigma * scale;
    }

    @Override
    public String stepBoundName(int depth) {
        return "(10′) with α = the typical norm of the Gaussian factors";
    }
}
