package org.dmflab.knime.common;

import java.io.File;
import java.io.IOException;
import java.util.Objects;
import org.dmflab.core.settings.RawSettings;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortType;

/**
 * What every DMF Lab node model shares: its settings are a {@link NodeSettingsGroup} saved, validated and loaded
 * together, and validation runs the engine's own parser so that a bad combination is refused when the dialog is
 * applied, with the engine's message. Nodes without internal state need nothing else.
 */
public abstract class EngineNodeModel extends NodeModel {
    /** The engine's parser of a node's settings: throws the engine's {@code InvalidInputException} for bad values. */
    @FunctionalInterface
    public interface EngineCheck {
        void check(RawSettings candidate) throws Exception;
    }

    private final NodeSettingsGroup settingsGroup;
    private final EngineCheck engineCheck;

    /**
     * @param settingsGroup the node's settings (its declarations)
     * @param engineCheck   the stage's parser, run on candidate settings so that the dialog shows the engine's message
     */
    protected EngineNodeModel(PortType[] inPorts, PortType[] outPorts, NodeSettingsGroup settingsGroup,
                              EngineCheck engineCheck) {
        super(inPorts, outPorts);
        this.settingsGroup = Objects.requireNonNull(settingsGroup, "settingsGroup");
        this.engineCheck = Objects.requireNonNull(engineCheck, "engineCheck");
    }

    @Override
    protected final void saveSettingsTo(NodeSettingsWO target) {
        settingsGroup.saveTo(target);
    }

    @Override
    protected final void validateSettings(NodeSettingsRO candidate) throws InvalidSettingsException {
        settingsGroup.validate(candidate);
        RawSettings raw = settingsGroup.raw(candidate);
        EngineCalls.configure(() -> {
            engineCheck.check(raw);
            return null;
        });
    }

    @Override
    protected final void loadValidatedSettingsFrom(NodeSettingsRO source) throws InvalidSettingsException {
        settingsGroup.loadFrom(source);
    }

    @Override
    protected void reset() {
        // no internal state by default
    }

    @Override
    protected void loadInternals(File nodeInternDir, ExecutionMonitor exec) throws IOException,
            CanceledExecutionException {
        // no internal state by default
    }

    @Override
    protected void saveInternals(File nodeInternDir, ExecutionMonitor exec) throws IOException,
            CanceledExecutionException {
        // no internal state by default
    }
}
