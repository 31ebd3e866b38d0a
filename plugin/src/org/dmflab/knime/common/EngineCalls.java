package org.dmflab.knime.common;

import org.dmflab.core.InvalidInputException;
import org.dmflab.core.RunCanceledException;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;

/**
 * Runs engine code from a node and turns the engine's exceptions into KNIME's: bad input becomes an
 * {@link InvalidSettingsException} with the engine's message (it names the setting or cell), a cancel becomes a
 * {@link CanceledExecutionException}.
 */
public final class EngineCalls {
    private EngineCalls() {
    }

    /** Engine work that may fail on bad input. */
    @FunctionalInterface
    public interface Work<T> {
        T get() throws Exception;
    }

    /** Runs configure-time engine code (parsing and validating settings). */
    public static <T> T configure(Work<T> work) throws InvalidSettingsException {
        try {
            return work.get();
        } catch (InvalidInputException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        } catch (InvalidSettingsException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /** Runs execute-time engine code. */
    public static <T> T execute(Work<T> work) throws Exception {
        try {
            return work.get();
        } catch (InvalidInputException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        } catch (RunCanceledException e) {
            throw new CanceledExecutionException("Execution cancelled");
        }
    }
}
