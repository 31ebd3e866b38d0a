package org.dmflab.core.groundtruth;

import java.util.Optional;
import java.util.Random;
import org.dmflab.core.Progress;
import org.dmflab.core.linalg.RandomMatrices;
import org.dmflab.core.linalg.SpectralProduct;
import org.dmflab.core.linalg.Spectra;
import org.dmflab.core.linalg.Symmetry;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Builds target matrices with a chosen spectrum (docs/theory.md §1.2): Φ = V diag(λ) Vᵀ for square targets, Φ = U diag(s) Vᵀ
 * for rectangular ones, plus optional noise (§7.4) and Gaussian matrix-sensing measurements. The reported spectrum is
 * computed from the final matrix, never copied from the request, because noise changes it.
 *
 * <p>All random draws come from one {@link Random} seeded with the configured seed, in a fixed order (V, U, noise,
 * measurements), so the same configuration gives the same bytes.
 */
public final class GroundTruthGenerator {
    private GroundTruthGenerator() {
    }

    /** Generates the target described by {@code config}. */
    public static GroundTruth generate(GroundTruthConfig config) {
        return generate(config, Progress.NONE);
    }

    /**
     * Generates the target described by {@code config}, reporting each stage (for a large n the basis, the product
     * and the spectrum take seconds each) and checking for a cancel between them.
     */
    public static GroundTruth generate(GroundTruthConfig config, Progress progress) {
        Random random = new Random(config.seed().orElse(0L));
        DMatrixRMaj target = config.source() instanceof TargetSource.FromSpectrum spectrum
                ? fromSpectrum(spectrum, random, progress)
                : ((TargetSource.FromMatrix) config.source()).matrix();
        progress.checkCanceled();
        addNoise(target, config, random);
        Optional<SensingData> sensing = Optional.empty();
        if (config.measurements() > 0) {
            progress.report(0.6, "drawing " + config.measurements() + " sensing measurements");
            sensing = Optional.of(measure(target, config.measurements(), random));
        }
        progress.checkCanceled();
        progress.report(0.7, "computing the spectrum of the " + target.numRows + "×" + target.numCols + " target");
        GroundTruth truth = new GroundTruth(target, Spectra.of(target), sensing);
        progress.report(1.0, "target and spectrum ready");
        return truth;
    }

    private static DMatrixRMaj fromSpectrum(TargetSource.FromSpectrum request, Random random, Progress progress) {
        int m = request.rows();
        int n = request.n();
        int p = Math.min(m, n);
        double[] values = new double[p];
        System.arraycopy(request.spectrum().values(), 0, values, 0, request.spectrum().size());
        progress.report(0.0, "drawing the " + request.basis().name().toLowerCase(java.util.Locale.ROOT) + " "
                + n + "×" + n + " eigenvector basis");
        DMatrixRMaj right = basis(n, p, request.basis(), random);
        progress.checkCanceled();
        DMatrixRMaj left = request.isSquare() ? right : basis(m, p, request.basis(), random);
        progress.checkCanceled();
        progress.report(0.3, "forming the " + m + "×" + n + " target from its spectrum");
        DMatrixRMaj target = SpectralProduct.of(left, values, right);
        if (request.isSquare()) {
            Symmetry.symmetrizeInPlace(target);
        }
        return target;
    }

    /** The first p columns of a Haar-random or identity n×n orthogonal matrix. */
    private static DMatrixRMaj basis(int n, int p, EigenvectorBasis basis, Random random) {
        DMatrixRMaj full = basis == EigenvectorBasis.RANDOM
                ? RandomMatrices.haarOrthogonal(n, random)
                : CommonOps_DDRM.identity(n);
        return p == n ? full : CommonOps_DDRM.extract(full, 0, n, 0, p);
    }

    private static void addNoise(DMatrixRMaj target, GroundTruthConfig config, Random random) {
        if (config.noise().isNone()) {
            return;
        }
        DMatrixRMaj noise = new DMatrixRMaj(target.numRows, target.numCols);
        for (int k = 0; k < noise.data.length; k++) {
            noise.data[k] = config.noise().sample(random);
        }
        if (config.symmetrizeNoise()) {
            Symmetry.symmetrizeInPlace(noise);
        }
        CommonOps_DDRM.addEquals(target, noise);
    }

    /**
     * Gaussian measurements with entries N(0, 1/M): then E Σᵢ⟨Aᵢ, W⟩² = ‖W‖²_F, so the sensing loss is on the scale of
     * the full loss and the same step sizes apply.
     */
    private static SensingData measure(DMatrixRMaj target, int count, Random random) {
        int entries = target.numRows * target.numCols;
        DMatrixRMaj operators = RandomMatrices.gaussian(count, entries, 1.0 / Math.sqrt(count), random);
        DMatrixRMaj flat = new DMatrixRMaj(entries, 1, true, target.data);
        DMatrixRMaj observations = new DMatrixRMaj(count, 1);
        CommonOps_DDRM.mult(operators, flat, observations);
        return new SensingData(operators, observations.data, target.numRows, target.numCols);
    }
}
