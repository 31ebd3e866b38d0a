package org.dmflab.core.groundtruth;

import java.util.List;
import java.util.Optional;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.settings.RawSettings;
import org.ejml.data.DMatrixRMaj;

/**
 * The Ground Truth Generator's settings keys (docs/design.md §3; KNIME settings keys = {@code dmflab generate} options) and
 * their one parser into a {@link GroundTruthConfig}.
 */
public final class GroundTruthSettings {
    public static final String SPECTRUM = "spectrum";
    public static final String N = "n";
    public static final String M = "m";
    public static final String EIGENVECTORS = "eigenvectors";
    public static final String SEED = "seed";
    public static final String NOISE = "noise";
    public static final String SYMMETRIZE_NOISE = "symmetrize-noise";
    public static final String MEASUREMENTS = "measurements";
    public static final String OBSERVATIONS = "observations";
    /** No measurements: the full loss needs none. */
    public static final int DEFAULT_MEASUREMENTS = 0;
    public static final String INPUT = "input";
    /** What an input table is divided by ({@link InputDivisor}); default 1. */
    public static final String DIVIDE_BY = InputDivisor.KEY;

    /** Every key, in the order of docs/design.md §3. */
    public static final List<String> KEYS =
            List.of(SPECTRUM, N, M, EIGENVECTORS, SEED, NOISE, SYMMETRIZE_NOISE, MEASUREMENTS, OBSERVATIONS, INPUT,
                    DIVIDE_BY);

    /** Largest n or m: a dense n×n matrix must fit in one Java array. */
    public static final int MAX_SIZE = 46_340;
    /** The eigenvector basis when {@code eigenvectors} is absent. */
    public static final EigenvectorBasis DEFAULT_EIGENVECTORS = EigenvectorBasis.RANDOM;
    /** The noise when {@code noise} is absent: none. */
    public static final String DEFAULT_NOISE = "none";

    private GroundTruthSettings() {
    }

    /**
     * Parses the settings. {@code n} and {@code m} may be absent or 0: n then defaults to the spectrum's length and m to
     * n (square).
     *
     * @param settings the raw settings
     * @param input    the user's matrix when the {@code input} setting asks for it; the spectrum keys are then ignored,
     *                 and without it {@code divide-by} is
     */
    public static GroundTruthConfig parse(RawSettings settings, Optional<DMatrixRMaj> input) {
        TargetSource source;
        if (input.isPresent()) {
            source = new TargetSource.FromMatrix(input.get());
        } else if (TargetSource.GaussianFactors.matches(settings.text(SPECTRUM).orElse(null))) {
            int n = size(settings, N, 0);
            int m = size(settings, M, n);
            source = TargetSource.GaussianFactors.parse(settings.text(SPECTRUM).orElseThrow(), m, n);
        } else {
            SpectrumSpec spectrum = SpectrumSpec.parse(settings.text(SPECTRUM).orElse(null), MAX_SIZE);
            int n = size(settings, N, spectrum.size());
            int m = size(settings, M, n);
            source = new TargetSource.FromSpectrum(spectrum, m, n,
                    EigenvectorBasis.parse(settings.text(EIGENVECTORS, DEFAULT_EIGENVECTORS.key())));
        }
        return new GroundTruthConfig(source, settings.optionalLong(SEED), NoiseSpec.parse(settings.text(NOISE,
                DEFAULT_NOISE)), settings.flag(SYMMETRIZE_NOISE, false), settings.integer(MEASUREMENTS,
                DEFAULT_MEASUREMENTS), ObservationCount.parse(settings.text(OBSERVATIONS).orElse(null)),
                inputDivisor(settings));
    }

    /**
     * The {@code divide-by} setting alone (default 1), validated: the KNIME node checks it at configure time, before
     * the input table, hence the whole configuration, is there.
     */
    public static InputDivisor inputDivisor(RawSettings settings) {
        return new InputDivisor(settings.number(DIVIDE_BY, InputDivisor.NONE.value()));
    }

    private static int size(RawSettings settings, String key, int fallback) {
        int value = settings.integer(key, 0);
        if (value < 0) {
            throw new InvalidInputException(key, "must be a positive size (or 0 for the default), got " + value);
        }
        if (value > MAX_SIZE) {
            throw new InvalidInputException(key, value + " is too large: a " + value + "×" + value + " matrix has "
                    + (long) value * value + " entries, more than one Java array holds (largest size " + MAX_SIZE
                    + "); choose a smaller size");
        }
        return value == 0 ? fallback : value;
    }
}
