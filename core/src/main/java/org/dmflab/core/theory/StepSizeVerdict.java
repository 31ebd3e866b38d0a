package org.dmflab.core.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.dynamics.RunDynamics;

/**
 * What the theory says about the configured step size η (docs/theory.md §3, §6.4, §7.3): the uniform condition — (10′) for
 * identical starts, (14′) (a conjecture) for perturbed ones, η ≤ 1 for N = 1 — the eigenvalues whose own condition
 * ((20′), or (14′) with ‖Φ‖ = |λ|) fails, those beyond the divergence threshold of Lemma B.1′, and the condition of
 * Theorem 3.5′ for certified plateaus. {@link #message()} is the one-paragraph verdict; {@link #standing()} its
 * category and {@link #warning()} the warning the trainer and the predictor alike show when the category is one that
 * something is wrong with: they share this one verdict, so they cannot contradict each other.
 *
 * @param eta                   the configured η
 * @param condition             which uniform condition applies, e.g. "(10′)"
 * @param uniformLimit          its largest admissible η
 * @param failingEigenvalues    1-based indices whose per-eigenvalue condition fails
 * @param divergingEigenvalues  1-based indices for which η exceeds the divergence threshold of Lemma B.1′
 * @param plateauLimit          the condition of Theorem 3.5′, NaN where it does not apply
 * @param smallestEigenvalueLimit the smallest per-eigenvalue admissible η: the step size that satisfies them all
 * @param message               the verdict in words
 */
public record StepSizeVerdict(double eta, String condition, double uniformLimit, List<Integer> failingEigenvalues,
                              List<Integer> divergingEigenvalues, double plateauLimit, double smallestEigenvalueLimit,
                              String message) {
    public StepSizeVerdict {
        Objects.requireNonNull(condition, "condition");
        failingEigenvalues = List.copyOf(failingEigenvalues);
        divergingEigenvalues = List.copyOf(divergingEigenvalues);
        Objects.requireNonNull(message, "message");
    }

    /** What the step size means for the run, from best to worst; the key is what users test in a workflow. */
    public enum Standing {
        /** η satisfies the uniform condition: every eigenvalue converges (monotonically for an identical start). */
        UNIFORM("uniform"),
        /** η exceeds the uniform condition but satisfies every eigenvalue's own condition: the same conclusion. */
        EVERY_EIGENVALUE("every-eigenvalue"),
        /** Some eigenvalue's own condition fails: convergence is not guaranteed for it. */
        NOT_GUARANTEED("not-guaranteed"),
        /** η is beyond the divergence threshold of some eigenvalue: it cannot converge to its limit. */
        DIVERGES("diverges");

        private final String key;

        Standing(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** Whether the step size is fine for these settings: every eigenvalue converges (or, perturbed, is expected to). */
        public boolean converges() {
            return this == UNIFORM || this == EVERY_EIGENVALUE;
        }
    }

    /** Whether η satisfies the uniform condition. */
    public boolean withinUniformCondition() {
        return eta <= uniformLimit;
    }

    /** The verdict's category (the worst that applies). */
    public Standing standing() {
        if (!divergingEigenvalues.isEmpty()) {
            return Standing.DIVERGES;
        }
        if (!failingEigenvalues.isEmpty()) {
            return Standing.NOT_GUARANTEED;
        }
        return withinUniformCondition() ? Standing.UNIFORM : Standing.EVERY_EIGENVALUE;
    }

    /**
     * The warning to show for these settings, in plain words with the step size to choose instead; empty when the step
     * size is fine ({@link Standing#converges()}): exceeding the uniform condition alone is no reason to warn, because
     * the per-eigenvalue conditions then still hold.
     */
    public Optional<String> warning() {
        Standing standing = standing();
        if (standing.converges()) {
            return Optional.empty();
        }
        List<Integer> affected = standing == Standing.DIVERGES ? divergingEigenvalues : failingEigenvalues;
        String which = (affected.size() == 1 ? "eigenvalue " : "eigenvalues ") + list(affected);
        return Optional.of(String.format(Locale.ROOT, standing == Standing.DIVERGES
                ? "step: η = %s is too large for %s of the target: gradient descent cannot converge there "
                + "(it oscillates or diverges); choose step ≤ %s"
                : "step: η = %s is too large for %s of the target: convergence is not guaranteed (it may overshoot "
                + "or oscillate); choose step ≤ %s", number(eta), which, number(smallestEigenvalueLimit)));
    }

    /** The verdict for a run's dynamics (identity or perturbed start) and the target's eigenvalues (descending). */
    public static StepSizeVerdict of(RunDynamics dynamics, double[] eigenvalues) {
        return of(dynamics.depth(), dynamics.step(), dynamics.init(), dynamics.alpha(), dynamics.beta(), eigenvalues);
    }

    /** The same verdict with {@code text} as its message (the predictor adds what a strict saddle changes). */
    public StepSizeVerdict withMessage(String text) {
        return new StepSizeVerdict(eta, condition, uniformLimit, failingEigenvalues, divergingEigenvalues,
                plateauLimit, smallestEigenvalueLimit, text);
    }

    /**
     * Computes the verdict for gradient descent from an identical or perturbed start on a symmetric target with these
     * eigenvalues (descending): the settings the trainer runs with, before any prediction is asked for.
     *
     * @param beta the perturbed factor β, present exactly for a perturbed start
     */
    public static StepSizeVerdict of(int depth, double step, Initialization init, double alpha, OptionalDouble beta,
                                     double[] eigenvalues) {
        int n = depth;
        double eta = step;
        double norm = operatorNorm(eigenvalues);
        boolean perturbed = init == Initialization.PERTURBED;
        if (perturbed && beta.isEmpty()) {
            throw new IllegalArgumentException("a perturbed start needs β");
        }
        double start = beta.orElse(alpha);
        String condition;
        double uniform;
        if (n == 1) {
            condition = "the monotone condition of Lemma 2.2′ (N = 1)";
            uniform = 1;
        } else if (perturbed) {
            condition = "(14′)";
            uniform = StepSizeBounds.perturbed(norm, alpha, beta.getAsDouble(), n);
        } else {
            condition = "(10′)";
            uniform = StepSizeBounds.uniform(norm, alpha, n);
        }
        List<Integer> failing = new ArrayList<>();
        List<Integer> diverging = new ArrayList<>();
        double smallestThreshold = Double.POSITIVE_INFINITY;
        double smallestLimit = Double.POSITIVE_INFINITY;
        for (int i = 0; i < eigenvalues.length; i++) {
            double lambda = eigenvalues[i];
            double limit = perEigenvalueLimit(n, init, alpha, start, lambda);
            smallestLimit = Math.min(smallestLimit, limit);
            if (eta > limit) {
                failing.add(i + 1);
            }
            if (!perturbed || n == 1) {
                double threshold = StepSizeBounds.divergence(lambda, start, n);
                if (eta > threshold) {
                    diverging.add(i + 1);
                    smallestThreshold = Math.min(smallestThreshold, threshold);
                }
            }
        }
        double plateauLimit = !perturbed && n >= 2 && eigenvalues[0] > 0
                ? PlateauBounds.stepLimit(n, eigenvalues[0]) : Double.NaN;

        String text = sentences(n, eta, perturbed, uniform, failing, diverging, smallestThreshold, smallestLimit,
                plateauLimit, String.format(Locale.ROOT, "N = %d, α = %s%s, largest |eigenvalue| %s", n,
                        number(alpha), perturbed ? ", β = " + number(beta.getAsDouble()) : "", number(norm)));
        return new StepSizeVerdict(eta, condition, uniform, failing, diverging, plateauLimit, smallestLimit, text);
    }

    /**
     * The verdict in plain words for a reader of a workflow or a terminal, without equation numbers (which conditions
     * these are is in {@link #condition()} and docs/theory.md §3, §6.4): the limit for all eigenvalues at once, each
     * eigenvalue's own limit, where descent cannot converge at all, and the limit for guaranteed plateaus.
     */
    private static String sentences(int n, double eta, boolean perturbed, double uniform, List<Integer> failing,
                                    List<Integer> diverging, double smallestThreshold, double smallestLimit,
                                    double plateauLimit, String setting) {
        StringBuilder text = new StringBuilder();
        if (eta <= uniform) {
            text.append(String.format(Locale.ROOT, "Step size η = %s is within the limit η ≤ %s that holds for all "
                    + "eigenvalues at once (%s): ", number(eta), number(uniform), setting));
            text.append(n == 1
                    ? "each eigenvalue approaches its target steadily, its distance shrinking by the factor 1 − η "
                    + "per step."
                    : perturbed
                    ? "every eigenvalue is expected to converge to its target (for a perturbed start this limit is "
                    + "a conjecture, checked numerically)."
                    : "every eigenvalue converges steadily to its limit.");
        } else if (failing.isEmpty()) {
            text.append(String.format(Locale.ROOT, "Step size η = %s is above the limit η ≤ %s that holds for all "
                    + "eigenvalues at once (%s), but within each eigenvalue's own limit (the smallest is η ≤ %s): ",
                    number(eta), number(uniform), setting, number(smallestLimit)));
            text.append(perturbed
                    ? "every eigenvalue is expected to converge to its target (a conjecture, checked numerically)."
                    : "every eigenvalue still converges steadily to its limit and all predicted iterations hold.");
        } else {
            text.append(String.format(Locale.ROOT, "Step size η = %s is above the limit η ≤ %s that holds for all "
                    + "eigenvalues at once (%s): convergence is not guaranteed.", number(eta), number(uniform),
                    setting));
            text.append(String.format(Locale.ROOT, " It is too large for eigenvalue%s %s (each eigenvalue's own "
                    + "limit: η ≤ %s for all of them); no %s iteration counts are given there.",
                    failing.size() == 1 ? "" : "s", list(failing), number(smallestLimit),
                    perturbed ? "expected" : "guaranteed"));
        }
        if (!diverging.isEmpty()) {
            text.append(String.format(Locale.ROOT, " For eigenvalue%s %s it is beyond the step size where gradient "
                    + "descent can converge at all (η > %s): it oscillates or diverges there.",
                    diverging.size() == 1 ? "" : "s", list(diverging), number(smallestThreshold)));
        }
        if (!Double.isNaN(plateauLimit) && eta > plateauLimit) {
            text.append(String.format(Locale.ROOT, " Guaranteed plateaus need η ≤ %s.", number(plateauLimit)));
        }
        return text.toString();
    }

    /** The per-eigenvalue admissible η shown in the predictor's {@code eta_max} column. */
    public static double perEigenvalueLimit(RunDynamics dynamics, double lambda) {
        return perEigenvalueLimit(dynamics.depth(), dynamics.init(), dynamics.alpha(),
                dynamics.beta().orElse(dynamics.alpha()), lambda);
    }

    /** As above; {@code start} is β for a perturbed start and α otherwise. */
    private static double perEigenvalueLimit(int depth, Initialization init, double alpha, double start,
                                             double lambda) {
        if (init == Initialization.PERTURBED && depth >= 2) {
            return StepSizeBounds.perturbed(Math.abs(lambda), alpha, start, depth);
        }
        return StepSizeBounds.perEigenvalue(lambda, start, depth);
    }

    public static double operatorNorm(double[] eigenvalues) {
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
