package org.dmflab.core.train;

import java.lang.management.ManagementFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits the rows of one product between the calling thread (rows [0, split)) and one persistent worker thread (rows
 * [split, rows)), used by both dense kernels above their measured two-thread thresholds. The split row depends only on
 * the row count, so a product is computed the same way whether or not a second core is free: same shape, same bytes.
 * Hand-over by volatile fields, spinning briefly and then parking; nothing is allocated per product. Close to stop the
 * worker.
 */
final class RowSplit implements AutoCloseable {
    /** The work of one product: rows [rowStart, rowEnd) of its result. */
    interface RowTask {
        void rows(int rowStart, int rowEnd);
    }

    private static final int SPINS = 20_000;
    /**
     * A second thread pays only when a core is idle: with the 1-minute load average at or above the processor count
     * minus one, the worker waits in the run queue at every hand-over. Measured with bench SideBySide (OpenBLAS,
     * N = 3, full loss, steps/s, one vs two threads) at load 13–15 on 2 cores: n = 128: 370 vs 29–34, n = 500: 9.3–10.4
     * vs 5.8–7.8, n = 1000: 0.9–1.3 vs 0.9–1.1 — at that load the split halves run one after the other on the caller.
     */
    static final double IDLE_CORE_LOAD_MARGIN = 1.0;
    private final Thread thread;
    private volatile int requested;
    private volatile int completed;
    private volatile boolean stopped;
    private volatile Thread waiter;
    private RowTask task;
    private int rowStart;
    private int rowEnd;
    private volatile Throwable failure;

    private RowSplit() {
        thread = new Thread(this::work, "dmflab-kernel-worker");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Whether a second core is idle now (see {@link #IDLE_CORE_LOAD_MARGIN}); asked when a solver starts. When not, the
     * caller runs both halves itself ({@link #runHere}), with the same bytes.
     */
    static boolean aCoreIsIdle() {
        int processors = Runtime.getRuntime().availableProcessors();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return processors > 1 && (load < 0 || load <= processors - IDLE_CORE_LOAD_MARGIN);
    }

    /** A split with a worker thread. */
    static RowSplit withWorker() {
        return new RowSplit();
    }

    /** Runs {@code task} on all {@code rows} in the two halves of a split, both on the calling thread. */
    static void runHere(RowTask task, int rows) {
        int split = splitRow(rows);
        task.rows(0, split);
        task.rows(split, rows);
    }

    /** The first row of the worker's half: the middle, rounded down to an even row (the Java kernel pairs rows). */
    static int splitRow(int rows) {
        return (rows / 2) & ~1;
    }

    /** Runs {@code task} on all {@code rows}, the upper half on the worker; returns when both halves are done. */
    void run(RowTask task, int rows) {
        int split = splitRow(rows);
        this.task = task;
        this.rowStart = split;
        this.rowEnd = rows;
        waiter = Thread.currentThread();
        requested = requested + 1; // the volatile write publishes the fields above
        LockSupport.unpark(thread);
        Throwable own = null;
        try {
            task.rows(0, split);
        } catch (RuntimeException | Error e) {
            own = e;
        }
        await();
        this.task = null;
        if (own instanceof RuntimeException runtime) {
            throw runtime;
        } else if (own instanceof Error error) {
            throw error;
        }
    }

    private void await() {
        int target = requested;
        int spins = 0;
        while (completed != target) {
            if (++spins > SPINS) {
                LockSupport.parkNanos(this, 50_000);
            } else {
                Thread.onSpinWait();
            }
        }
        Throwable failed = failure;
        if (failed != null) {
            failure = null;
            throw new IllegalStateException("kernel worker failed", failed);
        }
    }

    @Override
    public void close() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    private void work() {
        int done = 0;
        while (!stopped) {
            int spins = 0;
            while (requested == done && !stopped) {
                if (++spins > SPINS) {
                    LockSupport.park(this);
                } else {
                    Thread.onSpinWait();
                }
            }
            if (stopped) {
                return;
            }
            try {
                task.rows(rowStart, rowEnd);
            } catch (Throwable t) {
                failure = t;
            }
            done = requested;
            completed = done;
            Thread w = waiter;
            if (w != null) {
                LockSupport.unpark(w);
            }
        }
    }
}
