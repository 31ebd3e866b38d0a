package org.dmflab.core.train;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.dmflab.core.linalg.SpectralProduct;
import org.dmflab.core.linalg.RandomMatrices;
import org.dmflab.core.settings.RawSettings;
import org.ejml.data.DMatrixRMaj;

/** Targets and settings shared by the trainer tests (theory.md §9, checks (a)). */
final class Fixtures {
    /** Spectrum B: no negative eigenvalue exceeds a positive one in modulus. */
    static final double[] SPECTRUM_B = {3, 1.5, 0.8, 0.6, -0.3, -0.5};
    /** Spectrum A: |−1.2| > 0.3, so the identical-init limit is a strict saddle (theory.md §2.3). */
    static final double[] SPECTRUM_A = {3, 1.5, 0.8, 0.3, -0.6, -1.2};

    private Fixtures() {
    }

    /** V diag(λ) Vᵀ with a seeded Haar-random V. */
    static DMatrixRMaj symmetricTarget(double[] spectrum, long seed) {
        return SpectralProduct.symmetric(RandomMatrices.haarOrthogonal(spectrum.length, new Random(seed)), spectrum);
    }

    /** Settings from alternating key, value pairs. */
    static TrainConfig config(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return TrainSettings.parse(RawSettings.of(map));
    }

    static TrainingPlan plan(DMatrixRMaj target, String... keyValues) {
        return Trainer.plan(config(keyValues), target, Optional.empty());
    }

    /** 0.9 × the uniform bound (10′) for a target with ‖Φ‖₂ = 3, α = 0.1, N = 3: the step of checks (a). */
    static double checkStep() {
        return 0.9 * org.dmflab.core.theory.StepSizeBounds.uniform(3, 0.1, 3);
    }

    static double maxAbsDifference(DMatrixRMaj a, DMatrixRMaj b) {
        double max = 0;
        for (int k = 0; k < a.data.length && k < a.getNumElements(); k++) {
            max = Math.max(max, Math.abs(a.data[k] - b.data[k]));
        }
        return max;
    }
}
