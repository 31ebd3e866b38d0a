package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import org.dmflab.core.baseline.NuclearNormSettings;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.settings.Setting;
import org.dmflab.core.track.TrackSettings;
import org.dmflab.core.predict.PredictSettings;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.knime.baseline.NuclearNormBaselineNodeFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeView;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The four nodes' real dialogs, opened in windows on a display (Xvfb in CI) with the real SWT of the KNIME runtime's
 * {@code ui/} folder, as a user meets them: the greying is right on opening for every start and input choice, OK on an
 * untouched (executed) node changes no setting, a bad value is refused with the engine's message and the node keeps
 * its settings, and every dialog of every example and testflow applies unchanged. Each dialog is drawn into a PNG under
 * {@code dmflab.screenshots} (knime-tests/target/dialog-screenshots). Skipped, saying why, without a display, without
 * Java 21+ or without the runtime's {@code ui/} bundles (the default, headless test run).
 */
class DialogWindowsTest {

    @Test
    void greyingIsDerivedOnOpeningForEveryStartAndInput() throws Exception {
        assumeWindows();
        Pipeline pipeline = Pipeline.create("greying");
        try (Knime.Project project = pipeline.project) {
            int checked = 0;
            int expected = 0;
            for (Setting.Choice start : Setting.find(TrainSettings.SETTINGS, TrainSettings.INIT).choices()) {
                project.set(pipeline.trainer, Map.of(TrainSettings.INIT, start.key(), TrainSettings.SEED, "7"));
                expected += conditional(TrainSettings.SETTINGS);
                checked += assertGreying(project, pipeline.trainer, TrainSettings.SETTINGS,
                        Map.of(TrainSettings.INIT, start.key()), "trainer-" + start.key());
            }
            for (Setting.Choice start : Setting.find(PredictSettings.SETTINGS, PredictSettings.INIT).choices()) {
                project.set(pipeline.predictor, Map.of(PredictSettings.INIT, start.key()));
                expected += conditional(PredictSettings.SETTINGS);
                checked += assertGreying(project, pipeline.predictor, PredictSettings.SETTINGS,
                        Map.of(PredictSettings.INIT, start.key()), "predictor-" + start.key());
            }
            for (boolean input : new boolean[]{false, true}) {
                project.set(pipeline.generator, Map.of(GroundTruthSettings.INPUT, input));
                expected += conditional(GroundTruthSettings.SETTINGS);
                checked += assertGreying(project, pipeline.generator, GroundTruthSettings.SETTINGS,
                        Map.of(GroundTruthSettings.INPUT, Boolean.toString(input)), "generator-input-" + input);
            }
            // the predictor's choice between δ and a target accuracy τ, derived from which one is set
            project.set(pipeline.predictor, Map.of(PredictSettings.DELTA, "", PredictSettings.TARGET_ACCURACY,
                    "0.05"));
            try (Window window = Window.open(project.node(pipeline.predictor), "predictor-target-accuracy")) {
                assertEquals(false, window.find(PredictSettings.DELTA).isEnabled(), "δ greyed out with τ");
                assertEquals(true, window.find(PredictSettings.TARGET_ACCURACY).isEnabled(), "τ editable");
                checked += 2;
                expected += 2;
            }
            // the baseline reads both of its settings always: both editable on opening
            NodeID baseline = project.add(new NuclearNormBaselineNodeFactory());
            try (Window window = Window.open(project.node(baseline), "baseline")) {
                for (Setting setting : NuclearNormSettings.SETTINGS) {
                    assertEquals(true, window.find(setting.key()).isEnabled(), "baseline: '" + setting.key()
                            + "' editable");
                    checked++;
                    expected++;
                }
                window.assertEveryFieldHasItsTooltip(NuclearNormSettings.SETTINGS);
            }
            System.out.println("[dialog windows] greying: " + checked + " enabled states checked");
            assertEquals(expected, checked, "enabled states checked");
            assertTrue(checked > 20, "enabled states checked: " + checked);
        }
    }

    private static int conditional(List<Setting> settings) {
        return (int) settings.stream().filter(s -> s.readWhen().isPresent()).count();
    }

    /** Opens the node's dialog and checks every setting read only under a condition; returns how many it checked. */
    private static int assertGreying(Knime.Project project, NodeID id, List<Setting> settings,
                                     Map<String, String> controlling, String shot) throws Exception {
        int checked = 0;
        try (Window window = Window.open(project.node(id), shot)) {
            for (Setting setting : settings) {
                if (setting.readWhen().isEmpty()) {
                    continue;
                }
                Setting.ReadWhen when = setting.readWhen().get();
                boolean expected = when.holdsFor(controlling.get(when.key()));
                assertEquals(expected, window.find(setting.key()).isEnabled(), shot + ": '" + setting.key()
                        + "' is " + (expected ? "editable" : "greyed out") + " when " + controlling);
                checked++;
            }
        }
        return checked;
    }

    @Test
    void okOnAnUntouchedExecutedNodeChangesNoSetting() throws Exception {
        assumeWindows();
        Path example = WorkflowFilesTest.copy(Knime.ROOT.resolve("examples/plateaus"), "plateaus-ok");
        Knime.Loaded loaded = Knime.load(example);
        try (Knime.Project project = loaded.project()) {
            assertTrue(project.executeAll(), "the plateaus example executes");
            int applied = 0;
            for (NodeContainer node : ours(project)) {
                assertUntouchedOkKeepsTheNode(project, node);
                applied++;
            }
            assertEquals(4, applied);
        }
        try (ExampleRun run = ExampleRun.execute(Knime.ROOT.resolve("test-workflows/NuclearNormBaseline_completion"))) {
            assertUntouchedOkKeepsTheNode(run.project(), ours(run.project()).stream()
                    .filter(n -> n.getName().equals("Nuclear Norm Baseline")).findFirst().orElseThrow());
        }
        // doubles round-trip exactly, including those a 15-digit field would round (1e-20 is not 0)
        Pipeline pipeline = Pipeline.create("exact");
        try (Knime.Project project = pipeline.project) {
            project.set(pipeline.trainer, Map.of(TrainSettings.STEP, 1e-17, TrainSettings.TOLERANCE, 1e-20,
                    TrainSettings.ALPHA, 0.1 + 0.2));
            NodeContainer trainer = project.node(pipeline.trainer);
            try (Window window = Window.open(trainer, "trainer-exact-doubles")) {
                window.assertHoldsTheNodesSettings(project, "1e-17, 1e-20 and 0.1 + 0.2 in the dialog");
                window.apply();
            }
            NodeSettings model = project.settings(pipeline.trainer).getNodeSettings("model");
            assertEquals(1e-17, model.getDouble(TrainSettings.STEP));
            assertEquals(1e-20, model.getDouble(TrainSettings.TOLERANCE));
            assertEquals(0.1 + 0.2, model.getDouble(TrainSettings.ALPHA));
        }
    }

    /** OK in the untouched dialog of an executed node keeps its settings, and the node stays executed. */
    private static void assertUntouchedOkKeepsTheNode(Knime.Project project, NodeContainer node) throws Exception {
        NodeSettings before = project.settings(node.getID());
        try (Window window = Window.open(node, "executed-" + Window.fileName(node))) {
            window.assertHoldsTheNodesSettings(project, node.getNameWithID() + ": the untouched dialog");
            window.apply();
        }
        assertTrue(node.getNodeContainerState().isExecuted(), node.getNameWithID() + " still executed");
        Knime.assertSameXml(node.getNameWithID(), before, project.settings(node.getID()));
    }

    @Test
    void eachInvalidValueShowsTheEnginesMessageAndKeepsTheSettings() throws Exception {
        assumeWindows();
        record Case(String node, String key, String typed, String message) {
        }
        List<Case> cases = List.of(
                new Case("trainer", TrainSettings.STEP, "0", "step: the step size η must be positive and finite, got 0.0"),
                new Case("trainer", TrainSettings.STEP, "abc", "step: 'abc' is not a number"),
                new Case("trainer", TrainSettings.DEPTH, "1.5", "depth: '1.5' is not a whole number"),
                new Case("trainer", TrainSettings.TOLERANCE, "-1", "tolerance: must be 0"),
                new Case("predictor", PredictSettings.EPSILON, "1.5", "epsilon: must be a relative accuracy strictly "
                        + "between 0 and 1"),
                new Case("predictor", PredictSettings.DEPTH, "101", "depth: must be a whole number from 1 to 100"),
                new Case("tracker", TrackSettings.PLATEAU_TOLERANCE, "0", "plateau-tolerance: the band around each "
                        + "plateau level must be positive and finite"),
                new Case("generator", GroundTruthSettings.MEASUREMENTS, "-3", "measurements: must be 0"),
                new Case("baseline", NuclearNormSettings.TOLERANCE, "0.5", "tolerance: 0.5 is outside (0, 0.1]"),
                new Case("baseline", NuclearNormSettings.ITERATIONS, "0", "iterations: 0 is below 1"),
                new Case("baseline", NuclearNormSettings.ITERATIONS, "1e3", "iterations: '1e3' is not a whole "
                        + "number"));
        Pipeline pipeline = Pipeline.create("invalid");
        try (Knime.Project project = pipeline.project) {
            Map<String, NodeID> nodes = Map.of("trainer", pipeline.trainer, "predictor", pipeline.predictor,
                    "tracker", pipeline.tracker, "generator", pipeline.generator,
                    "baseline", project.add(new NuclearNormBaselineNodeFactory()));
            for (Case c : cases) {
                NodeContainer node = project.node(nodes.get(c.node()));
                NodeSettings before = project.settings(node.getID());
                try (Window window = Window.open(node, "invalid-" + c.node() + "-" + c.key())) {
                    window.type(c.key(), c.typed());
                    InvalidSettingsException refused = assertThrows(InvalidSettingsException.class, window::apply,
                            c + " is refused");
                    assertTrue(refused.getMessage().startsWith(c.message()), c + ": the engine's message, got "
                            + refused.getMessage());
                }
                Knime.assertSameXml(c + " keeps the node's settings", before, project.settings(node.getID()));
            }
            System.out.println("[dialog windows] " + cases.size() + " invalid values refused with the engine's message");
        }
    }

    @Test
    void everyDialogOfEveryExampleAndTestflowApplies() throws Exception {
        assumeWindows();
        List<Path> workflows = new ArrayList<>();
        for (String folder : List.of("examples", "test-workflows")) {
            try (Stream<Path> dirs = Files.list(Knime.ROOT.resolve(folder))) {
                dirs.filter(d -> Files.exists(d.resolve("workflow.knime"))).sorted().forEach(workflows::add);
            }
        }
        int dialogs = 0;
        for (Path committed : workflows) {
            String name = committed.getParent().getFileName() + "-" + committed.getFileName();
            Knime.Loaded loaded = Knime.load(WorkflowFilesTest.copy(committed, name));
            try (Knime.Project project = loaded.project()) {
                for (NodeContainer node : ours(project)) {
                    NodeSettings before = project.settings(node.getID());
                    try (Window window = Window.open(node, name + "-" + Window.fileName(node))) {
                        window.assertHoldsTheNodesSettings(project, name + " " + node.getNameWithID());
                        window.assertEveryFieldHasItsTooltip(SETTINGS.get(node.getName()));
                        window.apply();
                        if (node.getName().startsWith("Ground Truth")) {
                            assertTrue(window.frame.getWidth() <= 760, name + " " + node.getNameWithID()
                                    + ": the generator's dialog fits about 700 px, is " + window.frame.getWidth());
                        }
                    }
                    Knime.assertSameXml(name + " " + node.getNameWithID(), before, project.settings(node.getID()));
                    dialogs++;
                }
            }
        }
        System.out.println("[dialog windows] " + dialogs + " dialogs of " + workflows.size()
                + " examples and testflows applied unchanged");
        assertEquals(workflows.size() >= 8, true, "examples and testflows found: " + workflows);
        assertTrue(dialogs >= 15, "dialogs applied: " + dialogs);
    }

    /**
     * The predictor's button binds its run settings to the flow variables the trainer pushes: downstream of a trainer
     * (its flow-variable port), the predictor then predicts exactly the trainer's run (here a perturbed start with β
     * derived as α/2), as a predictor with those values typed in does.
     */
    @Test
    void thePredictorTakesTheTrainersRunFromItsFlowVariables() throws Exception {
        assumeWindows();
        Pipeline pipeline = Pipeline.create("run-variables");
        try (Knime.Project project = pipeline.project) {
            project.set(pipeline.trainer, Map.of(TrainSettings.DEPTH, 4, TrainSettings.STEP, 0.005,
                    TrainSettings.INIT, "perturbed", TrainSettings.ALPHA, 0.03, TrainSettings.BETA, "",
                    TrainSettings.ITERATIONS, 2000));
            project.connect(pipeline.trainer, 0, pipeline.predictor, 0);
            NodeContainer predictor = project.node(pipeline.predictor);
            try (Window window = Window.open(predictor, "predictor-run-from-trainer")) {
                window.click("Take these from the trainer's flow variables");
                for (String key : org.dmflab.core.dynamics.RunSettings.SETTINGS.stream().map(Setting::key).toList()) {
                    assertEquals(false, window.find(key).isEnabled(), key + " is set by the trainer's flow variable");
                }
                window.apply();
            }
            NodeID typed = project.add(new org.dmflab.knime.predict.BoundPredictorNodeFactory());
            project.set(typed, Map.of(PredictSettings.DEPTH, 4, PredictSettings.STEP, 0.005, PredictSettings.INIT,
                    "perturbed", PredictSettings.ALPHA, 0.03, PredictSettings.BETA, Double.toString(0.03 / 2)));
            project.connect(pipeline.generator, 2, typed, 1);
            boolean executed = project.executeAll();
            StringBuilder messages = new StringBuilder();
            project.wfm().getNodeContainers().forEach(n -> messages.append(n.getNameWithID()).append(": ")
                    .append(n.getNodeMessage()).append("; "));
            assertTrue(executed, "the pipeline executes: " + messages);
            for (int port = 1; port <= 2; port++) {
                Rows.assertSame(Rows.of("typed predictor port " + port, project.table(typed, port)),
                        Rows.of("predictor from the trainer's variables port " + port,
                                project.table(pipeline.predictor, port)), 0);
            }
        }
    }

    /**
     * Every view of the executed examples, opened in KNIME's own window of a classic node view (NodeView.createFrame)
     * on the screen, one screenshot per tab ({@code view-<example>-<node>-<tab>.png} beside the dialogs'): each chart
     * is titled, both axes are named, a log axis has labelled ticks as drawn in the window, and a chart drawing more
     * than one series has a legend naming each of them.
     */
    @Test
    void everyViewOfTheExamplesOpensInAWindowWithTitlesAxesAndLegends() throws Exception {
        assumeWindows();
        int tabs = 0;
        int views = 0;
        List<Path> examples;
        try (Stream<Path> dirs = Files.list(Knime.ROOT.resolve("examples"))) {
            examples = dirs.filter(d -> Files.exists(d.resolve("workflow.knime"))).sorted().toList();
        }
        for (Path committed : examples) {
            try (ExampleRun run = ExampleRun.execute(committed)) {
                for (NodeContainer node : ours(run.project())) {
                    for (int index = 0; index < node.getNrViews(); index++) {
                        tabs += showView(node, index, "view-" + run.name() + "-" + Window.fileName(node));
                        views++;
                    }
                }
            }
        }
        System.out.println("[dialog windows] " + tabs + " view tabs of " + examples.size() + " examples drawn");
        // the tracker's view has three tabs, the trainer's one: the two pipeline examples four each, the sweep one
        assertTrue(views >= examples.size() && tabs >= 4 * (examples.size() - 1) + 1, "view tabs drawn: " + tabs
                + " of " + views + " views");
    }

    /**
     * Opens view {@code index} of {@code node} in a window, checks and draws each tab; returns how many. (KNIME
     * deprecates the classic view's public openers in favour of its web views; they still open classic views.)
     */
    @SuppressWarnings("deprecation")
    private static int showView(NodeContainer node, int index, String shot) throws Exception {
        NodeView<?> view = (NodeView<?>) node.getView(index); // as KNIME's "open view" gets it
        AtomicReference<JFrame> opened = new AtomicReference<>();
        Window.onScreen(() -> {
            // KNIME's own window of a classic view: createFrame opens the view (onOpen, modelChanged) in its frame
            JFrame frame = view.createFrame(node.getViewName(index) + " - " + node.getNameWithID());
            frame.setSize(900, 620);
            frame.setLocation(0, 0);
            frame.setVisible(true);
            frame.validate();
            opened.set(frame);
        });
        JFrame frame = opened.get();
        int drawn = 0;
        try {
            javax.swing.JTabbedPane tabs = component(frame.getContentPane(), javax.swing.JTabbedPane.class);
            assertNotNull(tabs, node.getNameWithID() + ": the view shows its charts in tabs");
            for (int tab = 0; tab < tabs.getTabCount(); tab++) {
                int selected = tab;
                String what = node.getNameWithID() + " view, tab '" + tabs.getTitleAt(tab) + "'";
                AtomicReference<BufferedImage> image = new AtomicReference<>();
                Window.onScreen(() -> {
                    tabs.setSelectedIndex(selected);
                    frame.validate();
                    BufferedImage drawnImage = new BufferedImage(frame.getContentPane().getWidth(),
                            frame.getContentPane().getHeight(), BufferedImage.TYPE_INT_RGB);
                    frame.getContentPane().printAll(drawnImage.getGraphics());
                    image.set(drawnImage);
                });
                Path dir = Path.of(Knime.property("dmflab.screenshots"));
                Files.createDirectories(dir);
                ImageIO.write(image.get(), "png", dir.resolve(shot + "-" + tab + "-"
                        + tabs.getTitleAt(tab).replaceAll("[^A-Za-z0-9]+", "-") + ".png").toFile());
                assertReadable(what, (org.jfree.chart.ChartPanel) tabs.getComponentAt(tab), image.get());
                drawn++;
            }
        } finally {
            Window.onScreen(() -> {
                view.callCloseView();
                frame.dispose();
            });
        }
        return drawn;
    }

    /** A chart a reader of the paper can read: titled, named axes, labelled log ticks, a legend for several series. */
    private static void assertReadable(String what, org.jfree.chart.ChartPanel panel, BufferedImage image) {
        org.jfree.chart.JFreeChart chart = panel.getChart();
        assertTrue(chart.getTitle() != null && !chart.getTitle().getText().isBlank(), what + ": a title");
        org.jfree.chart.plot.XYPlot plot = chart.getXYPlot();
        java.awt.geom.Rectangle2D area = panel.getScreenDataArea();
        assertTrue(area.getWidth() > 100 && area.getHeight() > 100, what + ": a plot area of " + area);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            assertAxis(what + ", x axis", plot.getDomainAxis(i), image, area, org.jfree.chart.ui.RectangleEdge.BOTTOM);
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            assertAxis(what + ", y axis", plot.getRangeAxis(i), image, area, org.jfree.chart.ui.RectangleEdge.LEFT);
        }
        int series = 0;
        for (int i = 0; i < plot.getDatasetCount(); i++) {
            series += plot.getDataset(i) == null ? 0 : plot.getDataset(i).getSeriesCount();
        }
        if (series > 1) {
            assertTrue(chart.getLegend() != null && chart.getLegend().isVisible(), what + ": " + series
                    + " series drawn, a legend names them");
            org.jfree.chart.LegendItemCollection items = plot.getLegendItems();
            assertTrue(items.getItemCount() > 1, what + ": " + items.getItemCount() + " legend entries");
            for (int i = 0; i < items.getItemCount(); i++) {
                assertTrue(!items.get(i).getLabel().isBlank(), what + ": a legend entry without a name");
            }
        }
    }

    private static void assertAxis(String what, org.jfree.chart.axis.ValueAxis axis, BufferedImage image,
                                   java.awt.geom.Rectangle2D area, org.jfree.chart.ui.RectangleEdge edge) {
        if (axis == null) {
            return;
        }
        assertTrue(axis.getLabel() != null && !axis.getLabel().isBlank(), what + ": a name");
        List<?> ticks = axis.refreshTicks(image.createGraphics(), new org.jfree.chart.axis.AxisState(), area, edge);
        // a log axis labels its ticks with attributed text (powers), the others with plain text
        long labelled = ticks.stream().filter(t -> t instanceof org.jfree.chart.axis.ValueTick tick
                && tick.getTickType() == org.jfree.chart.axis.TickType.MAJOR && (tick.getText() != null
                ? !tick.getText().isBlank() : tick instanceof org.jfree.chart.axis.LogTick log
                && log.getAttributedLabel() != null && log.getAttributedLabel().getIterator().getEndIndex() > 0))
                .count();
        assertTrue(labelled >= 2, what + " '" + axis.getLabel() + "': " + labelled + " labelled ticks");
    }

    private static <T> T component(Container container, Class<T> type) {
        for (Component child : container.getComponents()) {
            if (type.isInstance(child)) {
                return type.cast(child);
            }
            if (child instanceof Container inner) {
                T found = component(inner, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Each node's declared settings, by node name. */
    private static final Map<String, List<Setting>> SETTINGS = Map.of(
            "Ground Truth Generator", GroundTruthSettings.SETTINGS, "Deep Factorization Trainer", TrainSettings.SETTINGS,
            "Spectrum Tracker", TrackSettings.SETTINGS, "Theoretical Bound Predictor", PredictSettings.SETTINGS,
            "Nuclear Norm Baseline", NuclearNormSettings.SETTINGS);

    /** The DMF Lab nodes of a project. */
    private static List<NodeContainer> ours(Knime.Project project) {
        return project.wfm().getNodeContainers().stream().filter(n -> n instanceof NativeNodeContainer nnc
                && nnc.getNode().getFactory().getClass().getName().startsWith(WorkflowFilesTest.OUR_FACTORIES))
                .sorted(java.util.Comparator.comparing(NodeContainer::getID)).toList();
    }

    /** Skips (with the reason) where no window can be opened with the real SWT. */
    private static void assumeWindows() {
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "dialog windows: skipped, no display (headless "
                + "JVM or no DISPLAY); they run in knime-tests' dialog-windows execution under Xvfb (.ci/run)");
        Assumptions.assumeTrue(Runtime.version().feature() >= 21, "dialog windows: skipped, the real SWT needs Java "
                + "21+, this is " + Runtime.version());
        Bundle swt = Stream.of(FrameworkUtil.getBundle(DialogWindowsTest.class).getBundleContext().getBundles())
                .filter(b -> "org.eclipse.swt".equals(b.getSymbolicName())).findFirst().orElse(null);
        boolean realSwt;
        try {
            realSwt = swt != null && swt.loadClass("org.eclipse.swt.SWT") != null;
        } catch (ClassNotFoundException e) {
            realSwt = false;
        }
        Assumptions.assumeTrue(realSwt, "dialog windows: skipped, the runtime's SWT is the stub (no "
                + "../shared/knime-runtime/ui)");
    }

    /** A node's dialog in a window on the screen; closing it disposes the window after drawing a screenshot. */
    static final class Window implements AutoCloseable {
        private final NodeContainer node;
        private final JFrame frame;
        private final NodeDialogPane pane;
        private final String shot;

        private Window(NodeContainer node, JFrame frame, NodeDialogPane pane, String shot) {
            this.node = node;
            this.frame = frame;
            this.pane = pane;
            this.shot = shot;
        }

        static Window open(NodeContainer node, String shot) throws Exception {
            AtomicReference<Window> window = new AtomicReference<>();
            onScreen(() -> {
                NodeDialogPane pane = node.getDialogPaneWithSettings();
                JFrame frame = new JFrame("Dialog - " + node.getNameWithID());
                frame.setContentPane(pane.getPanel());
                frame.pack();
                frame.setLocation(0, 0);
                frame.setVisible(true);
                window.set(new Window(node, frame, pane, shot));
            });
            return window.get();
        }

        static String fileName(NodeContainer node) {
            return node.getName().replaceAll("[^A-Za-z0-9]+", "-") + node.getID().getIndex();
        }

        /**
         * The dialog, saved untouched, holds exactly the node's settings, so that KNIME's OK sees no change and does not
         * reset an executed node.
         */
        void assertHoldsTheNodesSettings(Knime.Project project, String what) throws Exception {
            NodeSettings fromDialog = new NodeSettings("dialog");
            onScreen(() -> pane.finishEditingAndSaveSettingsTo(fromDialog));
            Knime.assertSameValues(what + " holds the node's settings", project.settings(node.getID())
                    .getNodeSettings("model"), fromDialog.getNodeSettings("model"));
            assertTrue(node.areDialogAndNodeSettingsEqual(), what + ": KNIME sees no change (OK keeps the node)");
        }

        /** Every setting's widget carries a tooltip naming its key (after its help, range and default). */
        void assertEveryFieldHasItsTooltip(List<Setting> settings) {
            for (Setting setting : settings) {
                String tooltip = ((javax.swing.JComponent) find(setting.key())).getToolTipText();
                String shown = tooltip == null ? "" : tooltip.replace("&lt;", "<").replace("&gt;", ">")
                        .replace("&amp;", "&");
                assertTrue(shown.contains("<tt>" + setting.key() + "</tt>") && shown.contains(setting.help()) && shown.contains("Default"), node.getNameWithID()
                        + ": tooltip of '" + setting.key() + "': " + tooltip);
            }
        }

        /** The widget of a setting (named by its key). */
        Component find(String key) {
            Component found = find(frame.getContentPane(), key);
            assertNotNull(found, "the dialog of " + node.getNameWithID() + " shows '" + key + "'");
            return found;
        }

        private static Component find(Container container, String key) {
            for (Component child : container.getComponents()) {
                if (key.equals(child.getName())) {
                    return child;
                }
                if (child instanceof Container inner) {
                    Component found = find(inner, key);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }

        /** Presses the button labelled {@code text}. */
        void click(String text) throws Exception {
            javax.swing.AbstractButton button = button(frame.getContentPane(), text);
            assertNotNull(button, "the dialog of " + node.getNameWithID() + " has a button '" + text + "'");
            onScreen(button::doClick);
        }

        private static javax.swing.AbstractButton button(Container container, String text) {
            for (Component child : container.getComponents()) {
                if (child instanceof javax.swing.AbstractButton button && text.equals(button.getText())) {
                    return button;
                }
                if (child instanceof Container inner) {
                    javax.swing.AbstractButton found = button(inner, text);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }

        /** Types {@code text} into the number field of {@code key}. */
        void type(String key, String text) throws Exception {
            Component field = find(key);
            assertTrue(field instanceof JTextField, key + " is a text field");
            onScreen(() -> ((JTextComponent) field).setText(text));
        }

        /**
         * What the dialog's OK and Apply do (KNIME's NodeDialog): nothing when the dialog holds the node's settings,
         * otherwise save the dialog's settings into the node, which validates them (and resets an executed node).
         */
        void apply() throws Exception {
            AtomicReference<Exception> failure = new AtomicReference<>();
            onScreen(() -> {
                try {
                    if (!node.areDialogAndNodeSettingsEqual()) {
                        node.applySettingsFromDialog();
                    }
                } catch (InvalidSettingsException e) {
                    failure.set(e);
                }
            });
            if (failure.get() != null) {
                throw failure.get();
            }
        }

        @Override
        public void close() {
            try {
                drawAndDispose();
            } catch (Exception e) {
                throw new IllegalStateException("closing the dialog of " + node.getNameWithID() + ": " + e, e);
            }
        }

        private void drawAndDispose() throws Exception {
            onScreen(() -> {
                Path dir = Path.of(Knime.property("dmflab.screenshots"));
                Files.createDirectories(dir);
                BufferedImage image = new BufferedImage(frame.getContentPane().getWidth(),
                        frame.getContentPane().getHeight(), BufferedImage.TYPE_INT_RGB);
                frame.getContentPane().printAll(image.getGraphics());
                ImageIO.write(image, "png", dir.resolve(shot + ".png").toFile());
                pane.callOnClose();
                frame.dispose();
            });
        }

        private interface ScreenWork {
            void run() throws Exception;
        }

        /** Runs Swing work on the event thread, rethrowing what it threw. */
        private static void onScreen(ScreenWork work) throws Exception {
            AtomicReference<Exception> failure = new AtomicReference<>();
            SwingUtilities.invokeAndWait(() -> {
                try {
                    work.run();
                } catch (Exception e) {
                    failure.set(e);
                } catch (AssertionError e) {
                    failure.set(new IllegalStateException(e.getMessage(), e));
                }
            });
            if (failure.get() != null) {
                throw failure.get();
            }
        }
    }
}
