package org.dmflab.core.groundtruth;

import java.util.Locale;
import java.util.Random;
import org.dmflab.core.Checks;
import org.dmflab.core.InvalidInputException;

/**
 * Additive noise E for Φ̃ = Φ + E (docs/theory.md §7.4, Remark 3.3): none, i.i.d. Gaussian entries N(0, σ²)
 * ({@code gaussian:σ}) or i.i.d. uniform entries on [−a, a] ({@code uniform:a}).
 *
 * @param kind  the distribution
 * @param scale σ for Gaussian, a for uniform, 0 for none
 */
public record NoiseSpec(Kind kind, double scale) {
    /** The setting this noise comes from, used in messages. */
    public static final String KEY = "noise";
    /** No noise. */
    public static final NoiseSpec NONE = new NoiseSpec(Kind.NONE, 0);

    /** The noise distributions. */
    public enum Kind { NONE, GAUSSIAN, UNIFORM }

    public NoiseSpec {
        if (kind == Kind.NONE && scale != 0) {
            throw new InvalidInputException(KEY, "no noise has no scale, got " + scale + "; use none");
        }
        if (kind != Kind.NONE) {
            Checks.positive(KEY, scale, "the scale of " + kind.name().toLowerCase(Locale.ROOT) + " noise",
                    "e.g. " + kind.name().toLowerCase(Locale.ROOT) + ":0.1");
        }
    }

    /** Parses {@code none}, {@code gaussian:σ} or {@code uniform:a}. */
    public static NoiseSpec parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("none")) {
            return NONE;
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        String name = (colon < 0 ? trimmed : trimmed.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        Kind kind = switch (name) {
            case "gaussian" -> Kind.GAUSSIAN;
            case "uniform" -> Kind.UNIFORM;
            default -> throw new InvalidInputException(KEY, "unknown noise '" + trimmed
                    + "'; use none, gaussian:σ (e.g. gaussian:0.1) or uniform:a (e.g. uniform:0.5)");
        };
        if (colon < 0) {
            throw new InvalidInputException(KEY, "'" + trimmed + "' needs a scale after a colon, e.g. " + name + ":0.1");
        }
        String scaleText = trimmed.substring(colon + 1).trim();
        double scale;
        try {
            scale = Double.parseDouble(scaleText);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(KEY, "the scale '" + scaleText + "' in '" + trimmed + "' is not a number");
        }
        return new NoiseSpec(kind, scale);
    }

    public boolean isNone() {
        return kind == Kind.NONE;
    }

    /** Draws one noise entry. */
    double sample(Random random) {
        return switch (kind) {
            case NONE -> 0;
            case GAUSSIAN -> scale * random.nextGaussian();
            case UNIFORM -> scale * (2 * random.nextDouble() - 1);
        };
    }

    /** The canonical text form ({@code none}, {@code gaussian:σ}, {@code uniform:a}). */
    @Override
    public String toString() {
        return kind == Kind.NONE ? "none" : kind.name().toLowerCase(Locale.ROOT) + ":" + scale;
    }
}
