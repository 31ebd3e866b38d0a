package org.dmflab.core.train;

import org.dmflab.core.loss.LossKind;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import org.dmflab.core.Progress;
import org.dmflab.core.ProgressEstimate;
import org.dmflab.core.RunCanceledException;
import org.dmflab.core.RunFailedException;
import org.dmflab.core.model.Trace;
import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.model.TracePoint;
import org.dmflab.core.model.TraceShape;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.theory.RankStopRule;
import org.dmflab.core.theory.PlateauWatch;

/**
 * A validated training run, ready to start: the settings checked against the target, the solver chosen, the warnings
 * (e.g. a step size above the admissible bound) collected. Made by {@link Trainer#plan}; cheap to keep at configure
 * time. {@link #run} may be called any number of times and gives identical results each time.
 */
public final class TrainingPlan {
    /** A run has diverged when its loss exceeds both this many times the initial and the smallest loss so far. */
    static final double DIVERGENCE_FACTOR = 1e6;
    /** Aim for a cancel check every few milliseconds. */
    private static final long CHECK_INTERVAL_NANOS = 5_000_000L;
    /** Progress reports at most this often. */
    private static final long REPORT_INTERVAL_NANOS = 500_000_000L;
    /** The budget's duration is estimated once the loop has run this long ... */
    private static final long ESTIMATE_AFTER_NANOS = 1_000_000_000L;
    /** ... and announced when it exceeds this many seconds. */
    static final double ANNOUNCE_SECONDS = 600;

    private final TrainingProblem problem;
    private final SolverKind solver;
    private final List<String> warnings;
    private final double admissibleStep;
    private final double targetNorm;
    private final Optional<RankStopRule> stopRule;
    /** What the run holds in memory, as the plan's memory check counted it ({@link Trainer#requireMemory}). */
    private final long heldBytes;

    TrainingPlan(TrainingProblem problem, SolverKind solver, List<String> warnings, double admissibleStep,
                 double targetNorm, Optional<RankStopRule> stopRule, long heldBytes) {
        this.problem = problem;
        this.heldBytes = heldBytes;
        this.stopRule = stopRule;
        this.solver = solver;
        this.warnings = List.copyOf(warnings);
        this.admissibleStep = admissibleStep;
        this.targetNorm = targetNorm;
    }

    public TrainConfig config() {
        return problem.config();
    }

    /** The solver that will run (never auto). */
    public SolverKind solver() {
        return solver;
    }

    /** Things the user should know before running (each names its setting first), e.g. a step size above the bound. */
    public List<String> warnings() {
        return warnings;
    }

    /** The admissible step size for these settings ((10′), (14′), or the Gaussian heuristic). */
    public double admissibleStep() {
        return admissibleStep;
    }

    /** The rule of {@code stop-at=rank:R}, chosen before the run; empty for {@code stop-at=none}. */
    public Optional<RankStopRule> stopRule() {
        return stopRule;
    }

    /** The rule of {@code stop-at=rank:R} when it is the observed one, which keeps an iterate ({@link ObservedStop}). */
    private Optional<RankStopRule> observedRule() {
        return stopRule.filter(rule -> !rule.certified());
    }

    /** ‖Φ‖₂ of the target. */
    public double targetNorm() {
        return targetNorm;
    }

    /** The validated problem (package-private, for tests that need the solver's own eigendecomposition). */
    TrainingProblem problem() {
        return problem;
    }

    /** Whether the trace will have lambda columns (symmetric targets). */
    public boolean symmetricTarget() {
        return problem.eigen().isPresent();
    }

    /** Whether this is a matrix-completion run (its trace's completion columns get values, docs/design.md §2). */
    public boolean completion() {
        return problem.observations().isPresent();
    }

    /** Whether the full target is known (false only for completion without it: the error columns stay empty). */
    public boolean targetKnown() {
        return problem.targetKnown();
    }

    /** Which columns the trace of this plan's run has (docs/design.md §2). */
    public TraceShape traceShape() {
        return TraceShape.ofRun(problem.rows(), problem.cols(), symmetricTarget(), problem.config().loss(),
                targetKnown());
    }

    /** The columns of the trace table this plan's run writes. */
    public List<Column> traceColumns() {
        return Schemas.trace(traceShape());
    }

    /**
     * The trace table's columns for a run on an m×n target, before the target is read (a KNIME node's configure): they
     * depend on the shape, on whether the target is symmetric (eigenvalue columns), on the loss and on whether the full
     * target is known; {@link Trainer#plan} decides symmetry by {@code linalg.Symmetry.isSymmetric}.
     */
    public static List<Column> traceColumns(int rows, int columns, boolean symmetric, LossKind loss,
                                            boolean targetKnown) {
        return Schemas.trace(TraceShape.ofRun(rows, columns, symmetric, loss, targetKnown));
    }

    /**
     * The columns of the factors table (docs/design.md §2) for these settings and a target with {@code targetColumns}
     * columns: the widest factor has n columns (W₁) or the inner width (the others), so a KNIME node knows them at
     * configure time.
     */
    public static List<Column> factorColumns(TrainConfig config, int targetColumns) {
        int width = config.depth() == 1 ? targetColumns : config.width().orElse(targetColumns);
        return Schemas.factors(Math.max(targetColumns, width));
    }

    /** A fresh solver at iteration 0, for callers that step it themselves (benchmarks, tests); close it when done. */
    public Solver newSolver() {
        return newSolver(MatrixKernel.AUTO);
    }

    /** As {@link #newSolver()}, with the matrix solver's kernel fixed (benchmarks, tuning); other solvers ignore it. */
    public Solver newSolver(MatrixKernel kernel) {
        return switch (solver) {
            case SPECTRAL -> new SpectralSolver(problem);
            case FLOW -> new FlowSolver(problem, true);
            default -> new MatrixSolver(problem, kernel.arithmetic(matrixSize()));
        };
    }

    /**
     * Which kernel {@link #run} computes the dense products on: {@code "openblas"} or {@code "java"} for the matrix
     * solver ({@link MatrixKernel#autoKernelName}), {@code "none"} for the spectral and flow solvers, which need none.
     */
    public String kernel() {
        return solver == SolverKind.SPECTRAL || solver == SolverKind.FLOW ? "none"
                : MatrixKernel.autoKernelName(matrixSize());
    }

    private int matrixSize() {
        return Math.max(Math.max(problem.rows(), problem.cols()), problem.width());
    }

    /**
     * Runs the training: records iteration 0, the iterations of the record schedule and the last one run; stops at the
     * budget or when the loss reaches the tolerance.
     *
     * @throws RunFailedException when the loss becomes NaN/infinite or grows by more than {@value #DIVERGENCE_FACTOR}
     *                            over both the initial and the smallest loss so far
     * @throws TrainingInterruptedException when {@code progress} is cancelled; it carries the run up to the last
     *                                     completed iteration (stop reason {@link StopReason#INTERRUPTED})
     */
    public TrainingResult run(Progress progress) {
        try (Solver running = newSolver()) {
            return run(running, progress, null);
        }
    }

    /**
     * {@link #run(Progress)}, offering every recorded point to {@code keep}, which keeps products W(k) as it goes;
     * refused before the run when the products it keeps do not fit next to the run ({@link KeptIterates#requireFits}).
     */
    public TrainingResult run(Progress progress, KeptIterates keep) {
        keep.requireFits(heldBytes, problem.rows(), problem.cols());
        try (Solver running = newSolver()) {
            return run(running, progress, keep);
        }
    }

    TrainingResult run(Solver running, Progress progress) {
        return run(running, progress, null);
    }

    private TrainingResult run(Solver running, Progress progress, KeptIterates keep) {
        TrainConfig config = problem.config();
        long budget = config.iterations();
        double tolerance = config.tolerance();
        Trace.Builder trace = Trace.builder(traceShape()).init(config.init());
        RecordSchedule schedule = config.record();
        progress.checkCanceled();
        if (running instanceof MatrixSolver matrix) {
            matrix.cancelCheck(progress::checkCanceled);
        }

        progress.report(0, String.format(Locale.ROOT, "recording iteration 0 (singular values of the %d×%d product)",
                problem.rows(), problem.cols()));
        double initialLoss = running.evaluate();
        double minLoss = initialLoss;
        long nextRecord = 0;
        long stride = 1;
        long nextCheck = 1;
        long lastCheck = System.nanoTime();
        long lastReport = lastCheck;
        long k = 0;
        double loss = initialLoss;
        StopReason reason;
        double lastEffectiveRank = Double.NaN;
        long lastRecorded = -1;
        boolean stepping = false;
        long loopStart = System.nanoTime();
        boolean estimated = false;
        long certifiedAt = stopRule.filter(RankStopRule::certified).map(RankStopRule::certifiedIteration).orElse(-1L);
        ObservedStop observed = observedRule().map(rule -> new ObservedStop(rule, true)).orElse(null);
        try {
            while (true) {
                if (!Double.isFinite(loss) || (loss > DIVERGENCE_FACTOR * initialLoss && loss > DIVERGENCE_FACTOR * minLoss
                        && loss > Double.MIN_NORMAL)) {
                    throw diverged(k, loss, initialLoss);
                }
                minLoss = Math.min(minLoss, loss);
                boolean reached = tolerance > 0 && loss <= tolerance;
                boolean atRank = k == certifiedAt;
                boolean stop = k >= budget || reached || atRank;
                if (k == nextRecord || stop) {
                    lastEffectiveRank = record(trace, running, k, config);
                    lastRecorded = k;
                    nextRecord = schedule.next(k, budget);
                    if (keep != null) {
                        keep.offer(k, lastEffectiveRank, running, loss, trace.size());
                    }
                    if (observed != null) {
                        PlateauWatch.Verdict verdict = observed.offer(k, lastEffectiveRank, running, loss,
                                trace.size());
                        atRank = verdict == PlateauWatch.Verdict.LEFT || (stop && observed.staying());
                        stop |= atRank;
                    }
                    if (stop) {
                        reason = atRank ? StopReason.RANK : reached ? StopReason.TOLERANCE : StopReason.ITERATIONS;
                        break;
                    }
                }
                stepping = true;
                running.update();
                stepping = false;
                k++;
                loss = running.evaluate();
                if (k == nextCheck) {
                    long now = System.nanoTime();
                    long elapsed = now - lastCheck;
                    lastCheck = now;
                    // adapt the stride so that checks come every few milliseconds whatever a step costs
                    if (elapsed < CHECK_INTERVAL_NANOS / 2 && stride < (1L << 20)) {
                        stride *= 2;
                    } else if (elapsed > CHECK_INTERVAL_NANOS * 2 && stride > 1) {
                        stride /= 2;
                    }
                    nextCheck = k + stride;
                    progress.checkCanceled();
                    if (now - lastReport >= REPORT_INTERVAL_NANOS) {
                        lastReport = now;
                        progress.report((double) k / budget, String.format(Locale.ROOT,
                                "iteration %d of %d, loss %.4g", k, budget, loss));
                    }
                    if (!estimated && now - loopStart >= ESTIMATE_AFTER_NANOS) {
                        estimated = true;
                        announceIfLong(progress, k, budget, (now - loopStart) / 1e9);
                    }
                }
            }
        } catch (RunCanceledException canceled) {
            // a step always completes (MatrixSolver defers a cancel to its end): the factors are the iterate k
            if (stepping) {
                k++;
            }
            if (running instanceof MatrixSolver matrix) {
                matrix.cancelCheck(() -> {
                });
            }
            loss = running.evaluate();
            if (lastRecorded != k) {
                lastEffectiveRank = record(trace, running, k, config);
            }
            // a cancel that came while the last step completed has nothing left to interrupt: the run is finished
            boolean reached = tolerance > 0 && loss <= tolerance;
            StopReason stopped = k >= budget || reached ? reached ? StopReason.TOLERANCE : StopReason.ITERATIONS
                    : StopReason.INTERRUPTED;
            TrainingResult result = new TrainingResult(trace.build(), running.product(), running.factors(),
                    running.kind(), k, stopped, loss, lastEffectiveRank, notStopped(k, stopped, observed));
            if (stopped != StopReason.INTERRUPTED) {
                return result;
            }
            throw new TrainingInterruptedException("at iteration " + k + " of " + budget, result);
        }
        progress.report(1.0, String.format(Locale.ROOT, "iteration %d of %d, loss %.4g", k, budget, loss));
        progress.report(1.0, String.format(Locale.ROOT, "forming the final %d×%d product and its %d factors",
                problem.rows(), problem.cols(), config.depth()));
        if (reason == StopReason.RANK && observed != null) {
            // the observed rule returns the kept iterate; the trace ends there, so every number refers to it
            ObservedStop.Kept kept = observed.answer().orElseThrow();
            String left = k > kept.iteration() && !observed.staying() ? String.format(Locale.ROOT, "; the effective "
                    + "rank left the band upwards at k = %d (%.4g)", k, lastEffectiveRank) : "; the budget ended during "
                    + "the stay";
            return new TrainingResult(trace.keepFirst(kept.traceSize()).build(), kept.product(), kept.factors(),
                    running.kind(), kept.iteration(), reason, kept.loss(), kept.effectiveRank(),
                    Optional.of(new EarlyStop(stopRule.orElseThrow(), true, kept.iteration(), kept.effectiveRank(),
                            String.format(Locale.ROOT, "stopped at k = %d, effective rank %.4g, the point of its stay "
                                    + "nearest ℓ_%d = %.4g%s", kept.iteration(), kept.effectiveRank(),
                                    stopRule.get().rank(), stopRule.get().level(), left))));
        }
        Optional<EarlyStop> early = reason == StopReason.RANK
                ? Optional.of(new EarlyStop(stopRule.orElseThrow(), true, k, lastEffectiveRank, String.format(
                Locale.ROOT, "stopped at k = %d = k_start of rank %d's certified interval, effective rank %.4g "
                        + "(level ℓ_%d = %.4g)", k, stopRule.get().rank(), lastEffectiveRank, stopRule.get().rank(),
                stopRule.get().level()))) : notStopped(k, reason, observed);
        return new TrainingResult(trace.build(), running.product(), running.factors(), running.kind(), k, reason, loss,
                lastEffectiveRank, early);
    }

    /** What {@code stop-at} says when something else ended the run at {@code k}; empty without a rule. */
    private Optional<EarlyStop> notStopped(long k, StopReason reason, ObservedStop observed) {
        return stopRule.map(rule -> new EarlyStop(rule, false, k, Double.NaN, String.format(Locale.ROOT,
                "did not stop at rank %d: %s at k = %d %s", rule.rank(), switch (reason) {
                    case TOLERANCE -> "the loss reached the tolerance";
                    case INTERRUPTED -> "the run was interrupted";
                    default -> "the budget ended";
                }, k, rule.certified() ? String.format(Locale.ROOT, "before k_start = %d; raise iterations",
                        rule.certifiedIteration())
                        : String.format(Locale.ROOT, "without a recorded iteration within ±%.4g of ℓ_%d = %.4g%s",
                        rule.halfWidth(), rule.rank(), rule.level(), observed == null || observed.kept().isEmpty()
                                ? "; raise iterations or record more points" : ""))));
    }

    /**
     * Announces the budget's expected duration when it exceeds {@link #ANNOUNCE_SECONDS}, measured over the first
     * {@code seconds} of the run ({@code k} iterations).
     */
    private static void announceIfLong(Progress progress, long k, long budget, double seconds) {
        double total = seconds * budget / Math.max(1, k);
        if (total > ANNOUNCE_SECONDS && k < budget) {
            progress.announce((double) k / budget, String.format(Locale.ROOT, "iterations: %d iterations at the "
                            + "%.4g iterations/s measured so far take about %s; lower iterations (or set tolerance) "
                            + "to finish sooner", budget, k / seconds,
                    ProgressEstimate.duration(total)));
        }
    }

    /**
     * Records iteration k: the solver's measurements plus the time and every metric declared a function of σ(W) and
     * the depth ({@link TraceMetric.Basis#SINGULAR_VALUES}); returns the effective rank.
     */
    private static double record(Trace.Builder trace, Solver running, long k, TrainConfig config) {
        TracePoint point = running.measure();
        double[] sigma = point.sigma();
        TracePoint row = point.with(TraceMetric.TIME, config.step() * k);
        for (TraceMetric metric : TraceMetric.of(TraceMetric.Basis.SINGULAR_VALUES)) {
            row = row.with(metric, metric.ofSingularValues(sigma, config.depth()));
        }
        trace.add(k, row);
        return row.value(TraceMetric.EFFECTIVE_RANK);
    }

    private RunFailedException diverged(long k, double loss, double initialLoss) {
        TrainConfig config = problem.config();
        return new RunFailedException(String.format(Locale.ROOT, "training diverged at iteration %d: loss %s "
                        + "(initial loss %.6g) with step η = %s; the admissible step size for these settings is %.6g "
                        + "by %s — choose step ≤ %.6g", k, Double.isFinite(loss) ? String.format(Locale.ROOT, "%.6g",
                        loss) : Double.toString(loss), initialLoss, config.step(), admissibleStep,
                config.dynamics().start().stepBoundName(config.depth()), admissibleStep));
    }
}
