package org.dmflab.knime.common;

import org.dmflab.core.Progress;
import org.dmflab.core.ProgressEstimate;
import org.dmflab.core.RunCanceledException;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Passes the engine's progress reports to a KNIME progress bar and KNIME's cancel button to the engine. The messages
 * carry the elapsed time and the estimated time left ({@link ProgressEstimate}), the same words the command line prints.
 */
public final class ExecutionProgress implements Progress {
    private final ExecutionMonitor monitor;

    private ExecutionProgress(ExecutionMonitor monitor) {
        this.monitor = monitor;
    }

    /** The engine's progress on {@code monitor}, each message with its elapsed time and time left. */
    public static Progress timed(ExecutionMonitor monitor) {
        return ProgressEstimate.timed(new ExecutionProgress(monitor));
    }

    @Override
    public void report(double fraction, String message) {
        monitor.setProgress(Math.max(0, Math.min(1, fraction)), message);
    }

    @Override
    public void checkCanceled() {
        try {
            monitor.checkCanceled();
        } catch (CanceledExecutionException e) {
            throw new RunCanceledException();
        }
    }
}
