package org.dmflab.core.model;

import java.util.Optional;

/**
 * Which loss a run minimized, as its trace records it (the trace table's {@code loss_kind} column, docs/design.md §2):
 * its key, its words and its formula, e.g. {@code sensing}, "measurement loss", "½ Σᵢ (⟨Aᵢ, W⟩ − yᵢ)²". Every chart,
 * caption and view labels the {@code loss} column with {@link #label()}. The losses themselves, with these names, live
 * in one place, {@code loss.LossKind}; this is what the shared vocabulary needs of them.
 */
public interface TrainedLoss {

    /** What a trace that does not record its loss (written before the column existed) calls its loss column. */
    String UNKNOWN_LABEL = "training loss";

    /** The value in the trace's {@code loss_kind} column, the same as the trainer's {@code loss} setting. */
    String key();

    /** The loss in words, e.g. "measurement loss". */
    String words();

    /** Its formula, e.g. "½ Σᵢ (⟨Aᵢ, W⟩ − yᵢ)²". */
    String formula();

    /**
     * Whether the loss fits observed entries only (matrix completion): its trace then has the columns of
     * {@link TraceMetric.Filled#COMPLETION_WITH_TARGET} when the full target is known.
     */
    boolean completion();

    /** Words and formula, e.g. "measurement loss ½ Σᵢ (⟨Aᵢ, W⟩ − yᵢ)²": the label of every loss axis and legend. */
    default String label() {
        return words() + " " + formula();
    }

    /** The label of a trace's loss, known or not. */
    static String label(Optional<? extends TrainedLoss> loss) {
        return loss.map(TrainedLoss::label).orElse(UNKNOWN_LABEL);
    }
}
