package org.dmflab.core.train;

import org.dmflab.core.linalg.KernelThresholds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The hand-over of {@link RowSplit}: whichever thread claims the upper half (the spinning worker, a worker woken from
 * parking, or the caller when the worker has not started), every row of every product is computed exactly once, and
 * before {@code run} returns.
 */
class RowSplitTest {

    @Test
    void everyRowRunsExactlyOnceWhoeverClaimsTheUpperHalf() {
        Random random = new Random(3);
        int[] counts = new int[300];
        try (RowSplit split = RowSplit.withWorker()) {
            for (int product = 0; product < 20_000; product++) {
                int rows = 1 + random.nextInt(counts.length);
                // sometimes a pause longer than the worker's spin budget, so that it parks and must be woken
                if (product % 2_000 == 0) {
                    LockSupport.parkNanos(2 * KernelThresholds.WORKER_SPIN_NANOS);
                }
                int[] seen = new int[rows];
                split.run((start, end) -> {
                    for (int r = start; r < end; r++) {
                        seen[r]++;
                    }
                }, rows);
                for (int r = 0; r < rows; r++) {
                    assertThat(seen[r]).as("product %d, row %d of %d", product, r, rows).isEqualTo(1);
                    counts[r]++;
                }
            }
        }
        assertThat(counts[0]).isPositive();
    }

    @Test
    void aFailureInEitherHalfReachesTheCaller() {
        try (RowSplit split = RowSplit.withWorker()) {
            for (int attempt = 0; attempt < 50; attempt++) {
                // thrown as it is when the caller ran the half, wrapped when the worker did
                assertThatThrownBy(() -> split.run((start, end) -> {
                    if (start > 0) {
                        throw new IllegalArgumentException("upper half failed");
                    }
                }, 10)).satisfies(e -> assertThat(e.getCause() == null ? e : e.getCause())
                        .isInstanceOf(IllegalArgumentException.class).hasMessage("upper half failed"));
                // the split still works after a failure
                int[] seen = new int[10];
                split.run((start, end) -> {
                    for (int r = start; r < end; r++) {
                        seen[r]++;
                    }
                }, 10);
                assertThat(seen).containsOnly(1);
            }
        }
    }
}
