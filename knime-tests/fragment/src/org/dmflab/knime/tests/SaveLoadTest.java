package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dmflab.knime.common.ChartSource;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.junit.jupiter.api.Test;

/**
 * A saved and reloaded workflow keeps every node's settings, its output tables and the Spectrum Tracker's view: the
 * view's data are stored as tables in the node's internals and the charts rebuilt from them on load (no serialized
 * Java objects in the workflow).
 */
class SaveLoadTest {

    @Test
    void saveAndLoadKeepSettingsOutputsAndTheView() throws Exception {
        Path saved = Knime.scratch("saved").resolve("plateaus");
        Map<NodeID, String> settings = new LinkedHashMap<>();
        Map<String, Rows> tables = new LinkedHashMap<>();
        List<String> view;
        Pipeline pipeline = Pipeline.create("save-load");
        try (Knime.Project project = pipeline.project) {
            assertTrue(project.executeAll(), "the pipeline executes");
            for (NodeID id : pipeline.nodes()) {
                settings.put(id, Knime.xml(project.settings(id)));
                tables.putAll(tables(project, id));
            }
            view = chartContent(project.node(pipeline.tracker));
            assertFalse(view.isEmpty(), "the tracker's view has charts after execution");
            project.wfm().save(saved.toFile(), new ExecutionMonitor(), true);
        }
        assertNoSerializedJava(saved);
        Knime.Loaded loaded = Knime.load(saved);
        try (Knime.Project project = loaded.project()) {
            assertFalse(loaded.result().hasErrors(), () -> loaded.result().getFilteredError("",
                    org.knime.core.node.workflow.WorkflowPersistor.LoadResultEntry.LoadResultEntryType.Error));
            List<NodeID> ids = new ArrayList<>(project.wfm().getNodeContainers().stream()
                    .map(NodeContainer::getID).sorted().toList());
            assertEquals(4, ids.size());
            NodeID tracker = null;
            Map<String, Rows> reloaded = new LinkedHashMap<>();
            for (NodeID id : ids) {
                NodeContainer node = project.node(id);
                assertTrue(node.getNodeContainerState().isExecuted(), node.getNameWithID() + " loads executed");
                assertEquals(settings.get(pipeline.nodes().get(ids.indexOf(id))), Knime.xml(project.settings(id)),
                        node.getNameWithID() + ": settings after load");
                reloaded.putAll(tables(project, id));
                if (node.getName().equals("Spectrum Tracker")) {
                    tracker = id;
                }
            }
            assertEquals(tables.keySet(), reloaded.keySet());
            tables.forEach((port, rows) -> Rows.assertSame(rows, reloaded.get(port), 0));
            assertEquals(view, chartContent(project.node(tracker)), "the view shows the same charts after load");
        }
    }

    private static Map<String, Rows> tables(Knime.Project project, NodeID id) {
        Map<String, Rows> tables = new LinkedHashMap<>();
        NodeContainer node = project.node(id);
        for (int port = 1; port < node.getNrOutPorts(); port++) {
            if (node.getOutPort(port).getPortObject() instanceof org.knime.core.node.BufferedDataTable table) {
                String name = node.getName() + " port " + port;
                tables.put(name, Rows.of(name, table));
            }
        }
        return tables;
    }

    /** What a reader sees of the view's charts: titles, axis labels, series names and every plotted point. */
    static List<String> chartContent(NodeContainer node) {
        ChartSource source = (ChartSource) ((NativeNodeContainer) node).getNodeModel();
        List<String> content = new ArrayList<>();
        for (ChartSource.NamedChart named : source.charts()) {
            JFreeChart chart = named.chart();
            content.add("tab " + named.title() + ": " + (chart.getTitle() == null ? "" : chart.getTitle().getText()));
            plotContent(chart.getPlot(), content);
        }
        return content;
    }

    private static void plotContent(Plot plot, List<String> content) {
        if (plot instanceof CombinedDomainXYPlot combined) {
            for (XYPlot sub : combined.getSubplots()) {
                plotContent(sub, content);
            }
            return;
        }
        XYPlot xy = (XYPlot) plot;
        content.add("axes " + xy.getDomainAxis().getLabel() + " / " + xy.getRangeAxis().getLabel());
        for (int d = 0; d < xy.getDatasetCount(); d++) {
            XYDataset dataset = xy.getDataset(d);
            if (dataset == null) {
                continue;
            }
            for (int s = 0; s < dataset.getSeriesCount(); s++) {
                StringBuilder series = new StringBuilder("series " + dataset.getSeriesKey(s) + ":");
                for (int i = 0; i < dataset.getItemCount(s); i++) {
                    series.append(' ').append(dataset.getXValue(s, i)).append(',').append(dataset.getYValue(s, i));
                }
                content.add(series.toString());
            }
        }
    }

    /** No file of the saved workflow is a Java object stream (magic 0xACED). */
    static void assertNoSerializedJava(Path workflow) throws Exception {
        try (Stream<Path> files = Files.walk(workflow)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] head = in.readNBytes(2);
                    assertFalse(head.length == 2 && (head[0] & 0xff) == 0xAC && (head[1] & 0xff) == 0xED,
                            file + " is a serialized Java object");
                }
            }
        }
    }
}
