package org.dmflab.core.train;

import java.util.Objects;
import org.dmflab.core.theory.RankStopRule;

/**
 * What {@code stop-at=rank:R} did in a run: the rule it used, whether it stopped the run, the iteration and effective
 * rank of the product it returned, and a sentence saying so (for the summary, the flow variables and summary.json).
 *
 * @param rule          the rule chosen before the run
 * @param stopped       whether the rule ended the run (false: the budget, the tolerance or an interrupt came first)
 * @param iteration     the iteration of the returned product
 * @param effectiveRank its effective rank ‖W‖_* / ‖W‖₂
 * @param reason        one sentence: where and why it stopped, or why it did not
 */
public record EarlyStop(RankStopRule rule, boolean stopped, long iteration, double effectiveRank, String reason) {
    public EarlyStop {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }
}
