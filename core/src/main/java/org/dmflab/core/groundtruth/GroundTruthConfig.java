package org.dmflab.core.groundtruth;

import java.util.Objects;
import java.util.OptionalLong;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.MemoryBudget;
import org.dmflab.core.linalg.Symmetry;

/**
 * Everything the Ground Truth Generator needs, validated on construction so that a bad combination is reported before
 * any work starts (the KNIME node builds it at configure time).
 *
 * @param source          the clean target: a requested spectrum or a user matrix
 * @param seed            seed of every random draw (eigenvectors, noise, measurements); required when any is random
 * @param noise           additive noise E (docs/theory.md §7.4)
 * @param symmetrizeNoise replace E by (E + Eᵀ)/2, so that a symmetric target stays symmetric (footnote 3 of the paper)
 * @param measurements    number of Gaussian matrix-sensing measurements, 0 for none
 * @param observations    how many entries to observe for matrix completion (uniformly without replacement)
 * @param inputDivisor    what a user matrix ({@link TargetSource.FromMatrix}) is divided by before the noise is added;
 *                        ignored for a generated target, like the spectrum keys are for an input table
 */
public record GroundTruthConfig(TargetSource source, OptionalLong seed, NoiseSpec noise, boolean symmetrizeNoise,
                                int measurements, ObservationCount observations, InputDivisor inputDivisor) {

    /** A configuration without observed entries, the input (if any) used as it is. */
    public GroundTruthConfig(TargetSource source, OptionalLong seed, NoiseSpec noise, boolean symmetrizeNoise,
                             int measurements) {
        this(source, seed, noise, symmetrizeNoise, measurements, ObservationCount.NONE, InputDivisor.NONE);
    }

    public GroundTruthConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(inputDivisor, "inputDivisor");
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(noise, "noise");
        if (measurements < 0) {
            throw new InvalidInputException(GroundTruthSettings.MEASUREMENTS,
                    "must be 0 (no matrix sensing) or a positive count, got " + measurements);
        }
        if (seed.isEmpty()) {
            String randomPart = randomPart(source, noise, measurements, observations);
            if (randomPart != null) {
                throw new InvalidInputException(GroundTruthSettings.SEED, randomPart + " needs a seed, so that the same "
                        + "settings always give the same matrix; set a seed (any whole number)");
            }
        }
        if (symmetrizeNoise && !noise.isNone() && source.rows() != source.columns()) {
            throw new InvalidInputException(GroundTruthSettings.SYMMETRIZE_NOISE, "a " + source.rows() + "×"
                    + source.columns() + " target is not square, so its noise cannot be symmetrized; switch "
                    + "symmetrize-noise off or use a square target");
        }
        long rows = source.rows();
        long cols = source.columns();
        long largest = Math.max(rows, cols);
        MemoryBudget.requireArray(source instanceof TargetSource.FromMatrix ? "input" : "n", largest, largest);
        // Φ, the two bases, the noise and the decomposition's workspace: about six dense largest×largest matrices.
        MemoryBudget.require(source instanceof TargetSource.FromMatrix ? "input" : "n", 8L * 6 * largest * largest,
                "a " + rows + "×" + cols + " target with its bases and its decomposition");
        if (measurements > 0) {
            MemoryBudget.requireArray(GroundTruthSettings.MEASUREMENTS, measurements, rows * cols);
            MemoryBudget.require(GroundTruthSettings.MEASUREMENTS, 8L * measurements * rows * cols,
                    measurements + " measurement matrices of size " + rows + "×" + cols);
        }
        observations.resolve(rows * cols);
    }

    /**
     * Whether the target will be symmetric ({@code linalg.Symmetry.isSymmetric}), known before it is generated: a
     * trainer's trace has eigenvalue columns exactly for symmetric targets (docs/design.md §2), so the KNIME generator
     * tells its successors at configure time. Square targets from a spectrum (Φ = V diag(λ) Vᵀ) and symmetric input
     * matrices are, unless noise that is not symmetrized is added; so is every 1×1 target; nothing else is.
     */
    public boolean symmetricTarget() {
        if (source.rows() != source.columns()) {
            return false;
        }
        if (source.rows() == 1) {
            return true;
        }
        boolean clean = source instanceof TargetSource.FromSpectrum
                || source instanceof TargetSource.FromMatrix input && Symmetry.isSymmetric(input.matrix());
        return clean && (noise.isNone() || symmetrizeNoise);
    }

    private static String randomPart(TargetSource source, NoiseSpec noise, int measurements,
                                     ObservationCount observations) {
        if (source instanceof TargetSource.FromSpectrum spectrum && spectrum.basis() == EigenvectorBasis.RANDOM) {
            return "eigenvectors=random";
        }
        if (source instanceof TargetSource.GaussianFactors) {
            return "spectrum=" + TargetSource.GaussianFactors.PRESET;
        }
        if (!noise.isNone()) {
            return "noise=" + noise;
        }
        if (measurements > 0) {
            return "measurements=" + measurements;
        }
        if (!observations.isNone()) {
            return "observations=" + observations;
        }
        return null;
    }
}
