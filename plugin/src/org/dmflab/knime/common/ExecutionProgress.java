package org.dmflab.knime.common;

import org.dmflab.core.Progress;
import org.dmflab.core.RunCanceledException;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/** Passes the engine's progress reports to a KNIME progress bar and KNIME's cancel button to the engine. */
public final class ExecutionProgress implements Progress {
    private final ExecutionMonitor monitor;

    public ExecutionProgress(ExecutionMonitor monitor) {
        this.monitor = monitor;
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
