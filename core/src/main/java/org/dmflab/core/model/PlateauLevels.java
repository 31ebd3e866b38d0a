package org.dmflab.core.model;

import java.util.Arrays;
import java.util.Optional;
import org.dmflab.core.InvalidInputException;

/**
 * The one rule for effective-rank plateau levels (docs/theory.md §7.3, Theorem 3.5″ and its consequences (ii)–(iii)),
 * shared by the predictor, the tracker, the charts and the reports.
 *
 * <ul>
 *   <li><b>Numerical zeros.</b> A value with |λ| ≤ c·u·n·‖Φ‖₂ ({@link #ZERO_FACTOR} c = 10, u = 2⁻⁵³ the unit
 *   round-off, n the number of values) is a zero: the size of what a backward-stable eigensolver leaves behind for an
 *   exact zero. It has no plateau level, no hitting row and no chart line.</li>
 *   <li><b>Identical start</b> (αI, N ≥ 2; {@link StartKind#identical()}): negative eigenvalues are never recovered,
 *   the product tends to Φ₊, so the levels are ℓ_r = Σ_{i≤r} λᵢ/λ₁ over the positive eigenvalues, r = 1 … p
 *   (certified by Theorem 3.5″).</li>
 *   <li><b>Any other start</b> (perturbed, Gaussian), which can recover negative eigenvalues: the levels are
 *   r_eff(Φ_r) with σ = |λ| sorted descending, r = 1 … (number of non-zero values); observed only, no theorem.</li>
 * </ul>
 * Singular-value spectra (non-symmetric targets) are non-negative, and both rules give their partial sums. For a
 * spectrum without negative eigenvalues the two rules agree, so the start need not be known.
 */
public final class PlateauLevels {
    /** u = 2⁻⁵³, the unit round-off of IEEE double precision. */
    public static final double UNIT_ROUNDOFF = 0x1.0p-53;
    /** c of the zero threshold c·u·n·‖Φ‖₂ (docs/theory.md §7.3, "Numerical zeros"). */
    public static final double ZERO_FACTOR = 10;

    private final double[] values;
    private final double threshold;
    private final boolean identicalStart;
    private final double[] plateauValues;

    private PlateauLevels(double[] values, boolean identicalStart) {
        this.values = values.clone();
        this.threshold = zeroThreshold(values);
        this.identicalStart = identicalStart;
        double[] kept = Arrays.stream(values)
                .filter(value -> Math.abs(value) > threshold && (!identicalStart || value > 0))
                .map(Math::abs).map(value -> -value).sorted().map(value -> -value).toArray();
        this.plateauValues = kept;
    }

    /** The levels of a run on {@code target} from {@code start}. */
    public static PlateauLevels of(Spectrum target, StartKind start) {
        return new PlateauLevels(target.values(), target.kind() == SpectrumKind.EIGENVALUE && start.identical());
    }

    /** The levels for descending eigenvalues of a symmetric target and a start. */
    public static PlateauLevels of(double[] eigenvalues, StartKind start) {
        return of(new Spectrum(eigenvalues, SpectrumKind.EIGENVALUE), start);
    }

    /**
     * The levels when the start may be unknown (a trace without an {@code init} column): fine if the target has no
     * negative eigenvalue beyond the zero threshold, where both rules agree; otherwise a message naming {@code source}.
     */
    public static PlateauLevels of(Spectrum target, Optional<? extends StartKind> start, String source) {
        if (start.isPresent()) {
            return of(target, start.get());
        }
        PlateauLevels levels = new PlateauLevels(target.values(), target.kind() == SpectrumKind.EIGENVALUE);
        if (levels.hasNegative()) {
            throw new InvalidInputException(source, "has no 'init' column, and the target has "
                    + "negative eigenvalues, whose plateau levels depend on the start (docs/theory.md §7.3): add a column "
                    + "init naming the start, e.g. identity (traces from the trainer have it)");
        }
        return levels;
    }

    /** c·u·n·max|vᵢ|: values at or below it in magnitude are numerical zeros. */
    public static double zeroThreshold(double[] values) {
        double norm = 0;
        for (double value : values) {
            norm = Math.max(norm, Math.abs(value));
        }
        return ZERO_FACTOR * UNIT_ROUNDOFF * values.length * norm;
    }

    /** The zero threshold of this spectrum. */
    public double zeroThreshold() {
        return threshold;
    }

    /** Whether the i-th value of the spectrum (0-based) is a numerical zero. */
    public boolean isZero(int i) {
        return Math.abs(values[i]) <= threshold;
    }

    /** Whether the spectrum has a negative eigenvalue that is not a numerical zero. */
    public boolean hasNegative() {
        return Arrays.stream(values).anyMatch(value -> value < -threshold);
    }

    /** Whether the levels are those of Φ₊ under an identical start (Theorem 3.5″) rather than of |λ|. */
    public boolean identicalStart() {
        return identicalStart;
    }

    /** The number of levels (p positive eigenvalues, or the number of non-zero values). */
    public int count() {
        return plateauValues.length;
    }

    /** The values whose partial sums are the levels, descending (λ₁ … λ_p, or |λ| sorted). */
    public double[] plateauValues() {
        return plateauValues.clone();
    }

    /** The level for rank r, 1-based: Σ_{i≤r} vᵢ / v₁ over {@link #plateauValues()}. */
    public double level(int r) {
        if (r < 1 || r > plateauValues.length) {
            throw new IllegalArgumentException("no plateau r=" + r + "; there are " + plateauValues.length);
        }
        return RankMeasures.plateauLevel(plateauValues, r);
    }

    /** All levels, r = 1 … {@link #count()}. */
    public double[] levels() {
        double[] levels = new double[plateauValues.length];
        for (int r = 1; r <= levels.length; r++) {
            levels[r - 1] = level(r);
        }
        return levels;
    }

    /** A short phrase for captions and reports saying which rule gave the levels. */
    public String ruleDescription() {
        return identicalStart ? "ℓᵣ = (λ₁ + … + λᵣ)/λ₁ over the positive eigenvalues (identical start, Theorem "
                + (hasNegative() ? "3.5″" : "3.5′") + ")"
                : "(σ₁ + … + σᵣ)/σ₁ with σ = |λ| sorted descending (observed only, no theorem)";
    }
}
