package org.dmflab.core.train;

import org.dmflab.core.loss.LossKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.MemoryBudget;
import org.dmflab.core.model.Observations;
import org.dmflab.core.Progress;
import org.dmflab.core.model.SensingData;
import org.dmflab.core.linalg.Spectra;
import org.dmflab.core.linalg.SymmetricEigen;
import org.dmflab.core.linalg.Symmetry;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.dynamics.DeterminantSign;
import org.dmflab.core.dynamics.Perturbed;
import org.dmflab.core.dynamics.Start;
import org.dmflab.core.model.PlateauLevels;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.dmflab.core.model.TraceShape;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.theory.PlateauBounds;
import org.dmflab.core.theory.PlateauCertificate;
import org.dmflab.core.theory.StepSizeBounds;
import org.dmflab.core.theory.StepSizeVerdict;
import org.ejml.data.DMatrixRMaj;
import org.dmflab.core.theory.RankStopRule;

/**
 * Entry point of the Deep Factorization Trainer: {@link #plan} checks the settings against the target (the one place
 * for these checks, usable at configure time), chooses the solver and collects warnings; the plan then runs.
 */
public final class Trainer {
    private Trainer() {
    }

    /**
     * Validates {@code config} against the target and the optional sensing data and chooses the solver.
     *
     * @throws InvalidInputException naming the setting when they do not fit together
     */
    public static TrainingPlan plan(TrainConfig config, DMatrixRMaj target, Optional<SensingData> sensing) {
        return plan(config, target, sensing, Progress.NONE);
    }

    /**
     * As {@link #plan(TrainConfig, DMatrixRMaj, Optional)}, reporting the target's eigendecomposition (seconds to
     * minutes for n in the thousands) to {@code progress}.
     */
    public static TrainingPlan plan(TrainConfig config, DMatrixRMaj target, Optional<SensingData> sensing,
                                    Progress progress) {
        if (config.loss() == LossKind.COMPLETION) {
            throw new InvalidInputException(TrainSettings.LOSS, "loss=completion trains on observed entries: give the "
                    + "observations table (row, column, value) as well, or use loss=full");
        }
        return plan(config, target, true, sensing, Optional.empty(), progress);
    }

    /**
     * Validates a matrix-completion run (loss=completion, docs/theory.md §8.3) and chooses the solver (always matrix).
     *
     * @param observations the observed entries; their shape is the shape of W
     * @param fullTarget   the full target Φ when known (its shape must be the observations' shape): the trace then has
     *                     the error on the unobserved entries and the relative error; empty leaves them empty
     * @throws InvalidInputException naming the setting when they do not fit together
     */
    public static TrainingPlan planCompletion(TrainConfig config, Observations observations,
                                              Optional<DMatrixRMaj> fullTarget) {
        if (config.loss() != LossKind.COMPLETION) {
            throw new InvalidInputException(TrainSettings.LOSS, "observed entries are trained with loss=completion, "
                    + "but loss=" + config.loss().key() + "; set loss=completion");
        }
        int m = observations.rows();
        int n = observations.cols();
        requireMemory(config, m, n, false, "shape");
        if (fullTarget.isPresent() && (fullTarget.get().numRows != m || fullTarget.get().numCols != n)) {
            throw new InvalidInputException("target", "is " + fullTarget.get().numRows + "×" + fullTarget.get().numCols
                    + " but the observations are of a " + m + "×" + n + " matrix; give the target they were taken from");
        }
        return plan(config, fullTarget.orElseGet(() -> new DMatrixRMaj(m, n)), fullTarget.isPresent(),
                Optional.empty(), Optional.of(observations), Progress.NONE);
    }

    private static TrainingPlan plan(TrainConfig config, DMatrixRMaj target, boolean targetKnown,
                                     Optional<SensingData> sensing, Optional<Observations> observations,
                                     Progress progress) {
        int m = target.numRows;
        int n = target.numCols;
        if (m == 0 || n == 0) {
            throw new InvalidInputException("target", "is empty; give a matrix with at least one row and column");
        }
        for (double value : target.data) {
            if (!Double.isFinite(value)) {
                throw new InvalidInputException("target", "contains " + value + "; every entry must be finite");
            }
        }
        org.dmflab.core.model.Spectrum.requireSquarable(target.data, "target");
        List<String> warnings = new ArrayList<>();
        int width = config.width().orElse(n);
        if (config.width().isPresent() && config.depth() == 1) {
            warnings.add("width: depth 1 has no inner factors, so width=" + width + " has no effect");
            width = n;
        }
        if (config.determinant() != DeterminantSign.ANY && (m != n || width < n)) {
            throw new InvalidInputException(TrainSettings.DETERMINANT, "determinant=" + config.determinant().key()
                    + " conditions on the sign of det W(0), which needs a square product of full possible rank, but "
                    + (m != n ? "the target is " + m + "×" + n : "width=" + width + " < n = " + n + " makes det W(0) = 0")
                    + "; use determinant=any");
        }
        if (config.loss() == LossKind.SENSING) {
            SensingData data = sensing.orElseThrow(() -> new InvalidInputException(TrainSettings.LOSS,
                    "loss=sensing needs the matrix-sensing measurements (generate them with measurements=COUNT); "
                            + "provide them or use loss=full"));
            if (data.rows() != m || data.cols() != n) {
                throw new InvalidInputException(TrainSettings.LOSS, "the measurements are for a " + data.rows() + "×"
                        + data.cols() + " target but the target is " + m + "×" + n + "; use the measurements "
                        + "generated with this target");
            }
        } else if (sensing.isPresent()) {
            warnings.add("loss: the measurements are ignored with loss=full (set loss=sensing to train on them)");
        }
        // an unknown target (completion without it) is all zeros: no eigenvectors to measure along
        boolean symmetric = targetKnown && Symmetry.isSymmetric(target);
        long heldBytes = requireMemory(config, m, n, symmetric, "target");

        DMatrixRMaj phi = target.copy();
        Optional<SymmetricEigen> eigen = Optional.empty();
        if (symmetric) {
            Symmetry.symmetrizeInPlace(phi);
            progress.report(0, "eigendecomposition of the " + n + "×" + n + " target");
            eigen = Optional.of(SymmetricEigen.of(phi));
            progress.checkCanceled();
        }
        String targetObstacle = !symmetric ? "the " + m + "×" + n + " target, which is not symmetric"
                : width != n ? "width=" + width + " (the target's size is " + n + ")" : null;
        Optional<String> obstacle = TrainConfig.decoupledObstacle(config.init(), config.loss(), targetObstacle);
        SolverKind solver = config.solver();
        if (solver == SolverKind.AUTO) {
            solver = obstacle.isEmpty() ? SolverKind.SPECTRAL : SolverKind.MATRIX;
        } else if (solver != SolverKind.MATRIX && obstacle.isPresent()) {
            throw TrainConfig.notExact(solver, obstacle.get());
        }

        double operatorNorm = targetKnown
                ? eigen.map(e -> Math.max(Math.abs(e.values()[0]), Math.abs(e.values()[n - 1])))
                .orElseGet(() -> Spectra.singularValues(target)[0])
                : estimatedNorm(observations.orElseThrow());
        double admissible = admissibleStep(config, operatorNorm, m, n, width);
        if (obstacle.isEmpty()) {
            // gradient descent decouples into one recursion per eigenvalue: the predictor's verdict applies exactly
            stepVerdict(config, eigen.orElseThrow().values()).warning().ifPresent(warnings::add);
        } else if (config.step() > admissible && config.loss() == LossKind.FULL) {
            warnings.add(String.format(Locale.ROOT, "step: η = %s exceeds the admissible step size %.6g of %s for "
                            + "these settings; the run may oscillate or diverge (choose step ≤ %.6g)", config.step(),
                    admissible, config.dynamics().start().stepBoundName(config.depth()), admissible));
        }
        Optional<RankStopRule> stopRule = config.stopAt().active()
                ? Optional.of(stopRule(config, phi, eigen, obstacle, observations, warnings)) : Optional.empty();
        if (stopRule.filter(rule -> !rule.certified()).isPresent()) {
            heldBytes = requireObservedStopFits(config, m, n, heldBytes);
        }
        TrainingProblem problem = new TrainingProblem(config, phi, targetKnown, eigen,
                config.loss() == LossKind.SENSING ? sensing : Optional.empty(), observations, width);
        return new TrainingPlan(problem, solver, warnings, admissible, operatorNorm, stopRule, heldBytes);
    }

    /**
     * The rule of {@code stop-at=rank:R} (docs/theory.md §7.5): certified where the run decouples from an identity start
     * and rank R has a certified interval; otherwise observed, on the levels of the data trained on — the eigenvalues
     * of a symmetric target (levels by the start, {@link PlateauLevels}), the singular values of any other target, or
     * for completion those of the observed entries filled with zeros and scaled by m·n/M (the data itself when every
     * entry is observed). A decoupled run whose rank has no certificate falls back with a warning saying why.
     */
    private static RankStopRule stopRule(TrainConfig config, DMatrixRMaj phi, Optional<SymmetricEigen> eigen,
                                         Optional<String> obstacle, Optional<Observations> observations,
                                         List<String> warnings) {
        int rank = config.stopAt().rank();
        String fallback;
        if (obstacle.isEmpty() && config.init() == Initialization.IDENTITY) {
            List<PlateauCertificate> certificates = PlateauBounds.predict(eigen.orElseThrow().values(),
                    config.depth(), config.alpha(), config.step(), Initialization.IDENTITY,
                    PlateauBounds.Accuracies.fixed(RankStopRule.EPSILON, RankStopRule.DELTA));
            if (rank <= certificates.size() && certificates.get(rank - 1).certified()) {
                return RankStopRule.certified(certificates.get(rank - 1));
            }
            fallback = rank <= certificates.size() ? "rank " + rank + " has no certified interval: "
                    + certificates.get(rank - 1).reason() : "";
        } else {
            fallback = "no certificate with " + obstacle.orElse("init=" + config.init().key())
                    + " (the theorem needs a symmetric target, an identity start and the full loss)";
        }
        PlateauLevels levels;
        int size;
        if (eigen.isPresent() && observations.isEmpty()) {
            levels = PlateauLevels.of(eigen.get().values(), config.init());
            size = eigen.get().values().length;
        } else {
            DMatrixRMaj data = observations.map(Trainer::scaledObservations).orElse(phi);
            levels = PlateauLevels.of(new Spectrum(Spectra.singularValues(data), SpectrumKind.SINGULAR_VALUE),
                    config.init());
            size = Math.min(data.numRows, data.numCols);
        }
        RankStopRule rule = RankStopRule.observed(levels, rank, size, fallback);
        if (obstacle.isEmpty() && config.init() == Initialization.IDENTITY) {
            warnings.add("stop-at: " + fallback + "; the run stops by the observed rule instead");
        }
        return rule;
    }

    /**
     * The step-size verdict of the Theoretical Bound Predictor for a run that decouples (symmetric target, identical or
     * perturbed start, full loss): the trainer warns exactly when the predictor does.
     */
    public static StepSizeVerdict stepVerdict(TrainConfig config, double[] eigenvalues) {
        return StepSizeVerdict.of(config.dynamics(), eigenvalues);
    }

    /**
     * ‖Φ‖₂ estimated from the observed entries alone: the norm of the zero-filled observations scaled by m·n/M, which is
     * Φ in expectation under uniform sampling.
     */
    private static double estimatedNorm(Observations observations) {
        return Spectra.singularValues(scaledObservations(observations))[0];
    }

    /** The observed entries filled with zeros elsewhere and scaled by m·n/M: Φ in expectation under uniform sampling. */
    private static DMatrixRMaj scaledObservations(Observations observations) {
        DMatrixRMaj filled = new DMatrixRMaj(observations.rows(), observations.cols());
        int[] rows = observations.row();
        int[] cols = observations.column();
        double[] values = observations.values();
        double scale = (double) filled.getNumElements() / values.length;
        for (int k = 0; k < values.length; k++) {
            filled.unsafe_set(rows[k], cols[k], scale * values[k]);
        }
        return filled;
    }

    /**
     * Refuses a training problem that cannot fit in memory from its shape alone, before anything of its size is
     * allocated (the target, the factors, an eigendecomposition): the factors with their products and workspaces,
     * 8·(2N + 6)·max(m, n, width)² bytes, the trace ({@link #requireTraceFits}) and, when the shape alone shows that
     * {@code stop-at=rank:R} will stop by the observed rule, the iterate that rule keeps ({@link
     * #requireObservedStopFits}; {@link #plan} checks it again once the rule is chosen). {@link #plan} calls it; so do
     * callers that know the shape before the data (the command line's {@code --shape}, a KNIME table's size), so a
     * problem far too large is refused at once instead of after reading it.
     *
     * @param symmetric whether the target is (or may be) symmetric: its trace then has n eigenvalue columns
     * @param shapeKey  what to blame when the shape itself is too large, e.g. {@code "target"} or {@code "shape"}
     * @return the bytes every run of this shape holds: its factors with their products and workspaces, and its trace
     */
    public static long requireMemory(TrainConfig config, long m, long n, boolean symmetric, String shapeKey) {
        long held = requireRunFits(config, m, n, symmetric, shapeKey);
        boolean mayBeCertified = config.init() == Initialization.IDENTITY && m == n && width(config, n) == n
                && TrainConfig.decoupledObstacle(config.init(), config.loss(), null).isEmpty();
        if (config.stopAt().active() && !mayBeCertified) {
            requireObservedStopFits(config, m, n, held);
        }
        return held;
    }

    /**
     * The factors with their products and workspaces and the trace ({@link #requireTraceFits}): refused when they
     * cannot fit, else their bytes, which every run holds.
     */
    static long requireRunFits(TrainConfig config, long m, long n, boolean symmetric, String shapeKey) {
        long width = width(config, n);
        long largest = Math.max(Math.max(m, n), width);
        String key = width > Math.max(m, n) ? TrainSettings.WIDTH : shapeKey;
        MemoryBudget.requireArray(key, largest, largest);
        long factorBytes = 8L * (2L * config.depth() + 6) * largest * largest;
        MemoryBudget.require(key, factorBytes, "training a " + m + "×" + n + " matrix with " + config.depth()
                + " factors of up to " + largest + "×" + largest + " (with their products and workspaces)");
        return requireTraceFits(config, TraceShape.ofRun((int) Math.min(m, Integer.MAX_VALUE), (int) Math.min(n,
                Integer.MAX_VALUE), symmetric, config.loss(), true), factorBytes);
    }

    /**
     * Refuses a record schedule whose trace cannot fit in memory, before the run: rows × columns of the trace, as the
     * run holds it twice (while recording and as the table that is written), next to the factors.
     *
     * @return the bytes of the trace and the factors
     */
    static long requireTraceFits(TrainConfig config, TraceShape shape, long factorBytes) {
        long rows = TraceSize.rows(config.record(), config.iterations());
        int columns = Schemas.trace(shape).size();
        long bytes = TraceSize.bytes(rows, columns);
        long total = bytes < 0 ? -1 : bytes + factorBytes;
        MemoryBudget.require(TrainSettings.RECORD, total, String.format(Locale.ROOT,
                "record=%s records %d rows of %d columns over %d iterations; the trace", config.record().text(), rows,
                columns, config.iterations()), "record fewer points (e.g. --record log:400, or every:K with a larger "
                + "K) or give Java more memory (-Xmx)");
        return total;
    }

    /**
     * Refuses a run whose observed {@code stop-at=rank:R} rule ({@link ObservedStop}) cannot keep its iterate next to
     * the {@code held} bytes of the run: a copy of the product W and of its factors.
     *
     * @return the bytes the run then holds: {@code held} and the kept copy
     */
    static long requireObservedStopFits(TrainConfig config, long m, long n, long held) {
        long kept = iterateBytes(config.depth(), m, n, width(config, n), true);
        MemoryBudget.require(TrainSettings.STOP_AT, held + kept, String.format(Locale.ROOT, "stop-at=%s keeps a "
                + "copy of the %d×%d product W and its %s at the recorded iterate nearest the level (%s), so the run "
                + "with its factors and trace", config.stopAt().text(), m, n, config.depth() == 1 ? "factor"
                : config.depth() + " factors", MemoryBudget.human(kept)), "use stop-at=none or give Java more memory ("
                + MemoryBudget.maxHeapFor(held + kept) + ")");
        return held + kept;
    }

    /**
     * Bytes of one kept copy of a recorded iterate: the m×n product W and, with {@code factors}, its N factors (W₁ is
     * width×n, W_N is m×width, the others width×width; at depth 1, W₁ = W is m×n).
     */
    static long iterateBytes(int depth, long m, long n, long width, boolean factors) {
        long factorEntries = depth == 1 ? m * n : width * n + m * width + (depth - 2L) * width * width;
        return 8L * (m * n + (factors ? factorEntries : 0));
    }

    /** The inner width of a run on an m×n target: n at depth 1, else the width setting (default n). */
    private static long width(TrainConfig config, long n) {
        return config.depth() == 1 ? n : config.width().orElse((int) Math.min(n, Integer.MAX_VALUE));
    }

    /**
     * The admissible step size: (14′) for a perturbed start of depth N ≥ 2, otherwise (10′) with the start's scale
     * ({@link Start#stepScale}: α for an identity start, β for a perturbed one of depth 1, the typical operator norm
     * of the largest initial factor for a Gaussian start, a heuristic; docs/theory.md has no bound for random starts).
     */
    static double admissibleStep(TrainConfig config, double operatorNorm, int m, int n, int width) {
        int depth = config.depth();
        Start start = config.dynamics().start();
        if (start instanceof Perturbed perturbed && perturbed.hasOwnStepBound(depth)) {
            return StepSizeBounds.perturbed(operatorNorm, perturbed.alpha(), perturbed.beta(), depth);
        }
        return StepSizeBounds.uniform(operatorNorm, start.stepScale(depth, m, n, width), depth);
    }
}
