package org.dmflab.core.track;

import java.util.ArrayList;
import java.util.List;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.Progress;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.dmflab.core.model.Trace;
import org.dmflab.core.model.PlateauLevels;
import java.util.Optional;
import org.dmflab.core.model.Plateau;

/**
 * The Spectrum Tracker (docs/design.md §2–§4): reads a recorded run against its target and reports what docs/theory.md §7
 * predicts can be seen in it — the effective rank recomputed and checked ({@link RankConsistency}), the plateau levels
 * of {@link PlateauLevels} (ℓ_r of Φ₊ for an identical start, r_eff(Φ_r) of |λ| otherwise; §7.3) with the observed runs on
 * them ({@link PlateauDetector}), the first hitting iteration of every target value ({@link HittingTimes}), and whether
 * the effective rank is monotone after its first minimum ({@link Monotonicity}), and whether the run left the dynamics
 * of its start ({@link ManifoldDeparture}), which the plateaus' {@code recording} cells then say.
 *
 * <p>Plateau levels come from the target and the trace's {@code init} column; without a target, from the predicted
 * table; without either, there are none. Singular-value targets use σᵢ in place of λᵢ.
 */
public final class SpectrumTracker {
    /** Allowed relative difference between a predicted level and the target's own r_eff(Φ_r). */
    public static final double LEVEL_RELATIVE_TOLERANCE = 1e-6;

    private SpectrumTracker() {
    }

    public static TrackResult track(TrackInput input, TrackConfig config, Progress progress) {
        Trace trace = input.trace();
        if (trace.size() == 0) {
            throw new InvalidInputException(input.traceSource(), "the trace has no rows; track a run with at least "
                    + "one recorded iteration");
        }
        input.target().ifPresent(target -> requireMatchingSize(trace, target, input.targetSource()));
        progress.report(0, "checking the effective and stable rank columns");
        RankConsistency.Trajectories ranks = RankConsistency.check(trace, input.traceSource(), progress);
        progress.checkCanceled();

        double[] levels = levels(input);
        long[] iterations = trace.iterations();
        Optional<ManifoldDeparture> departure = input.target()
                .flatMap(target -> ManifoldDeparture.of(trace, target, config.epsilon()));
        List<ObservedPlateau> plateaus = new ArrayList<>(levels.length);
        for (int r = 1; r <= levels.length; r++) {
            progress.checkCanceled();
            progress.report(0.2 + 0.5 * (r - 1) / levels.length, "plateau r=" + r);
            int rank = r;
            Optional<Plateau> predicted = input.predicted().flatMap(rows -> forRank(rows, rank));
            Optional<PlateauRun> observed = PlateauDetector.longestRun(iterations, ranks.effectiveRank(),
                    levels[r - 1], config.plateauTolerance());
            Optional<String> recording = predicted.flatMap(plateau -> RecordingResolution.of(iterations, plateau,
                    observed));
            plateaus.add(new ObservedPlateau(r, levels[r - 1], predicted, observed,
                    departure.isPresent() && reaches(departure.get(), predicted, observed)
                            ? Optional.of(departed(departure.get(), recording)) : recording));
        }
        progress.report(0.7, "hitting iterations");
        List<Hitting> hittings = input.target()
                .map(target -> HittingTimes.compute(trace, target, config.epsilon(), progress))
                .orElse(List.of());
        if (departure.isPresent()) {
            hittings = markLost(hittings, departure.get());
        }
        progress.checkCanceled();
        Monotonicity monotonicity = Monotonicity.of(iterations, ranks.effectiveRank());
        progress.report(1, "done");
        return new TrackResult(input, config, ranks.effectiveRank(), ranks.stableRank(), plateaus, hittings,
                monotonicity, departure);
    }

    /** The hittings with every value the departure lists as lost marked {@link Hitting.Outcome#LOST}. */
    private static List<Hitting> markLost(List<Hitting> hittings, ManifoldDeparture departure) {
        List<Hitting> marked = new ArrayList<>(hittings.size());
        for (Hitting hitting : hittings) {
            boolean lost = hitting.kHit().isPresent() && departure.changes().stream()
                    .anyMatch(change -> !change.recovered() && change.index() == hitting.index());
            marked.add(lost ? hitting.lost() : hitting);
        }
        return marked;
    }

    /** Whether the certified interval or the observed run of a plateau reaches the departure. */
    private static boolean reaches(ManifoldDeparture departure, Optional<Plateau> predicted,
                                   Optional<PlateauRun> observed) {
        boolean certifiedBeyond = predicted.filter(Plateau::certified)
                .map(plateau -> plateau.end().orElse(Long.MAX_VALUE) >= departure.iteration()).orElse(false);
        return certifiedBeyond || observed.map(run -> run.end() >= departure.iteration()).orElse(false);
    }

    /** The {@code recording} cell of a plateau the departure reaches. */
    private static String departed(ManifoldDeparture departure, Optional<String> recording) {
        return "left the start's dynamics at k = " + departure.iteration() + ": certificate and level hold in exact "
                + "arithmetic only (docs/theory.md §2.3)" + recording.filter(text -> !text.equals("fine"))
                .map(text -> "; recording " + text).orElse("");
    }

    /** The levels of {@link PlateauLevels} for the target and the trace's start, checked against a predicted table. */
    private static double[] levels(TrackInput input) {
        if (input.target().isEmpty()) {
            return input.predicted()
                    .map(predicted -> predicted.stream().mapToDouble(Plateau::level).toArray())
                    .orElse(new double[0]);
        }
        double[] levels = PlateauLevels.of(input.target().get(), input.trace().init(), input.traceSource()).levels();
        if (input.predicted().isPresent()) {
            requireMatchingLevels(levels, input.predicted().get(), input.predictedSource());
        }
        return levels;
    }

    /** The predicted plateau for rank {@code r} (rows are r = 1, 2, … in order), if there is one. */
    private static Optional<Plateau> forRank(List<Plateau> predicted, int r) {
        return r >= 1 && r <= predicted.size() ? Optional.of(predicted.get(r - 1)) : Optional.empty();
    }

    private static void requireMatchingLevels(double[] levels, List<Plateau> predicted, String source) {
        for (Plateau row : predicted) {
            if (row.r() > levels.length) {
                throw new InvalidInputException(source + ", r=" + row.r(), "the target has only " + levels.length
                        + " plateau levels for this run's start, so there is no plateau r=" + row.r() + "; the "
                        + "prediction belongs to another target or start — predict for this target and start");
            }
            double level = levels[row.r() - 1];
            if (Math.abs(row.level() - level) > LEVEL_RELATIVE_TOLERANCE * Math.abs(level)) {
                throw new InvalidInputException(source + ", r=" + row.r(), "level " + row.level()
                        + " differs from this run's plateau level ℓ_" + row.r() + " = " + level
                        + " (docs/theory.md §7.3); the prediction belongs to another target or start — predict for this "
                        + "target and start");
            }
        }
    }

    private static void requireMatchingSize(Trace trace, Spectrum target, String source) {
        boolean eigen = target.kind() == SpectrumKind.EIGENVALUE;
        int columns = eigen ? trace.eigenCount() : trace.sigmaCount();
        if (columns == target.size()) {
            return;
        }
        String prefix = eigen ? "lambda_" : "sigma_";
        String have = columns == 0 ? "no " + prefix + " columns (it comes from a run on a non-symmetric target)"
                : columns + " " + prefix + " columns (" + prefix + "1 … " + prefix + columns + ")";
        throw new InvalidInputException(source, "the target has " + target.size() + " "
                + target.kind().label() + "s but the trace has " + have
                + "; use the target the run was trained on");
    }
}
