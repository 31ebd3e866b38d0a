package org.dmflab.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dmflab.cli.io.OutputDirectory;

/**
 * Ctrl-C (SIGINT) and SIGTERM: a shutdown hook asks the running command to stop ({@link #requested()} is what
 * {@link StderrProgress#checkCanceled()} looks at), waits for it to unwind — it prints one line ("interrupted at
 * iteration k; …") — and ends the JVM with the command's exit code, 130 for SIGINT and SIGTERM alike. A command busy
 * in a step that cannot be cancelled (a large eigendecomposition) is not waited for longer than {@link #WAIT_SECONDS}:
 * then the hook removes the staging directories and prints the line itself. A command that keeps what it computed
 * ({@code train}, from its first iteration on: {@link #keepsPartialOutput()}) is waited for up to
 * {@link #SAVE_WAIT_SECONDS} while it writes its outputs, marked as interrupted.
 */
final class Interruption {
    static final long WAIT_SECONDS = 3;
    /** How long an interrupted command that keeps its partial output may take to write it. */
    static final long SAVE_WAIT_SECONDS = 600;

    private static volatile boolean requested;
    private static volatile boolean keepsPartialOutput;
    private static final AtomicBoolean LINE_PRINTED = new AtomicBoolean();
    private static final CountDownLatch FINISHED = new CountDownLatch(1);
    private static volatile int exitCode = ExitCode.INTERRUPTED;

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
                boolean finished = FINISHED.await(WAIT_SECONDS, TimeUnit.SECONDS)
                        || keepsPartialOutput && FINISHED.await(SAVE_WAIT_SECONDS, TimeUnit.SECONDS);
                if (finished) {
                    // the command's own code (130 after SIGINT and SIGTERM alike), not the signal's (143 for SIGTERM)
                    Runtime.getRuntime().halt(exitCode);
                }
                if (claimLine()) {
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

    /**
     * Declares that the running command, once interrupted, writes what it computed (it reaches a cancel check within
     * milliseconds from now on), so the shutdown waits for it instead of removing its staging directory.
     */
    static void keepsPartialOutput() {
        keepsPartialOutput = true;
    }

    /** Called by the main thread when the command has ended (normally or not) with {@code code}. */
    static void finished(int code) {
        exitCode = code;
        FINISHED.countDown();
    }
}
