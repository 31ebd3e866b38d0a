package org.dmflab.core.train;

import org.dmflab.core.linalg.KernelThresholds;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits the rows of one product between the calling thread (rows [0, split)) and one persistent worker thread (rows
 * [split, rows)), used by both dense kernels above their measured two-thread thresholds. The split row depends only on
 * the row count, so a product is computed the same way whichever thread runs a half: same shape, same bytes. Nothing is
 * allocated per product. Close to stop the worker.
 *
 * <p>Hand-over for products of 10 µs–1 ms: the worker spins for {@link KernelThresholds#WORKER_SPIN_NANOS} after each
 * half before it parks,
 * because waking a parked thread costs a futex call and a scheduler hand-over (tens of µs on this VM, more under load)
 * while a spinning worker starts within a cache-line transfer; a step hands over its products back to back, so the
 * worker normally catches the next one while still spinning, and an idle solver does not hold a core. The upper half is
 * <em>claimed</em> (one compare-and-set per product) by whichever thread gets to it first: when the worker has not
 * started it by the time the caller has finished the lower half — it is parked, or descheduled on a busy machine — the
 * caller runs it itself. So a split never waits for a worker that is not running, and on a loaded machine it costs
 * about what one thread costs (the old rule switched the worker off by the load average instead, which also saw the
 * benchmark's own threads). The caller waits only for a half the worker has already begun.
 */
final class RowSplit implements AutoCloseable {
    /** The work of one product: rows [rowStart, rowEnd) of its result. */
    interface RowTask {
        void rows(int rowStart, int rowEnd);
    }

    private static final VarHandle CLAIMED;

    static {
        try {
            CLAIMED = MethodHandles.lookup().findVarHandle(RowSplit.class, "claimed", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Thread thread;
    /** The number of the latest product handed over. */
    private volatile int requested;
    /** The number of the latest product whose upper half was claimed (by the worker or the caller). */
    @SuppressWarnings("unused") // through CLAIMED
    private volatile int claimed;
    /** The number of the latest product whose upper half the worker finished. */
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
     * Whether the machine has two processors for the trainer's split operations. Thread use is decided by this and by
     * the shapes alone, never by the load at the start of a run: a run uses the same threads every time.
     */
    static boolean twoProcessors() {
        return Runtime.getRuntime().availableProcessors() > 1;
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

    /**
     * Runs {@code task} on all {@code rows}, the upper half on the worker unless the caller gets to it first; returns
     * when both halves are done.
     */
    void run(RowTask task, int rows) {
        int split = splitRow(rows);
        this.task = task;
        this.rowStart = split;
        this.rowEnd = rows;
        waiter = Thread.currentThread();
        int request = requested + 1;
        requested = request; // the volatile write publishes the fields above
        LockSupport.unpark(thread);
        Throwable own = null;
        try {
            task.rows(0, split);
        } catch (RuntimeException | Error e) {
            own = e;
        }
        if (CLAIMED.compareAndSet(this, request - 1, request)) {
            if (own == null) {
                task.rows(split, rows); // the worker has not started: no waiting for it
            }
        } else {
            await(request);
        }
        this.task = null;
        if (own instanceof RuntimeException runtime) {
            throw runtime;
        } else if (own instanceof Error error) {
            throw error;
        }
    }

    private void await(int request) {
        int spins = 0;
        while (completed != request) {
            if (++spins > 1_000) {
                LockSupport.parkNanos(this, 20_000);
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
        int seen = 0;
        while (!stopped) {
            long spinStart = System.nanoTime();
            int spins = 0;
            while (requested == seen && !stopped) {
                if ((++spins & 63) != 0) {
                    Thread.onSpinWait();
                } else if (System.nanoTime() - spinStart > KernelThresholds.WORKER_SPIN_NANOS) {
                    LockSupport.park(this);
                }
            }
            if (stopped) {
                return;
            }
            seen = requested;
            // claim the upper half of the latest product; the caller may have run it already
            if (!CLAIMED.compareAndSet(this, seen - 1, seen)) {
                continue;
            }
            try {
                task.rows(rowStart, rowEnd);
            } catch (Throwable t) {
                failure = t;
            }
            completed = seen;
            Thread w = waiter;
            if (w != null) {
                LockSupport.unpark(w);
            }
        }
    }
}
