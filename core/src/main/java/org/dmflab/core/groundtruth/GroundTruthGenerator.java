package org.dmflab.core.groundtruth;

import java.util.Optional;
import java.util.Random;
import org.dmflab.core.Progress;
import org.dmflab.core.linalg.RandomMatrices;
import org.dmflab.core.linalg.SpectralProduct;
import org.dmflab.core.linalg.Spectra;
import org.dmflab.core.linalg.Symmetry;
import org.dmflab.core.model.Observations;
import org.dmflab.core.model.SensingData;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Builds target matrices with a chosen spectrum (docs/theory.md §1.2): Φ = V diag(λ) Vᵀ for square targets, Φ = U diag(s) Vᵀ
 * for rectangular ones, or a random rank-r matrix with Gaussian factors (§8.3), plus optional noise (§7.4), Gaussian
 * matrix-sensing measurements and observed entries for matrix completion (§8.3). A user matrix is first divided by
 * {@link InputDivisor} (the noise goes on the scaled matrix, so a noise-free run gives the scaled input, the clean
 * reference of a denoising experiment). The reported spectrum is
 * computed from the final matrix, never copied from the request, because noise changes it.
 *
 * <p>All random draws come from one {@link Random} seeded with the configured seed, in a fixed order (V, U or
 * the Gaussian factors, noise, measurements, observed entries), so the same configuration gives the same bytes.
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
        DMatrixRMaj target;
        if (config.source() instanceof TargetSource.FromSpectrum spectrum) {
            target = fromSpectrum(spectrum, random, progress);
        } else if (config.source() instanceof TargetSource.GaussianFactors factors) {
            target = gaussianFactors(factors, random);
        } else {
            target = ((TargetSource.FromMatrix) config.source()).matrix();
            config.inputDivisor().applyTo(target);
        }
        progress.checkCanceled();
        addNoise(target, config, random);
        Optional<SensingData> sensing = Optional.empty();
        if (config.measurements() > 0) {
            progress.report(0.6, "drawing " + config.measurements() + " sensing measurements");
            sensing = Optional.of(measure(target, config.measurements(), random));
        }
        Optional<Observations> observations = Optional.empty();
        if (!config.observations().isNone()) {
            observations = Optional.of(Observations.sample(target,
                    config.observations().resolve(target.getNumElements()), random));
        }
        progress.checkCanceled();
        progress.report(0.7, "computing the spectrum of the " + target.numRows + "×" + target.numCols + " target");
        GroundTruth truth = new GroundTruth(target, Spectra.of(target), sensing, observations);
        progress.report(1.0, "target and spectrum ready");
        return truth;
    }

    /** U Vᵀ with i.i.d. N(0, 1) U (m×r, drawn first) and V (n×r), scaled to the requested Frobenius norm. */
    private static DMatrixRMaj gaussianFactors(TargetSource.GaussianFactors request, Random random) {
        DMatrixRMaj left = RandomMatrices.gaussian(request.rows(), request.rank(), 1.0, random);
        DMatrixRMaj right = RandomMatrices.gaussian(request.n(), request.rank(), 1.0, random);
        DMatrixRMaj target = new DMatrixRMaj(request.rows(), request.n());
        CommonOps_DDRM.multTransB(left, right, target);
        CommonOps_DDRM.scale(request.norm() / NormOps_DDRM.normF(target), target);
        return target;
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
