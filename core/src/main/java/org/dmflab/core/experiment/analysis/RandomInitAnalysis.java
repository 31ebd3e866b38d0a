package org.dmflab.core.experiment.analysis;

import static org.dmflab.core.experiment.analysis.ReportValues.boxed;

import java.util.List;
import org.dmflab.core.experiment.run.ExperimentRun;
import org.dmflab.core.experiment.run.RunOutcome;
import org.dmflab.core.track.Hitting;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.Table;

/** Fig. 13: Gaussian starts with small and large σ; the effective rank of both and the order of learning. */
final class RandomInitAnalysis implements PresetAnalysis {
    private static final List<Column> ORDER = List.of(Column.of("index", ColumnType.INTEGER),
            Column.of("lambda", ColumnType.DOUBLE), Column.nullable("k_hit_small_sigma", ColumnType.LONG),
            Column.nullable("k_hit_large_sigma", ColumnType.LONG));

    @Override
    public AnalysisOutput analyse(ExperimentRun run) {
        Table.Builder table = Table.builder(ORDER);
        List<Hitting> small = run.runs().get(0).track().hittings();
        List<Hitting> large = run.runs().get(1).track().hittings();
        for (int i = 0; i < small.size(); i++) {
            // both runs have one row per non-zero eigenvalue of the same target (numerical zeros have none)
            table.addRow(small.get(i).index(), small.get(i).lambda(), boxed(small.get(i).kHit()),
                    boxed(large.get(i).kHit()));
        }
        // what the tracker's band (plateau rule of docs/theory.md §7.3) finds on the large-σ path, said as found
        String largeRuns = run.runs().get(1).track().plateaus().stream().filter(p -> p.observed().isPresent())
                .map(p -> String.format(java.util.Locale.ROOT, "%.3g at k = %d…%d", p.level(),
                        p.observed().get().start(), p.observed().get().end()))
                .collect(java.util.stream.Collectors.joining(", "));
        String smallOrder = order(small);
        String largeOrder = order(large);
        AnalysisOutput.Builder output = AnalysisOutput.builder()
                .chart("random-init-effective-rank.png", ExperimentCharts.effectiveRanks("Effective rank: small vs "
                        + "large Gaussian start", run.runs()), "A small σ: after the first drop the effective rank "
                        + "climbs through plateaus, one eigenvalue at a time (as for an identity start). A large σ: "
                        + "faster, without the staircase — the eigenvalues are learned in overlapping phases"
                        + (largeRuns.isEmpty() ? "; the tracker finds no plateau on its path." : "; the tracker's band "
                        + "finds only " + largeRuns + " (a slow shoulder and the final value, not steps between "
                        + "learned eigenvalues).") + " Order of learning (first iteration within ε): small σ "
                        + smallOrder + ", large σ " + largeOrder + ". " + paperComparison(large))
                .keyNumber("order of learning against the paper's Fig. 13", "small σ " + smallOrder + ", large σ "
                        + largeOrder + "; " + paperComparison(large))
                .keyTable("Order of learning: first recorded iteration within ε of each non-zero eigenvalue",
                        table.build())
                .keyNumber("prediction", "none: the theory has no bounds for Gaussian starts (docs/theory.md §1.6), "
                        + "so the predictor is not run");
        for (RunOutcome outcome : run.runs()) {
            output.keyNumber("final loss, " + outcome.spec().title(), outcome.training().finalLoss())
                    .keyNumber("final effective rank, " + outcome.spec().title(),
                            outcome.training().finalEffectiveRank());
        }
        return output.build();
    }

    /** Whether the hitting iterations rise with the index, i.e. the eigenvalues are learned largest first. */
    static boolean largestFirst(List<Hitting> hittings) {
        long previous = Long.MIN_VALUE;
        for (Hitting hitting : hittings) {
            if (hitting.kHit().isEmpty() || hitting.kHit().getAsLong() < previous) {
                return false;
            }
            previous = hitting.kHit().getAsLong();
        }
        return true;
    }

    private static String order(List<Hitting> hittings) {
        return largestFirst(hittings) ? "largest first" : hittings.stream().anyMatch(h -> h.kHit().isEmpty())
                ? "not all learned within the run" : "not by size";
    }

    /**
     * The paper observes that from a large random start "the order … is not determined by the eigenvalue magnitudes"
     * (docs/theory.md §1.6): said as agreeing or not, from the run's own order.
     */
    private static String paperComparison(List<Hitting> large) {
        return largestFirst(large) ? "The paper's Fig. 13 observation, an order not set by the magnitudes at large σ, "
                + "is not reproduced here: this large start still learns them largest first."
                : "As in the paper's Fig. 13, the large start does not learn them in order of magnitude.";
    }
}
