package org.dmflab.core.train;

import org.dmflab.core.loss.LossKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.MemoryBudget;
import org.dmflab.core.Progress;
import org.dmflab.core.RunCanceledException;
import org.dmflab.core.table.Schemas;
import org.ejml.data.DMatrixRMaj;
import org.dmflab.core.model.TraceShape;
import org.junit.jupiter.api.Test;

/** Long runs: a trace that cannot fit is refused before the run; a budget of hours is announced early. */
class LongRunTest {
    private static final DMatrixRMaj TARGET = new DMatrixRMaj(new double[][] {{2, 0}, {0, 1}});

    @Test
    void aTraceBeyondTheHeapIsRefusedWithTheNumbersAndTheFix() {
        assertThatThrownBy(() -> Trainer.plan(Fixtures.config("iterations", "100000000", "record", "every:1"), TARGET,
                Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("record: record=every:1 records 100000001 rows of "
                        + Schemas.trace(TraceShape.ofRun(2, 2, true, LossKind.FULL, true)).size() + " columns over 100000000 iterations; the trace needs about ")
                .hasMessageContaining("but this Java process may use only " + MemoryBudget.human(
                        MemoryBudget.available()))
                .hasMessageEndingWith("record fewer points (e.g. --record log:400, or every:K with a larger K) or give "
                        + "Java more memory (-Xmx)");
        // the same budget with the default log:400 fits
        assertThat(Trainer.plan(Fixtures.config("iterations", "100000000"), TARGET, Optional.empty())).isNotNull();
    }

    @Test
    void theRowCountIsWhatTheRunRecords() {
        for (String record : new String[]{"every:7", "every:10", "log:50", "log:5000", "every:1"}) {
            TrainingPlan plan = Trainer.plan(Fixtures.config("iterations", "1000", "record", record), TARGET,
                    Optional.empty());
            int recorded = plan.run(Progress.NONE).trace().size();
            long estimated = TraceSize.rows(plan.config().record(), 1000);
            assertThat(estimated).as(record).isEqualTo(recorded);
        }
    }

    @Test
    void aBudgetOfHoursIsAnnouncedWithItsEstimateAfterASecond() {
        List<String> announced = new ArrayList<>();
        Progress progress = new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public void announce(double fraction, String message) {
                announced.add(message);
            }

            @Override
            public void checkCanceled() {
                if (!announced.isEmpty()) {
                    throw new RunCanceledException();
                }
            }
        };
        TrainingPlan plan = Trainer.plan(Fixtures.config("iterations", "1000000000000"), TARGET, Optional.empty());
        assertThatThrownBy(() -> plan.run(progress)).isInstanceOf(RunCanceledException.class)
                .hasMessageMatching("cancelled at iteration \\d+ of 1000000000000");
        assertThat(announced).hasSize(1);
        assertThat(announced.get(0)).matches("iterations: 1000000000000 iterations at the .* iterations/s measured so "
                + "far take about .*(h|days|years).*");
    }
}
