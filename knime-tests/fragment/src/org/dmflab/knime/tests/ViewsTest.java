package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.swing.JTabbedPane;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.knime.common.ChartSource;
import org.dmflab.knime.common.ChartNodeView;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;

/**
 * The node views as a user meets them: the trainer has a view of its own (its loss curve, named by the loss trained)
 * that survives saving and loading; the tracker's first tab says what its chart shows (eigenvalues or singular values);
 * a zoom made in a view is still there when the view is closed and opened again, and a log axis zoomed into less than
 * a decade still shows numbers. The view's panels are built here as {@link ChartNodeView} builds them ({@link
 * ChartNodeView.Tabs}; its window needs KNIME's SWT and a display) and written as PNGs to {@code target/views}.
 */
class ViewsTest {
    private static final Path PNGS = Knime.ROOT.resolve("knime-tests/target/views");

    @Test
    void theTrainersViewShowsTheLossItTrainedAndSurvivesSaveAndLoad() throws Exception {
        Path saved = Knime.scratch("views").resolve("pipeline");
        List<String> trainerView;
        Pipeline pipeline = Pipeline.create("views");
        try (Knime.Project project = pipeline.project) {
            assertTrue(project.executeAll(), "the pipeline executes");
            NodeContainer trainer = project.node(pipeline.trainer);
            assertEquals(1, trainer.getNrViews(), "the trainer has a view");
            assertEquals("Loss curve", trainer.getViewName(0));
            List<ChartSource.NamedChart> charts = charts(trainer);
            assertEquals(1, charts.size());
            assertEquals("Loss curve", charts.get(0).title());
            assertEquals("Training loss: full loss", charts.get(0).chart().getTitle().getText());
            assertEquals(List.of("Eigenvalues", "Effective rank", "Loss and error"),
                    titles(charts(project.node(pipeline.tracker))), "a symmetric target's tabs");
            trainerView = SaveLoadTest.chartContent(trainer);
            writeTabs("trainer", charts);
            writeTabs("tracker", charts(project.node(pipeline.tracker)));
            project.wfm().save(saved.toFile(), new ExecutionMonitor(), true);
        }
        Knime.Loaded loaded = Knime.load(saved);
        try (Knime.Project project = loaded.project()) {
            NodeContainer trainer = project.wfm().getNodeContainers().stream()
                    .filter(node -> node.getName().equals("Deep Factorization Trainer")).findFirst().orElseThrow();
            assertEquals(trainerView, SaveLoadTest.chartContent(trainer), "the trainer's view after load");
        }
    }

    @Test
    void aRectangularTargetsTabSaysSingularValues() throws Exception {
        Pipeline pipeline = Pipeline.create("views-rectangular");
        try (Knime.Project project = pipeline.project) {
            project.set(pipeline.generator, Map.of(GroundTruthSettings.M, 8));
            project.set(pipeline.trainer, Map.of(TrainSettings.ITERATIONS, 5000));
            project.wfm().executeUpToHere(pipeline.tracker);
            assertTrue(project.wfm().waitWhileInExecution(10, java.util.concurrent.TimeUnit.MINUTES));
            project.assertExecuted(pipeline.generator, pipeline.trainer, pipeline.tracker);
            List<ChartSource.NamedChart> charts = charts(project.node(pipeline.tracker));
            assertEquals(List.of("Singular values", "Effective rank", "Loss and error"), titles(charts));
            assertTrue(charts.get(0).chart().getTitle().getText().startsWith("Singular values"),
                    "the chart under the tab: " + charts.get(0).chart().getTitle().getText());
            writeTabs("tracker-rectangular", charts);
        }
    }

    /**
     * Zooms every chart of both views as a drag does (a rectangle in the panel's pixels, a tenth of the plot), closes
     * the view, opens it again: the same ranges; and every zoomed log axis has a labelled tick inside its range.
     */
    @Test
    void aZoomSurvivesClosingAndReopeningTheViewAndZoomedLogAxesKeepNumbers() throws Exception {
        Pipeline pipeline = Pipeline.create("views-zoom");
        try (Knime.Project project = pipeline.project) {
            assertTrue(project.executeAll(), "the pipeline executes");
            int zoomed = 0;
            for (NodeID id : List.of(pipeline.trainer, pipeline.tracker)) {
                NodeContainer node = project.node(id);
                JTabbedPane view = new JTabbedPane();
                ChartNodeView.Tabs.fill(view, charts(node));
                List<Range[]> ranges = new ArrayList<>();
                for (int tab = 0; tab < view.getTabCount(); tab++) {
                    ChartPanel panel = (ChartPanel) view.getComponentAt(tab);
                    BufferedImage image = paint(panel);
                    Rectangle2D plot = panel.getScreenDataArea();
                    // a log axis zoomed to the middle tenth of its pixels spans a fraction of a decade here; two labels at least
                    panel.zoom(new Rectangle2D.Double(plot.getCenterX() - plot.getWidth() / 20,
                            plot.getCenterY() - plot.getHeight() / 20, plot.getWidth() / 10, plot.getHeight() / 10));
                    image = paint(panel);
                    ValueAxis x = panel.getChart().getXYPlot().getDomainAxis();
                    ValueAxis y = panel.getChart().getXYPlot().getRangeAxis();
                    ranges.add(new Range[]{x.getRange(), y.getRange()});
                    assertLabelled(node.getName() + ", tab " + view.getTitleAt(tab) + ", x", x, image, plot,
                            RectangleEdge.BOTTOM);
                    assertLabelled(node.getName() + ", tab " + view.getTitleAt(tab) + ", y", y, image, plot,
                            RectangleEdge.LEFT);
                    Files.createDirectories(PNGS);
                    ImageIO.write(image, "png", PNGS.resolve(node.getName().replace(' ', '-') + "-zoomed-" + tab
                            + ".png").toFile());
                    zoomed++;
                }
                ChartNodeView.Tabs.clear(view); // the view closes
                JTabbedPane reopened = new JTabbedPane();
                ChartNodeView.Tabs.fill(reopened, charts(node)); // and opens again
                assertEquals(ranges.size(), reopened.getTabCount());
                for (int tab = 0; tab < reopened.getTabCount(); tab++) {
                    ChartPanel panel = (ChartPanel) reopened.getComponentAt(tab);
                    assertEquals(ranges.get(tab)[0], panel.getChart().getXYPlot().getDomainAxis().getRange(),
                            node.getName() + ", tab " + tab + ": x range after reopening");
                    assertEquals(ranges.get(tab)[1], panel.getChart().getXYPlot().getRangeAxis().getRange(),
                            node.getName() + ", tab " + tab + ": y range after reopening");
                }
            }
            assertEquals(4, zoomed, "the trainer's chart and the tracker's three");
        }
    }

    private static void assertLabelled(String what, ValueAxis axis, BufferedImage image, Rectangle2D plot,
                                       RectangleEdge edge) {
        Graphics2D g2 = image.createGraphics();
        List<?> ticks = axis.refreshTicks(g2, new AxisState(), plot, edge);
        long labelled = ticks.stream().filter(t -> t instanceof ValueTick tick && tick.getTickType() == TickType.MAJOR
                && axis.getRange().contains(tick.getValue())).count();
        assertTrue(labelled >= (axis instanceof org.jfree.chart.axis.LogAxis ? 2 : 1), what + ": " + labelled
                + " labelled ticks inside the zoomed range " + axis.getRange());
    }

    private static BufferedImage paint(ChartPanel panel) {
        panel.setSize(800, 500);
        panel.doLayout();
        BufferedImage image = new BufferedImage(800, 500, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        panel.paint(g2);
        g2.dispose();
        return image;
    }

    private static void writeTabs(String name, List<ChartSource.NamedChart> charts) throws Exception {
        Files.createDirectories(PNGS);
        JTabbedPane view = new JTabbedPane();
        ChartNodeView.Tabs.fill(view, charts);
        for (int tab = 0; tab < view.getTabCount(); tab++) {
            ImageIO.write(paint((ChartPanel) view.getComponentAt(tab)), "png", PNGS.resolve(name + "-" + tab + "-"
                    + view.getTitleAt(tab).replace(' ', '-') + ".png").toFile());
        }
        ChartNodeView.Tabs.clear(view);
    }

    private static List<ChartSource.NamedChart> charts(NodeContainer node) {
        List<ChartSource.NamedChart> charts = ((ChartSource) ((NativeNodeContainer) node).getNodeModel()).charts();
        assertFalse(charts.isEmpty(), node.getNameWithID() + " has charts after execution");
        assertSame(charts.get(0).chart(), ((ChartSource) ((NativeNodeContainer) node).getNodeModel()).charts().get(0)
                .chart(), node.getNameWithID() + ": a reopened view draws the same chart object");
        return charts;
    }

    private static List<String> titles(List<ChartSource.NamedChart> charts) {
        return charts.stream().map(ChartSource.NamedChart::title).toList();
    }
}
