package org.dmflab.core.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dmflab.core.model.Initialization;

/**
 * What the theory says about the configured step size η (docs/theory.md §3, §6.4, §7.3): the uniform condition — (10′) for
 * identical starts, (14′) (a conjecture) for perturbed ones, η ≤ 1 for N = 1 — the eigenvalues whose own condition
 * ((20′), or (14′) with ‖Φ‖ = |λ|) fails, those beyond the divergence threshold of Lemma B.1′, and the condition of
 * Theorem 3.5′ for certified plateaus. {@link #message()} is the one-paragraph verdict shown to users.
 *
 * @param eta                   the configured η
 * @param condition             which uniform condition applies, e.g. "(10′)"
 * @param uniformLimit          its largest admissible η
 * @param failingEigenvalues    1-based indices whose per-eigenvalue condition fails
 * @param divergingEigenvalues  1-based indices for which η exceeds the divergence threshold of Lemma B.1′
 * @param plateauLimit          the condition of Theorem 3.5′, NaN where it does not apply
 * @param message               the verdict in words
 */
public record StepSizeVerdict(double eta, String condition, double uniformLimit, List<Integer> failingEigenvalues,
                              List<Integer> divergingEigenvalues, double plateauLimit, String message) {
    public StepSizeVerdict {
        Objects.requireNonNull(condition, "condition");
        failingEigenvalues = List.copyOf(failingEigenvalues);
        divergingEigenvalues = List.copyOf(divergingEigenvalues);
        Objects.requireNonNull(message, "message");
    }

    /** Whether η satisfies the uniform condition. */
    public boolean withinUniformCondition() {
        return eta <= uniformLimit;
    }

    /** Computes the verdict for a configuration and the eigenvalues (descending), without the saddle's sentence. */
    public static StepSizeVerdict of(PredictConfig config, double[] eigenvalues) {
        return of(config, eigenvalues, Optional.empty());
    }

    /**
     * Computes the verdict; with a strict saddle ({@link SaddleEscape}) the convergence it states holds in exact
     * arithmetic, and the verdict says until when it holds for floating-point descent.
     */
    public static StepSizeVerdict of(PredictConfig config, double[] eigenvalues, Optional<SaddleEscape> saddle) {
        int n = config.depth();
        double eta = config.step();
        double alpha = config.alpha();
        double norm = operatorNorm(eigenvalues);
        boolean perturbed = config.init() == Initialization.PERTURBED;
        String condition;
        double uniform;
        if (n == 1) {
            condition = "the monotone condition of Lemma 2.2′ (N = 1)";
            uniform = 1;
        } else if (perturbed) {
            condition = "(14′)";
            uniform = StepSizeBounds.perturbed(norm, alpha, config.beta().getAsDouble(), n);
        } else {
            condition = "(10′)";
            uniform = StepSizeBounds.uniform(norm, alpha, n);
        }
        List<Integer> failing = new ArrayList<>();
        List<Integer> diverging = new ArrayList<>();
        double smallestThreshold = Double.POSITIVE_INFINITY;
        for (int i = 0; i < eigenvalues.length; i++) {
            double lambda = eigenvalues[i];
            if (eta > perEigenvalueLimit(config, lambda)) {
                failing.add(i + 1);
            }
            if (!perturbed || n == 1) {
                double threshold = StepSizeBounds.divergence(lambda, config.perturbedStart(), n);
                if (eta > threshold) {
                    diverging.add(i + 1);
                    smallestThreshold = Math.min(smallestThreshold, threshold);
                }
            }
        }
        double plateauLimit = !perturbed && n >= 2 && eigenvalues[0] > 0
                ? PlateauBounds.stepLimit(n, eigenvalues[0]) : Double.NaN;

        StringBuilder text = new StringBuilder();
        String setting = String.format(Locale.ROOT, "N = %d, α = %s%s, ‖Φ‖₂ = %s", n, number(alpha),
                perturbed ? ", β = " + number(config.beta().getAsDouble()) : "", number(norm));
        if (eta <= uniform) {
            text.append(String.format(Locale.ROOT, "η = %s satisfies %s η ≤ %s (%s): ", number(eta), condition,
                    number(uniform), setting));
            text.append(n == 1
                    ? "x(k) − λ = (1 − η)ᵏ(x(0) − λ), every eigenvalue converges monotonically (Lemma 2.2′)."
                    : perturbed
                    ? "every eigenvalue is expected to converge to λ ((14′) is a numerically validated conjecture, "
                    + "docs/theory.md §6.4)."
                    : "every eigenvalue converges monotonically to its limit (Theorem 1.1′, docs/theory.md §5.6).");
        } else if (failing.isEmpty()) {
            text.append(String.format(Locale.ROOT, "η = %s exceeds %s η ≤ %s (%s), but satisfies the per-eigenvalue "
                    + "condition %s of every eigenvalue (smallest: η ≤ %s): ", number(eta), condition, number(uniform),
                    setting, perturbed ? "(14′) with ‖Φ‖₂ = |λ|" : "(20′)", number(smallestLimit(config, eigenvalues))));
            text.append(perturbed
                    ? "every eigenvalue is expected to converge to λ (conjecture, docs/theory.md §6.4)."
                    : "each eigenvalue converges monotonically to its limit (Lemma 2.2′) and the bounds apply.");
        } else {
            text.append(String.format(Locale.ROOT, "η = %s exceeds %s η ≤ %s (%s): convergence is not guaranteed.",
                    number(eta), condition, number(uniform), setting));
            text.append(String.format(Locale.ROOT, " The per-eigenvalue condition %s fails for eigenvalue%s %s; "
                    + "no %s iteration bounds are given there.", perturbed ? "(14′) with ‖Φ‖₂ = |λ|" : "(20′)",
                    failing.size() == 1 ? "" : "s", list(failing), perturbed ? "conjectured" : "rigorous"));
        }
        if (!diverging.isEmpty()) {
            text.append(String.format(Locale.ROOT, " η is beyond the divergence threshold of Lemma B.1′ for "
                    + "eigenvalue%s %s (η > %s): gradient descent does not converge to %s limit.",
                    diverging.size() == 1 ? "" : "s", list(diverging), number(smallestThreshold),
                    diverging.size() == 1 ? "its" : "their"));
        }
        if (!Double.isNaN(plateauLimit) && eta > plateauLimit) {
            text.append(String.format(Locale.ROOT, " Certified plateaus need η ≤ 1/((2N−1)λ₁^{(2N−2)/N}) = %s "
                    + "(Theorem 3.5′).", number(plateauLimit)));
        }
        saddle.ifPresent(escape -> text.append(String.format(Locale.ROOT, " These limits are those of exact arithmetic "
                + "(spectral solver): with floating-point descent (matrix solver) the identical start's limit is a "
                + "strict saddle, left at an estimated %s, after which λ_%d is recovered%s (docs/theory.md §2.3).",
                escape.escapeText(config.horizon()), escape.negativeIndex(),
                escape.ownChannel() ? "" : " in place of λ_" + escape.positiveIndex())));
        return new StepSizeVerdict(eta, condition, uniform, failing, diverging, plateauLimit, text.toString());
    }

    /** The per-eigenvalue admissible η shown in the {@code eta_max} column. */
    static double perEigenvalueLimit(PredictConfig config, double lambda) {
        if (config.init() == Initialization.PERTURBED && config.depth() >= 2) {
            return StepSizeBounds.perturbed(Math.abs(lambda), config.alpha(), config.beta().getAsDouble(),
                    config.depth());
        }
        return StepSizeBounds.perEigenvalue(lambda, config.perturbedStart(), config.depth());
    }

    private static double smallestLimit(PredictConfig config, double[] eigenvalues) {
        double smallest = Double.POSITIVE_INFINITY;
        for (double lambda : eigenvalues) {
            smallest = Math.min(smallest, perEigenvalueLimit(config, lambda));
        }
        return smallest;
    }

    static double operatorNorm(double[] eigenvalues) {
        double norm = 0;
        for (double lambda : eigenvalues) {
            norm = Math.max(norm, Math.abs(lambda));
        }
        return norm;
    }

    private static String list(List<Integer> indices) {
        return indices.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
