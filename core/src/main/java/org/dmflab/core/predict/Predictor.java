package org.dmflab.core.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Optional;
import org.dmflab.core.model.PlateauLevels;
import org.dmflab.core.Progress;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.dmflab.core.model.Accuracy;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.theory.FlowTime;
import org.dmflab.core.theory.HittingRegime;
import org.dmflab.core.theory.HittingTimeBounds;
import org.dmflab.core.theory.PerturbedFlow;
import org.dmflab.core.theory.PlateauBounds;
import org.dmflab.core.theory.PlateauCertificate;
import org.dmflab.core.theory.RecursionCounts;
import org.dmflab.core.theory.Saturating;
import org.dmflab.core.theory.ScalarRecursion;
import org.dmflab.core.theory.SmallAlphaEstimate;
import org.dmflab.core.theory.StepSizeVerdict;

/**
 * The Theoretical Bound Predictor (docs/theory.md, all of it): from a spectrum and the training settings, what gradient
 * descent will do before it runs — the step-size verdict, per eigenvalue the limit, the admissible η, the exact
 * iteration count from the decoupled recursion, the rigorous bracket, flow and small-α estimates and the phase
 * transition, and the certified effective-rank plateaus. Cost: the recursions, at most {@code horizon} cheap steps per
 * eigenvalue (twice for a perturbed start and λ &lt; 0); everything else is closed-form or a 1-D quadrature.
 */
public final class Predictor {
    private Predictor() {
    }

    /**
     * Predicts for the spectrum of a symmetric target (eigenvalues, descending). A singular-value spectrum is accepted
     * as the eigenvalues of a symmetric PSD target, and a note says so: the theory is for symmetric targets only.
     */
    public static Prediction predict(PredictConfig config, Spectrum spectrum, Progress progress) {
        double[] eigenvalues = SpectrumSource.requireUsable(spectrum, "spectrum");
        List<String> notes = new ArrayList<>();
        if (spectrum.kind() == SpectrumKind.SINGULAR_VALUE) {
            notes.add("The spectrum lists singular values: they are treated as the eigenvalues of a symmetric positive "
                    + "semidefinite target with the same values (docs/theory.md §2 covers symmetric targets only); gradient "
                    + "descent on a non-symmetric matrix does not decouple and need not follow these predictions.");
        }
        double norm = StepSizeVerdict.operatorNorm(eigenvalues);
        double zero = PlateauLevels.zeroThreshold(eigenvalues);
        List<EigenvalueBounds> rows = new ArrayList<>(eigenvalues.length);
        List<Integer> zeros = new ArrayList<>();
        for (int i = 0; i < eigenvalues.length; i++) {
            progress.checkCanceled();
            if (Math.abs(eigenvalues[i]) <= zero) {
                zeros.add(i + 1);
                continue;
            }
            progress.report((double) i / eigenvalues.length,
                    "eigenvalue " + (i + 1) + " of " + eigenvalues.length);
            rows.add(eigenvalue(config, i + 1, eigenvalues[i], norm, notes,
                    slice(progress, (double) i / eigenvalues.length, 1.0 / eigenvalues.length, i + 1)));
        }
        if (!zeros.isEmpty()) {
            notes.add(String.format(Locale.ROOT, "%d eigenvalue%s with |λ| ≤ %.3g = 10·u·n·‖Φ‖₂ (%s) %s numerical "
                    + "zero%s (docs/theory.md §7.3): nothing to learn, no bounds row.", zeros.size(),
                    zeros.size() == 1 ? "" : "s", zero, ranges(zeros), zeros.size() == 1 ? "is a" : "are",
                    zeros.size() == 1 ? "" : "s"));
        }
        progress.report(1, "saddle");
        Optional<SaddleEscape> saddle = SaddleEscape.of(config, eigenvalues, progress);
        saddle.ifPresent(escape -> notes.add(escape.sentence(config.horizon())));
        progress.report(1, "plateaus");
        PlateauBounds.Accuracies accuracies = config.targetAccuracy().isPresent()
                ? PlateauBounds.Accuracies.target(config.targetAccuracy().getAsDouble())
                : PlateauBounds.Accuracies.fixed(config.epsilon(), config.delta());
        List<PlateauCertificate> plateaus = PlateauBounds.predict(eigenvalues, config.depth(), config.alpha(), config.step(),
                config.init(), accuracies);
        return new Prediction(config, verdict(config, eigenvalues, saddle), rows,
                saddle.map(escape -> escape.annotate(plateaus, config.horizon())).orElse(plateaus), saddle, notes);
    }

    /**
     * The step-size verdict of the run; with a strict saddle ({@link SaddleEscape}) the convergence it states holds in
     * exact arithmetic, and the verdict says until when it holds for floating-point descent.
     */
    private static StepSizeVerdict verdict(PredictConfig config, double[] eigenvalues, Optional<SaddleEscape> saddle) {
        StepSizeVerdict verdict = StepSizeVerdict.of(config.dynamics(), eigenvalues);
        // plain words for the node's flow variable; the strict saddle is docs/theory.md §2.3
        return saddle.map(escape -> verdict.withMessage(verdict.message() + String.format(Locale.ROOT, " These "
                + "limits hold in exact arithmetic (spectral solver): with floating-point gradient descent (matrix "
                + "solver) the identical start's limit is a strict saddle point that the run leaves at an estimated "
                + "%s, after which eigenvalue %d is recovered%s.", escape.escapeText(config.horizon()),
                escape.negativeIndex(), escape.ownChannel() ? "" : " in place of eigenvalue "
                        + escape.positiveIndex()))).orElse(verdict);
    }

    private static EigenvalueBounds eigenvalue(PredictConfig config, int index, double lambda, double norm,
                                               List<String> notes, Progress progress) {
        int n = config.depth();
        double eta = config.step();
        double alpha = config.alpha();
        double start = config.perturbedStart();
        boolean perturbed = config.init() == Initialization.PERTURBED && n >= 2;
        double limit = ScalarRecursion.limit(lambda, config.init(), n);
        double tolerance = Accuracy.tolerance(lambda, config.epsilon(), norm);
        double etaMax = StepSizeVerdict.perEigenvalueLimit(config.dynamics(), lambda);
        boolean admissible = eta <= etaMax * (1 + 1e-12);

        RecursionCounts.Outcome exact = RecursionCounts.firstWithin(n, lambda, alpha, start, eta, limit, tolerance,
                config.horizon(), progress);
        OptionalLong exactCount = exact.reached() ? OptionalLong.of(exact.iteration()) : OptionalLong.empty();
        note(notes, index, lambda, "k_exact", exact, config.horizon());

        String regime;
        OptionalLong lower = OptionalLong.empty();
        OptionalLong upper = OptionalLong.empty();
        OptionalDouble flow = OptionalDouble.empty();
        OptionalDouble asymptotic = OptionalDouble.empty();
        OptionalLong signChange = OptionalLong.empty();
        OptionalLong signChangeBound = OptionalLong.empty();
        OptionalDouble signChangeFlow = OptionalDouble.empty();
        if (n == 1) {
            regime = HittingRegime.DEPTH_ONE.label() + (config.init() == Initialization.PERTURBED ? ", from β" : "");
            if (eta < 2) {
                long count = HittingTimeBounds.depthOne(lambda, start, eta, tolerance);
                lower = OptionalLong.of(count);
                upper = OptionalLong.of(count);
            } else {
                regime += "; η ≥ 2: no convergence (Lemma B.1′)";
            }
            flow = OptionalDouble.of(Math.max(0, Math.log(Math.abs(start - lambda) / tolerance)) / eta);
        } else if (!perturbed) {
            regime = HittingRegime.of(n, lambda, alpha, tolerance).label();
            if (admissible) {
                upper = OptionalLong.of(HittingTimeBounds.upper(n, lambda, alpha, eta, tolerance));
                lower = HittingTimeBounds.lower(n, lambda, alpha, eta, tolerance);
            } else {
                regime += "; η above (20′): no rigorous bound";
            }
            flow = OptionalDouble.of(identicalFlowTime(n, lambda, alpha, tolerance) / eta);
            asymptotic = SmallAlphaEstimate.iterations(n, lambda, alpha, eta, tolerance);
        } else {
            double beta = config.beta().getAsDouble();
            double gammaSquared = alpha * alpha - beta * beta;
            if (lambda > 0) {
                regime = "perturbed, λ > 0: (15′) T_N(λ, β, η, ε) [CONJ]; "
                        + HittingRegime.of(n, lambda, beta, tolerance).label();
                if (admissible) {
                    upper = OptionalLong.of(HittingTimeBounds.upper(n, lambda, beta, eta, tolerance));
                } else {
                    regime += "; η above (14′): no conjectured bound";
                }
                flow = OptionalDouble.of(PerturbedFlow.accuracyTime(n, lambda, gammaSquared, beta, tolerance) / eta);
            } else if (lambda < 0) {
                regime = "perturbed, λ < 0: phase transition (46), then mirrored dynamics (53); (16′)";
                RecursionCounts.Outcome sign = RecursionCounts.signChange(n, lambda, alpha, beta, eta,
                        config.horizon(), progress);
                signChange = sign.reached() ? OptionalLong.of(sign.iteration()) : OptionalLong.empty();
                note(notes, index, lambda, "k_sign_change", sign, config.horizon());
                signChangeBound = PerturbedFlow.signChangeBound(n, lambda, alpha, beta, eta);
                double signTime = PerturbedFlow.signChangeTime(n, lambda, alpha, beta);
                signChangeFlow = OptionalDouble.of(signTime / eta);
                flow = OptionalDouble.of((signTime
                        + PerturbedFlow.accuracyTime(n, Math.abs(lambda), gammaSquared, 0, tolerance)) / eta);
            } else {
                regime = "perturbed, λ = 0: decay to 0; no bound in docs/theory.md";
                flow = OptionalDouble.of(PerturbedFlow.accuracyTime(n, 0, gammaSquared, beta, tolerance) / eta);
            }
        }
        // counts beyond what a long holds (astronomically small α or η) are reported as empty, not as 2⁶³ − 1
        return new EigenvalueBounds(index, lambda, limit, regime, etaMax, exactCount, finite(lower), finite(upper),
                finite(flow), finite(asymptotic), signChange, finite(signChangeBound), finite(signChangeFlow));
    }

    /** "3, 5–30": 1-based indices with consecutive runs joined. */
    private static String ranges(List<Integer> indices) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < indices.size(); i++) {
            int first = indices.get(i);
            int last = first;
            while (i + 1 < indices.size() && indices.get(i + 1) == last + 1) {
                last = indices.get(++i);
            }
            text.append(text.length() == 0 ? "" : ", ").append(first == last ? "λ_" + first : "λ_" + first + "…λ_" + last);
        }
        return text.toString();
    }

    private static OptionalLong finite(OptionalLong count) {
        return count.isPresent() && count.getAsLong() == Long.MAX_VALUE ? OptionalLong.empty() : count;
    }

    private static OptionalDouble finite(OptionalDouble value) {
        return value.isPresent() && !(Math.abs(value.getAsDouble()) < Saturating.LIMIT) ? OptionalDouble.empty() : value;
    }

    /** Progress of eigenvalue {@code index}'s recursions, mapped into its share [offset, offset + width] of the run. */
    private static Progress slice(Progress progress, double offset, double width, int index) {
        return new Progress() {
            @Override
            public void report(double fraction, String message) {
                progress.report(offset + width * Math.min(1, fraction), "eigenvalue " + index + ": " + message);
            }

            @Override
            public void checkCanceled() {
                progress.checkCanceled();
            }
        };
    }

    /**
     * Flow time (22′)/(29′) from α until x^N is within the absolute tolerance of λ₊ (identical start, N ≥ 2): to
     * (λ − ε)^{1/N} from below, (λ + ε)^{1/N} from above, ε^{1/N} for λ ≤ 0; 0 if the start is already within.
     */
    static double identicalFlowTime(int depth, double lambda, double alpha, double tolerance) {
        double start = ScalarRecursion.power(alpha, depth);
        double limit = Math.max(lambda, 0);
        if (Math.abs(start - limit) <= tolerance) {
            return 0;
        }
        double target = start < limit ? limit - tolerance : limit + tolerance;
        return FlowTime.time(depth, lambda, alpha, Math.pow(target, 1.0 / depth));
    }

    private static void note(List<String> notes, int index, double lambda, String column,
                             RecursionCounts.Outcome outcome, long horizon) {
        if (outcome.status() == RecursionCounts.Status.HORIZON) {
            notes.add(String.format(Locale.ROOT, "%s of eigenvalue %d (λ = %.6g) is empty: not reached within the "
                    + "horizon of %d iterations (raise horizon, or read k_flow/k_upper).", column, index, lambda,
                    horizon));
        } else if (outcome.status() == RecursionCounts.Status.DIVERGED) {
            notes.add(String.format(Locale.ROOT, "%s of eigenvalue %d (λ = %.6g) is empty: the recursion overflows at "
                    + "iteration %d, gradient descent diverges with this step size.", column, index, lambda,
                    outcome.iteration()));
        }
    }
}
