package org.dmflab.knime.track;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dmflab.core.Progress;
import org.dmflab.core.chart.ChartRenderer;
import org.dmflab.core.chart.TrackChartSet;
import org.dmflab.core.chart.TrackCharts;
import org.dmflab.core.track.SpectrumTracker;
import org.dmflab.core.track.TrackConfig;
import org.dmflab.core.track.TrackInput;
import org.dmflab.core.track.TrackResult;
import org.dmflab.core.track.TrackSchemas;
import org.dmflab.core.track.TrackSettings;
import org.dmflab.core.table.PlateauTables;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.SpectrumTables;
import org.dmflab.core.table.Table;
import org.dmflab.core.table.TraceTables;
import org.dmflab.knime.common.ChartSource;
import org.dmflab.knime.common.EngineCalls;
import org.dmflab.knime.common.EngineNodeModel;
import org.dmflab.knime.common.ExecutionProgress;
import org.dmflab.knime.common.ImagePorts;
import org.dmflab.knime.common.KnimeTables;
import org.jfree.chart.JFreeChart;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.ContainerTable;
import org.knime.core.data.container.DataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
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
 * A saved workflow keeps what the view needs as data: the input tables, in KNIME's table format in the node's
 * internals; the charts are rebuilt from them on load (the engine is deterministic, so they are the same charts).
 */
final class SpectrumTrackerNodeModel extends EngineNodeModel implements ChartSource {
    static final String FLOW_MONOTONE = "dmflab_effective_rank_monotone";
    static final String FLOW_LARGEST_DROP = "dmflab_effective_rank_largest_drop";
    static final String FLOW_LEFT_DYNAMICS = "dmflab_left_start_dynamics";
    private static final List<String> SOURCES = List.of("trace table", "target table", "predicted plateaus table");
    /** The internals files of the three inputs, in port order. */
    private static final List<String> INPUT_FILES = List.of("trace.zip", "target.zip", "predicted.zip");

    private final SpectrumTrackerNodeSettings settings;
    private List<NamedChart> charts = List.of();
    /** The executed inputs (null where a port was not connected), kept for saveInternals. */
    private DataTable[] viewInputs = new DataTable[0];

    SpectrumTrackerNodeModel() {
        this(new SpectrumTrackerNodeSettings());
    }

    private SpectrumTrackerNodeModel(SpectrumTrackerNodeSettings settings) {
        super(new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL, BufferedDataTable.TYPE_OPTIONAL},
                new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE, ImagePorts.TYPE, ImagePorts.TYPE,
                        ImagePorts.TYPE}, settings.group, TrackSettings::parse);
        this.settings = settings;
    }

    /** Checks the inputs' columns with the engine's own readers (on tables without rows), naming the wrong table. */
    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        EngineCalls.configure(() -> TrackSettings.parse(settings.group.raw()));
        EngineCalls.configure(() -> TraceTables.fromTable(KnimeTables.empty((DataTableSpec) inSpecs[0]), SOURCES.get(0)));
        if (inSpecs[1] != null) {
            DataTableSpec target = (DataTableSpec) inSpecs[1];
            if (!SpectrumTables.isSpectrumTable(KnimeTables.empty(target))) {
                KnimeTables.requireNumericColumns(target, SOURCES.get(1));
            }
        }
        if (inSpecs[2] != null) {
            EngineCalls.configure(() -> PlateauTables.fromTable(KnimeTables.empty((DataTableSpec) inSpecs[2]),
                    SOURCES.get(2)));
        }
        return new PortObjectSpec[]{KnimeTables.spec(Schemas.plateausObserved(inSpecs[2] != null)),
                KnimeTables.spec(TrackSchemas.HITTING),
                ImagePorts.spec(), ImagePorts.spec(), ImagePorts.spec()};
    }

    @Override
    protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        return EngineCalls.execute(() -> {
            DataTable[] inputs = {(BufferedDataTable) inObjects[0], (BufferedDataTable) inObjects[1],
                    (BufferedDataTable) inObjects[2]};
            TrackResult result = track(inputs, exec, ExecutionProgress.timed(exec.createSubProgress(0.4)));
            TrackChartSet chartSet = TrackCharts.all(result);
            PortObject[] outputs = new PortObject[5];
            outputs[0] = KnimeTables.write(result.plateausTable(), exec);
            outputs[1] = KnimeTables.write(result.hittingTable(), exec);
            List<JFreeChart> rendered = chartSet.all();
            for (int i = 0; i < rendered.size(); i++) {
                exec.checkCanceled();
                outputs[2 + i] = ImagePorts.png(ChartRenderer.png(rendered.get(i), ChartRenderer.DEFAULT_WIDTH,
                        ChartRenderer.DEFAULT_HEIGHT));
            }
            charts = named(chartSet, TrackCharts.tabTitles(result));
            viewInputs = inputs;
            pushFlowVariable(FLOW_MONOTONE, VariableType.BooleanType.INSTANCE, result.effectiveRankMonotone());
            pushFlowVariableDouble(FLOW_LARGEST_DROP, result.monotonicity().largestDrop());
            pushFlowVariable(FLOW_LEFT_DYNAMICS, VariableType.BooleanType.INSTANCE, result.departure().isPresent());
            result.departure().ifPresent(departure -> setWarningMessage(departure.sentence()));
            return outputs;
        });
    }

    /** The engine's result for the input tables (null = port not connected). */
    private TrackResult track(DataTable[] inputs, ExecutionMonitor exec, Progress progress)
            throws CanceledExecutionException {
        TrackConfig config = TrackSettings.parse(settings.group.raw());
        Table trace = KnimeTables.read(inputs[0], exec.createSubProgress(0.1));
        Optional<Table> target = optionalTable(inputs[1], exec);
        Optional<Table> predicted = optionalTable(inputs[2], exec);
        TrackInput input = TrackInput.fromTables(trace, SOURCES.get(0), target, SOURCES.get(1), predicted,
                SOURCES.get(2));
        return SpectrumTracker.track(input, config, progress);
    }

    private static Optional<Table> optionalTable(DataTable table, ExecutionMonitor exec)
            throws CanceledExecutionException {
        return table == null ? Optional.empty() : Optional.of(KnimeTables.read(table, exec.createSubProgress(0.05)));
    }

    private static List<NamedChart> named(TrackChartSet chartSet, List<String> titles) {
        List<NamedChart> named = new ArrayList<>();
        List<JFreeChart> all = chartSet.all();
        for (int i = 0; i < all.size(); i++) {
            named.add(new NamedChart(titles.get(i), all.get(i)));
        }
        return List.copyOf(named);
    }

    @Override
    public List<NamedChart> charts() {
        return charts;
    }

    @Override
    protected void reset() {
        charts = List.of();
        viewInputs = new DataTable[0];
    }

    /** Saves the executed input tables (KNIME's table format), from which loadInternals rebuilds the view. */
    @Override
    protected void saveInternals(File nodeInternDir, ExecutionMonitor exec) throws IOException,
            CanceledExecutionException {
        for (int port = 0; port < viewInputs.length; port++) {
            if (viewInputs[port] != null) {
                DataContainer.writeToZip(viewInputs[port], new File(nodeInternDir, INPUT_FILES.get(port)), exec);
            }
        }
    }

    @Override
    protected void loadInternals(File nodeInternDir, ExecutionMonitor exec) throws IOException,
            CanceledExecutionException {
        if (!new File(nodeInternDir, INPUT_FILES.get(0)).exists()) {
            return; // saved by an older version, or not executed: the view shows "execute the node"
        }
        DataTable[] inputs = new DataTable[INPUT_FILES.size()];
        for (int port = 0; port < inputs.length; port++) {
            File file = new File(nodeInternDir, INPUT_FILES.get(port));
            if (file.exists()) {
                ContainerTable table = DataContainer.readFromZip(file);
                inputs[port] = table;
            }
        }
        try {
            TrackResult result = track(inputs, exec, Progress.NONE);
            charts = named(TrackCharts.all(result), TrackCharts.tabTitles(result));
            viewInputs = inputs;
        } catch (RuntimeException e) {
            throw new IOException("cannot rebuild the Spectrum Tracker's charts from its saved inputs: "
                    + e.getMessage(), e);
        }
    }
}
