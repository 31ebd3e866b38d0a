package org.dmflab.core.train;

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
    private final Thread thread;
    private volatile int requested;
    private volatile int completed;
    private volatile boolean stopped;
    private volatile Thread waiter;
    private RowTask task;
    private int rowStart;
    private int rowEnd;
    private volatile Throwable failure;

    RowSplit() {
        thread = new Thread(this::work, "dmflab-kernel-worker");
        thread.setDaemon(true);
        thread.start();
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
