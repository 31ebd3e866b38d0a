package org.dmflab.core.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.theory.RankStopRule;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.Table;
import org.dmflab.core.model.Plateau;

/**
 * What the Spectrum Tracker found: the recomputed rank trajectories, the plateaus (levels, predicted and observed
 * intervals), the hitting iterations and the monotonicity of the effective rank. The tables leave the engine via
 * {@link #plateausTable()} and {@link #hittingTable()}; the charts are built from this result by
 * the chart package above (TrackCharts).
 *
 * @param effectiveRank the effective rank of each recorded point, recomputed from the sigma columns
 * @param stableRank    the stable rank of each recorded point, recomputed likewise
 * @param plateaus      one row per level r of {@code model.PlateauLevels}; empty without target and prediction
 * @param hittings      one row per target value; empty without a target
 * @param departure     where the run left the dynamics of its start ({@link ManifoldDeparture}); empty if it did not,
 *                      or without a target
 */
public record TrackResult(TrackInput input, TrackConfig config, double[] effectiveRank, double[] stableRank,
                          List<ObservedPlateau> plateaus, List<Hitting> hittings, Monotonicity monotonicity,
                          Optional<ManifoldDeparture> departure) {

    public TrackResult {
        effectiveRank = effectiveRank.clone();
        stableRank = stableRank.clone();
        plateaus = List.copyOf(plateaus);
        hittings = List.copyOf(hittings);
        Objects.requireNonNull(departure, "departure");
    }

    /** The {@code recording} cell of a plateau with a predicted row that certifies nothing. */
    public static final String NOTHING_CERTIFIED = "nothing certified";
    /** The {@code recording} cell without a predicted table. */
    public static final String NO_PREDICTION = "no prediction";

    /** The recomputed effective rank per recorded point (a copy). */
    @Override
    public double[] effectiveRank() {
        return effectiveRank.clone();
    }

    /** The recomputed stable rank per recorded point (a copy). */
    @Override
    public double[] stableRank() {
        return stableRank.clone();
    }

    /** Whether the effective rank is non-decreasing, up to the reader's tolerance, after its first minimum ({@link Monotonicity}). */
    public boolean effectiveRankMonotone() {
        return monotonicity.monotone();
    }

    /**
     * The plateaus table of docs/design.md §2 ({@link Schemas#plateausObserved}): without predicted plateaus at the
     * input, no predicted interval and bound columns.
     */
    public Table plateausTable() {
        boolean withPredictions = input.predicted().isPresent();
        Table.Builder table = Table.builder(Schemas.plateausObserved(withPredictions));
        double[] levels = plateaus.stream().mapToDouble(ObservedPlateau::level).toArray();
        int size = input.target().map(Spectrum::size).orElse(levels.length);
        for (ObservedPlateau plateau : plateaus) {
            // where stop-at=rank:r's observed rule stops this run (the certified rule stops at k_start)
            OptionalInt stop = RankStopRule.observed(levels, plateau.r(), size, "").stopPoint(
                    input.trace().iterations(), effectiveRank);
            Plateau predicted = plateau.predicted().orElse(null);
            List<Object> cells = new ArrayList<>(List.of(plateau.r(), plateau.level()));
            if (withPredictions) {
                cells.add(predicted != null && predicted.start().isPresent() ? predicted.start().getAsLong() : null);
                cells.add(predicted != null && predicted.end().isPresent() ? predicted.end().getAsLong() : null);
                cells.add(predicted != null && predicted.bound().isPresent() ? predicted.bound().getAsDouble() : null);
            }
            cells.add(plateau.observed().map(PlateauRun::start).orElse(null));
            cells.add(plateau.observed().map(PlateauRun::end).orElse(null));
            cells.add(plateau.recording().orElse(plateau.predicted().isPresent() ? NOTHING_CERTIFIED : NO_PREDICTION));
            cells.add(stop.isPresent() ? input.trace().iteration(stop.getAsInt()) : null);
            table.addRow(cells.toArray());
        }
        return table.build();
    }

    /** The hitting table ({@link TrackSchemas#HITTING}). */
    public Table hittingTable() {
        Table.Builder table = Table.builder(TrackSchemas.HITTING);
        for (Hitting hitting : hittings) {
            table.addRow(hitting.index(), hitting.lambda(), hitting.limit(),
                    hitting.kHit().isPresent() ? hitting.kHit().getAsLong() : null, hitting.outcome().label());
        }
        return table.build();
    }

    /** A few lines for people: points, plateaus found, values learned, monotonicity. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        var trace = input.trace();
        text.append(String.format(Locale.ROOT, "trace: %d points, iterations %d…%d%n", trace.size(), trace.iteration(0),
                trace.iteration(trace.size() - 1)));
        departure.ifPresent(left -> text.append(left.sentence())
                .append(System.lineSeparator()));
        long found = plateaus.stream().filter(p -> p.observed().isPresent()).count();
        text.append(String.format(Locale.ROOT, "plateaus: %d of %d levels observed within ±%s%n", found,
                plateaus.size(), config.plateauTolerance()));
        for (ObservedPlateau plateau : plateaus) {
            text.append(String.format(Locale.ROOT, "  r=%d level %.4f: %s%s%n", plateau.r(), plateau.level(),
                    plateau.observed().map(run -> "iterations " + run.start() + "…" + run.end()).orElse("not observed"),
                    plateau.recording().filter(text1 -> !text1.equals("fine")).map(text1 -> " (recording " + text1 + ")")
                            .orElse("")));
        }
        long learned = hittings.stream().filter(h -> h.kHit().isPresent()).count();
        long lost = hittings.stream().filter(h -> h.outcome() == Hitting.Outcome.NOT_RECOVERED).count();
        long learnedThenLost = hittings.stream().filter(h -> h.outcome() == Hitting.Outcome.LOST).count();
        text.append(String.format(Locale.ROOT, "hitting: %d of %d values within ε=%s of their limit%s%s%n", learned,
                hittings.size(), config.epsilon(), learnedThenLost == 0 ? "" : " at k_hit, " + learnedThenLost
                        + " of them lost later", lost == 0 ? "" : "; " + lost + " negative never recovered (limit 0)"));
        text.append(String.format(Locale.ROOT, "effective rank monotone after its first minimum (iteration %d, %.4f): %s",
                monotonicity.firstMinimumIteration(), monotonicity.firstMinimum(), monotonicity.verdict()));
        return text.toString();
    }
}
