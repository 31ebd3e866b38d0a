package org.dmflab.core.track;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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

    /** The plateaus table of docs/design.md §2 (Schemas.PLATEAUS_OBSERVED). */
    public Table plateausTable() {
        Table.Builder table = Table.builder(Schemas.PLATEAUS_OBSERVED);
        for (ObservedPlateau plateau : plateaus) {
            Plateau predicted = plateau.predicted().orElse(null);
            table.addRow(plateau.r(), plateau.level(),
                    predicted != null && predicted.start().isPresent() ? predicted.start().getAsLong() : null,
                    predicted != null && predicted.end().isPresent() ? predicted.end().getAsLong() : null,
                    predicted != null && predicted.bound().isPresent() ? predicted.bound().getAsDouble() : null,
                    plateau.observed().map(PlateauRun::start).orElse(null),
                    plateau.observed().map(PlateauRun::end).orElse(null),
                    plateau.recording().orElse(plateau.predicted().isPresent() ? NOTHING_CERTIFIED : NO_PREDICTION));
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
