package org.dmflab.knime.track;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dmflab.core.chart.ChartRenderer;
import org.dmflab.core.chart.TrackChartSet;
import org.dmflab.core.chart.TrackCharts;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.spectrum.SpectrumTracker;
import org.dmflab.core.spectrum.TrackConfig;
import org.dmflab.core.spectrum.TrackInput;
import org.dmflab.core.spectrum.TrackResult;
import org.dmflab.core.spectrum.TrackSchemas;
import org.dmflab.core.spectrum.TrackSettings;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.Table;
import org.dmflab.knime.common.ChartSource;
import org.dmflab.knime.common.EngineCalls;
import org.dmflab.knime.common.EngineNodeModel;
import org.dmflab.knime.common.ExecutionProgress;
import org.dmflab.knime.common.ImagePorts;
import org.dmflab.knime.common.KnimeTables;
import org.dmflab.knime.common.NodeSettingsGroup;
import org.jfree.chart.JFreeChart;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.VariableType;

/**
 * Spectrum Tracker: effective-rank plateaus, hitting iterations and charts of a training trace. A thin adapter over
 * {@link SpectrumTracker} and {@link TrackCharts}; the charts leave as PNG ports and are shown in the node view.
 */
final class SpectrumTrackerNodeModel extends EngineNodeModel implements ChartSource {
    static final String FLOW_MONOTONE = "dmflab_effective_rank_monotone";
    private static final String CHARTS_FILE = "charts.bin";
    private static final List<String> TITLES = List.of("Eigenvalues", "Effective rank", "Loss and error");

    private final SpectrumTrackerNodeSettings settings = new SpectrumTrackerNodeSettings();
    private List<NamedChart> charts = List.of();

    SpectrumTrackerNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL, BufferedDataTable.TYPE_OPTIONAL},
                new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE, ImagePorts.TYPE, ImagePorts.TYPE,
                        ImagePorts.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        EngineCalls.configure(() -> TrackSettings.parse(settings.group.raw()));
        return new PortObjectSpec[]{KnimeTables.spec(Schemas.PLATEAUS_OBSERVED), KnimeTables.spec(TrackSchemas.HITTING),
                ImagePorts.spec(), ImagePorts.spec(), ImagePorts.spec()};
    }

    @Override
    protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        return EngineCalls.execute(() -> {
            TrackConfig config = TrackSettings.parse(settings.group.raw());
            Table trace = KnimeTables.read((BufferedDataTable) inObjects[0], exec.createSubProgress(0.1));
            Optional<Table> target = optionalTable(inObjects[1], exec);
            Optional<Table> predicted = optionalTable(inObjects[2], exec);
            TrackInput input = TrackInput.fromTables(trace, "trace table", target, "target table", predicted,
                    "predicted plateaus table");
            TrackResult result = SpectrumTracker.track(input, config, new ExecutionProgress(exec.createSubProgress(0.4)));
            TrackChartSet chartSet = TrackCharts.all(result);
            List<JFreeChart> rendered = chartSet.all();
            List<NamedChart> named = new ArrayList<>();
            PortObject[] outputs = new PortObject[5];
            outputs[0] = KnimeTables.write(result.plateausTable(), exec);
            outputs[1] = KnimeTables.write(result.hittingTable(), exec);
            for (int i = 0; i < rendered.size(); i++) {
                exec.checkCanceled();
                named.add(new NamedChart(TITLES.get(i), rendered.get(i)));
                outputs[2 + i] = ImagePorts.png(ChartRenderer.png(rendered.get(i), ChartRenderer.DEFAULT_WIDTH,
                        ChartRenderer.DEFAULT_HEIGHT));
            }
            charts = List.copyOf(named);
            pushFlowVariable(FLOW_MONOTONE, VariableType.BooleanType.INSTANCE, result.effectiveRankMonotone());
            return outputs;
        });
    }

    private static Optional<Table> optionalTable(PortObject port, ExecutionContext exec) throws Exception {
        return port == null ? Optional.empty()
                : Optional.of(KnimeTables.read((BufferedDataTable) port, exec.createSubProgress(0.05)));
    }

    @Override
    public List<NamedChart> charts() {
        return charts;
    }




    @Override
    protected void reset() {
        charts = List.of();
    }

    /** The view's charts survive a saved workflow: JFreeChart charts are serializable. */
    @Override
    protected void saveInternals(File nodeInternDir, ExecutionMonitor exec) throws IOException {
        try (OutputStream file = Files.newOutputStream(new File(nodeInternDir, CHARTS_FILE).toPath());
             ObjectOutputStream out = new ObjectOutputStream(file)) {
            out.writeInt(charts.size());
            for (NamedChart chart : charts) {
                out.writeUTF(chart.title());
                out.writeObject(chart.chart());
            }
        }
    }

    @Override
    protected void loadInternals(File nodeInternDir, ExecutionMonitor exec) throws IOException {
        File file = new File(nodeInternDir, CHARTS_FILE);
        if (!file.exists()) {
            return;
        }
        List<NamedChart> loaded = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file.toPath()); ObjectInputStream objects = new ObjectInputStream(in)) {
            int count = objects.readInt();
            for (int i = 0; i < count; i++) {
                String title = objects.readUTF();
                loaded.add(new NamedChart(title, (JFreeChart) objects.readObject()));
            }
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot restore the charts: " + e.getMessage(), e);
        }
        charts = List.copyOf(loaded);
    }

    @Override
    protected NodeSettingsGroup settingsGroup() {
        return settings.group;
    }

    @Override
    protected void checkWithEngine(RawSettings candidate) {
        TrackSettings.parse(candidate);
    }
}
