package org.dmflab.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dmflab.cli.io.OutputDirectory;

/**
 * Ctrl-C (SIGINT) and SIGTERM: a shutdown hook asks the running command to stop ({@link #requested()} is what
 * {@link StderrProgress#checkCanceled()} looks at), waits for it to unwind — it prints one line ("interrupted at
 * iteration k; no output was written") and removes its staging directory — and lets the JVM end with its signal exit
 * code (130 for SIGINT). A command busy in a step that cannot be cancelled (a large eigendecomposition) is not waited
 * for longer than {@link #WAIT_SECONDS}: then the hook removes the staging directories and prints the line itself.
 */
final class Interruption {
    static final long WAIT_SECONDS = 3;

    private static volatile boolean requested;
    private static final AtomicBoolean LINE_PRINTED = new AtomicBoolean();
    private static final CountDownLatch FINISHED = new CountDownLatch(1);

    private Interruption() {
    }

    /** Whether a shutdown (Ctrl-C) asked the run to stop. */
    static boolean requested() {
        return requested;
    }

    /** Installs the hook for the command line's main thread. */
    static void install(PrintWriter err) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (FINISHED.getCount() == 0) {
                return; // an ordinary exit
            }
            requested = true;
            try {
                if (!FINISHED.await(WAIT_SECONDS, TimeUnit.SECONDS) && claimLine()) {
                    OutputDirectory.abandonAll();
                    err.println("dmflab: interrupted; no output was written");
                    err.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "dmflab-interrupt"));
    }

    /**
     * Whether the caller may print the one line of an interrupted run: true once, for the first caller (the command
     * unwinding or this hook after its wait), so an interruption is never reported twice.
     */
    static boolean claimLine() {
        return LINE_PRINTED.compareAndSet(false, true);
    }

    /** Called by the main thread when the command has ended (normally or not). */
    static void finished() {
        FINISHED.countDown();
    }
}
