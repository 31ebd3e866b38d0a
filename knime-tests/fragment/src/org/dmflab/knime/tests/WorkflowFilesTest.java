package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeAndBundleInformationPersistor;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.workflow.ConnectionContainer;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.WorkflowPersistor.LoadResultEntry;
import org.knime.core.node.workflow.WorkflowPersistor.LoadResultEntry.LoadResultEntryType;

/**
 * The example workflow and every testflow, as committed, load with KNIME's loader with no error from our nodes,
 * execute our nodes, and save back without changing anything of ours (load, save, load). KNIME's CSV Reader, Table
 * Validator, Table Difference Checker and Testflow Configuration are not in the test runtime (they load as KNIME's
 * missing-node placeholders), so the test feeds our nodes the testflows' input files itself and compares their outputs
 * with the reference files the Difference Checkers name.
 */
class WorkflowFilesTest {
    static final String OUR_FACTORIES = "org.dmflab.knime.";
    static final String CSV_READER = "org.knime.base.node.io.filehandling.csv.reader.CSVTableReaderNodeFactory";
    static final String TABLE_VALIDATOR = "org.knime.base.node.preproc.datavalidator.DataValidatorNodeFactory";
    static final String DIFFERENCE_CHECKER = "org.knime.testing.internal.nodes.differ.DifferenceCheckerNodeFactory";
    static final String LOOP_START = "org.knime.base.node.meta.looper.LoopStartIntervalDynamicNodeFactory";
    static final String VARIABLE_TO_ROW = "org.knime.base.node.flowvariable.variabletotablerow4.VariableToTable4NodeFactory";
    static final String LOOP_END = "org.knime.base.node.meta.looper.LoopEndDynamicNodeFactory";
    static final String PIVOT = "org.knime.base.node.preproc.pivot.Pivot2NodeFactory";
    static final String LINE_PLOT = "org.knime.js.base.node.viz.plotter.line.LinePlotNodeFactory";
    static final Set<String> KNIME_NODES_NOT_IN_THE_RUNTIME = Set.of(CSV_READER, TABLE_VALIDATOR, DIFFERENCE_CHECKER,
            "org.knime.testing.node.config.TestConfigNodeFactory", LOOP_START, VARIABLE_TO_ROW, LOOP_END, PIVOT,
            LINE_PLOT);
    /**
     * Doubles of a node against its reference file: within 1e-9 of the column's largest magnitude, the bound the
     * testflows' Difference Checkers use (test-workflows/README.md, "Tolerances"); everything else exact.
     */
    static final double RELATIVE_TOLERANCE = 1e-9;

    @Test
    void theExampleLoadsExecutesAndSavesBackUnchanged() throws Exception {
        Path original = copy(Knime.ROOT.resolve("examples/plateaus"), "example");
        Path resaved = loadAndSave(original);
        Knime.Loaded loaded = Knime.load(resaved);
        try (Knime.Project project = loaded.project()) {
            assertNoErrorFromOurNodes(resaved, loaded.result());
            assertTrue(project.executeAll(), "the example executes: " + messages(project));
            assertEquals(4, project.wfm().getNodeContainers().size());
        }
    }

    /**
     * The MNIST example loads, saves back unchanged and loads again, and runs whole: its CSV Reader is replaced by a
     * source reading the same shipped file, then both generators (pixels / 255, noisy with every entry observed, and
     * clean), the trainer (depth 3 on 100 × 784 at width 100, until the loss is ≤ 10⁻³: about 5 700 iterations) and
     * the tracker execute. The run is trained, not stopped by its budget: its final loss is under the preset's
     * threshold. Their outputs
     * equal the mnist-denoising preset's depth-3 run (the engine's ExperimentRunner on the preset's own settings) bit
     * for bit: both go through the same generator (division, noise, observations), the same completion plan and the
     * same solver with the same seeds, so any difference means the example's settings are not the preset's.
     */
    @Test
    void theMnistExampleRunsThePresetsDepthThreeRunBitForBit() throws Exception {
        Path original = copy(Knime.ROOT.resolve("examples/mnist-denoising"), "mnist-denoising");
        Path resaved = loadAndSave(original);
        Knime.Loaded loaded = Knime.load(resaved);
        try (Knime.Project project = loaded.project()) {
            assertNoErrorFromOurNodes(resaved, loaded.result());
            assertEquals(5, project.wfm().getNodeContainers().size());
            WorkflowFiles files = WorkflowFiles.read(original);
            Map<String, NodeID> ours = new HashMap<>();
            for (NodeContainer node : List.copyOf(project.wfm().getNodeContainers())) {
                String factory = files.factory(node.getID());
                if (factory.startsWith(OUR_FACTORIES)) {
                    feedInputsFromFiles(project, files, original.resolve("data"), node);
                    String role = factory.substring(factory.lastIndexOf('.') + 1);
                    if (role.startsWith("GroundTruth")) {
                        role += project.settings(node.getID()).getNodeSettings("model").getString("noise")
                                .equals("none") ? " clean" : " noisy";
                    }
                    assertEquals(null, ours.put(role, node.getID()), "one node for " + role);
                }
            }
            NodeID noisy = ours.get("GroundTruthGeneratorNodeFactory noisy");
            NodeID clean = ours.get("GroundTruthGeneratorNodeFactory clean");
            NodeID trainer = ours.get("DeepFactorizationTrainerNodeFactory");
            NodeID tracker = ours.get("SpectrumTrackerNodeFactory");
            assertNotNull(noisy, "a noisy generator");
            assertNotNull(clean, "a clean generator");
            assertNotNull(tracker, "a tracker");
            long start = System.nanoTime();
            project.wfm().executeUpToHere(tracker);
            assertTrue(project.wfm().waitWhileInExecution(30, TimeUnit.MINUTES), "the example finishes");
            double knimeSeconds = (System.nanoTime() - start) * 1e-9;
            project.assertExecuted(noisy, clean, trainer, tracker);

            start = System.nanoTime();
            org.dmflab.core.experiment.run.ExperimentRun reference = depthThreeOfTheMnistPreset();
            double presetSeconds = (System.nanoTime() - start) * 1e-9;
            System.out.printf(java.util.Locale.ROOT, "MNIST example: KNIME execution %.1f s (generators, trainer, "
                    + "tracker), the preset's depth-3 run in the engine %.1f s%n", knimeSeconds, presetSeconds);
            org.dmflab.core.experiment.run.RunOutcome run = reference.runs().get(0);
            assertTrue(run.reachedTolerance() && run.training().finalLoss()
                    <= org.dmflab.core.experiment.preset.ExperimentPresets.MNIST_LOSS_THRESHOLD, "the depth-3 run is trained "
                    + "to the loss threshold, not stopped by its budget: " + run.training().summary());
            assertSameAsCore(org.dmflab.core.table.MatrixTables.toTable(reference.truth().matrix()),
                    Rows.of("noisy generator's matrix", project.table(noisy, 1)));
            assertSameAsCore(observationsOfThePreset(reference, run), Rows.of("noisy generator's observations",
                    project.table(noisy, 4)));
            assertSameAsCore(org.dmflab.core.table.MatrixTables.toTable(reference.clean().orElseThrow().matrix()),
                    Rows.of("clean generator's matrix", project.table(clean, 1)));
            assertSameAsCore(run.training().traceTable(), Rows.of("trainer's trace", project.table(trainer, 1)));
            assertSameAsCore(run.training().productTable(), Rows.of("trainer's product", project.table(trainer, 2)));
            assertSameAsCore(run.track().plateausTable(), Rows.of("tracker's plateaus", project.table(tracker, 1)));
            assertSameAsCore(run.track().hittingTable(), Rows.of("tracker's hitting", project.table(tracker, 2)));
        }
    }

    /** The mnist-denoising preset with only its depth-3 run, through the engine's ExperimentRunner. */
    private static org.dmflab.core.experiment.run.ExperimentRun depthThreeOfTheMnistPreset() {
        org.dmflab.core.experiment.preset.ExperimentPreset full =
                org.dmflab.core.experiment.preset.ExperimentPresets.named("mnist-denoising");
        List<org.dmflab.core.experiment.preset.RunSpec> depthThree = full.runs().stream()
                .filter(run -> "3".equals(run.train().get(org.dmflab.core.train.TrainSettings.DEPTH))).toList();
        assertEquals(1, depthThree.size(), "the preset has one depth-3 run");
        org.dmflab.core.experiment.preset.ExperimentPreset preset = new org.dmflab.core.experiment.preset.ExperimentPreset(
                full.name(), full.description(), full.figure(), full.groundTruth(), full.clean(), depthThree,
                full.analysis(), full.input());
        return org.dmflab.core.experiment.run.ExperimentRunner.run(preset, org.dmflab.core.Progress.NONE);
    }

    /** The entries the preset's run trains on: its generator settings with the run's {@code observations}. */
    private static org.dmflab.core.table.Table observationsOfThePreset(org.dmflab.core.experiment.run.ExperimentRun reference,
                                                                      org.dmflab.core.experiment.run.RunOutcome run) {
        org.dmflab.core.experiment.preset.ExperimentPreset preset = reference.preset();
        Map<String, String> settings = new HashMap<>(preset.groundTruth());
        settings.put(org.dmflab.core.groundtruth.GroundTruthSettings.OBSERVATIONS, run.spec().observations()
                .orElseThrow());
        org.dmflab.core.experiment.preset.ExperimentPreset.DataInput input = preset.input().orElseThrow();
        return org.dmflab.core.table.ObservationTables.toTable(org.dmflab.core.groundtruth.GroundTruthGenerator.generate(
                org.dmflab.core.groundtruth.GroundTruthSettings.parse(org.dmflab.core.settings.RawSettings.of(settings),
                        java.util.Optional.of(org.dmflab.core.experiment.preset.DataSets.load(input.dataSet(),
                                input.rows())))).observations().orElseThrow());
    }

    /** A KNIME output against the engine's table, bit for bit (through a CSV file: doubles written round-trip). */
    private static void assertSameAsCore(org.dmflab.core.table.Table expected, Rows actual) throws IOException {
        Path file = Knime.scratch("reference").resolve("expected.csv");
        org.dmflab.core.csv.CsvTableWriter.write(expected, file, org.dmflab.core.Progress.NONE);
        Rows.assertSame(Rows.fromCsv(file, actual), actual, 0);
    }

    /** One test per testflow, named by it, so that a failure says which testflow broke. */
    @TestFactory
    Stream<DynamicTest> everyTestflowLoadsSavesBackAndItsNodesMatchTheReferenceFiles() throws Exception {
        List<Path> testflows;
        try (Stream<Path> dirs = Files.list(Knime.ROOT.resolve("test-workflows"))) {
            testflows = dirs.filter(d -> Files.exists(d.resolve("workflow.knime"))).sorted().toList();
        }
        // the loop testflow needs KNIME's loop nodes to run: LoopTestflowTest runs it with stand-ins
        testflows = testflows.stream().filter(d -> !hasLoop(d)).toList();
        assertEquals(7, testflows.size(), "testflows without loops under test-workflows/");
        return testflows.stream().map(testflow -> DynamicTest.dynamicTest(testflow.getFileName().toString(),
                () -> checkTestflow(testflow)));
    }

    static boolean hasLoop(Path testflow) {
        try {
            return WorkflowFiles.read(testflow).factories().containsValue(LOOP_START);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkTestflow(Path committed) throws Exception {
        String name = committed.getFileName().toString();
        Path original = copy(committed, name);
        Path resaved = loadAndSave(original);
        Knime.Loaded loaded = Knime.load(resaved);
        try (Knime.Project project = loaded.project()) {
            assertNoErrorFromOurNodes(resaved, loaded.result());
            WorkflowFiles files = WorkflowFiles.read(original);
            List<NodeID> ours = new ArrayList<>();
            for (NodeContainer node : List.copyOf(project.wfm().getNodeContainers())) {
                if (files.factory(node.getID()).startsWith(OUR_FACTORIES)) {
                    ours.add(node.getID());
                    feedInputsFromFiles(project, files, original.resolve("data"), node);
                }
            }
            assertFalse(ours.isEmpty(), name + " has our nodes");
            project.wfm().executeUpToHere(ours.toArray(NodeID[]::new));
            assertTrue(project.wfm().waitWhileInExecution(5, TimeUnit.MINUTES), name + " finishes");
            project.assertExecuted(ours.toArray(NodeID[]::new));
            int compared = 0;
            for (NodeContainer node : project.wfm().getNodeContainers()) {
                if (files.factory(node.getID()).equals(DIFFERENCE_CHECKER)) {
                    ConnectionContainer tested = upstream(project, files, node.getID(), 1, Set.of(TABLE_VALIDATOR));
                    ConnectionContainer reference = upstream(project, files, node.getID(), 2, Set.of(TABLE_VALIDATOR));
                    Path file = original.resolve("data").resolve(files.csvReaderFile(reference.getSource()));
                    Rows actual = Rows.of(name + ": " + project.node(tested.getSource()).getNameWithID() + " port "
                            + tested.getSourcePort(), project.table(tested.getSource(), tested.getSourcePort()));
                    Rows.assertSame(Rows.fromCsv(file, actual), actual, RELATIVE_TOLERANCE);
                    compared++;
                }
            }
            assertTrue(compared > 0, name + " compares outputs with reference files");
        }
    }

    /** Loads a workflow, checks it, saves it elsewhere and checks that every file of our nodes is unchanged. */
    static Path loadAndSave(Path original) throws Exception {
        Path resaved = Knime.scratch("resaved").resolve(original.getFileName());
        Knime.Loaded loaded = Knime.load(original);
        try (Knime.Project project = loaded.project()) {
            assertNoErrorFromOurNodes(original, loaded.result());
            for (NodeAndBundleInformationPersistor missing : loaded.result().getMissingNodes()) {
                assertTrue(KNIME_NODES_NOT_IN_THE_RUNTIME.contains(missing.getFactoryClassNotNull()),
                        original + ": only KNIME's testing and base nodes are missing, not "
                                + missing.getFactoryClassNotNull());
            }
            WorkflowFiles files = WorkflowFiles.read(original);
            for (NodeContainer node : project.wfm().getNodeContainers()) {
                if (files.factory(node.getID()).startsWith(OUR_FACTORIES)) {
                    assertTrue(node instanceof NativeNodeContainer nnc
                                    && nnc.getNodeModel().getClass().getName().startsWith(OUR_FACTORIES),
                            node.getNameWithID() + " loads as our node, not a placeholder");
                }
            }
            project.wfm().save(resaved.toFile(), new ExecutionMonitor(), true);
        }
        WorkflowFiles files = WorkflowFiles.read(original);
        for (Map.Entry<Integer, String> node : files.settingsFiles().entrySet()) {
            if (files.factories().get(node.getKey()).startsWith(OUR_FACTORIES)) {
                NodeSettingsRO before = WorkflowFiles.settings(original.resolve(node.getValue()));
                NodeSettingsRO after = WorkflowFiles.settings(resaved.resolve(node.getValue()));
                String where = original.getFileName() + "/" + node.getValue();
                for (String key : List.of("model", "variables")) {
                    assertEquals(before.containsKey(key), after.containsKey(key), where + " keeps " + key);
                    if (before.containsKey(key)) {
                        Knime.assertSameXml(where + " " + key + " after load and save", before.getNodeSettings(key),
                                after.getNodeSettings(key));
                    }
                }
                for (String key : List.of("factory", "node-name", "node-bundle-symbolic-name", "state")) {
                    assertEquals(before.getString(key), after.getString(key), where + " " + key);
                }
            }
        }
        return resaved;
    }

    /** Replaces what a CSV Reader (through Table Validators) fed into the node's inputs by the same file. */
    static void feedInputsFromFiles(Knime.Project project, WorkflowFiles files, Path data, NodeContainer node)
            throws Exception {
        for (int port = 1; port < node.getNrInPorts(); port++) {
            ConnectionContainer into = project.wfm().getIncomingConnectionFor(node.getID(), port);
            if (into == null) {
                continue;
            }
            ConnectionContainer reader = upstream(project, files, node.getID(), port, Set.of(TABLE_VALIDATOR));
            if (files.factory(reader.getSource()).equals(CSV_READER)) {
                project.wfm().removeConnection(into);
                NodeID source = project.add(new CsvSourceNodeFactory(data.resolve(files.csvReaderFile(
                        reader.getSource()))));
                project.connect(source, 1, node.getID(), port);
            }
        }
    }

    /** The connection into {@code port} of {@code node}, followed upstream through nodes of {@code through}. */
    private static ConnectionContainer upstream(Knime.Project project, WorkflowFiles files, NodeID node, int port,
                                                Set<String> through) {
        ConnectionContainer connection = project.wfm().getIncomingConnectionFor(node, port);
        assertNotNull(connection, project.node(node).getNameWithID() + " input " + port + " is connected");
        while (through.contains(files.factory(connection.getSource()))) {
            connection = project.wfm().getIncomingConnectionFor(connection.getSource(), 1);
            assertNotNull(connection, "a Table Validator's input is connected");
        }
        return connection;
    }

    private static void assertNoErrorFromOurNodes(Path workflow, LoadResultEntry result) throws Exception {
        List<String> ours = new ArrayList<>();
        collectErrors(result, ours);
        WorkflowFiles files = WorkflowFiles.read(workflow);
        List<String> names = new ArrayList<>();
        files.factories().forEach((id, factory) -> {
            if (factory.startsWith(OUR_FACTORIES)) {
                names.add(files.nodeFolder(id));
            }
        });
        List<String> fromOurs = ours.stream().filter(m -> m.contains("org.dmflab")
                || names.stream().anyMatch(m::contains)).toList();
        assertTrue(fromOurs.isEmpty(), workflow + ": load errors from our nodes: " + fromOurs);
    }

    static void collectErrors(LoadResultEntry entry, List<String> errors) {
        if (entry.getType() == LoadResultEntryType.Error) {
            errors.add(entry.getMessage());
        }
        for (LoadResultEntry child : entry.getChildren()) {
            collectErrors(child, errors);
        }
    }

    private static String messages(Knime.Project project) {
        StringBuilder text = new StringBuilder();
        project.wfm().getNodeContainers().forEach(n -> text.append(n.getNameWithID()).append(": ")
                .append(n.getNodeMessage()).append("; "));
        return text.toString();
    }

    static Path copy(Path source, String name) {
        Path target = Knime.scratch("original").resolve(name);
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** A workflow's files as KNIME's XML config parser reads them: node ids, folders, factories, reader files. */
    record WorkflowFiles(Path dir, Map<Integer, String> settingsFiles, Map<Integer, String> factories) {
        static WorkflowFiles read(Path dir) throws IOException {
            NodeSettingsRO workflow = settings(dir.resolve("workflow.knime"));
            Map<Integer, String> settingsFiles = new LinkedHashMap<>();
            Map<Integer, String> factories = new HashMap<>();
            try {
                NodeSettingsRO nodes = workflow.getNodeSettings("nodes");
                for (String key : nodes.keySet()) {
                    NodeSettingsRO node = nodes.getNodeSettings(key);
                    int id = node.getInt("id");
                    String file = node.getString("node_settings_file");
                    settingsFiles.put(id, file);
                    factories.put(id, settings(dir.resolve(file)).getString("factory"));
                }
            } catch (org.knime.core.node.InvalidSettingsException e) {
                throw new IOException(dir + ": " + e.getMessage(), e);
            }
            return new WorkflowFiles(dir, settingsFiles, factories);
        }

        String factory(NodeID id) {
            return factories.getOrDefault(id.getIndex(), "(added by the test)");
        }

        String nodeFolder(int id) {
            return Path.of(settingsFiles.get(id)).getParent().toString();
        }

        /** The file a CSV Reader reads, relative to the workflow's data/ folder. */
        String csvReaderFile(NodeID reader) throws org.knime.core.node.InvalidSettingsException {
            return settings(dir.resolve(settingsFiles.get(reader.getIndex()))).getNodeSettings("model")
                    .getNodeSettings("settings").getNodeSettings("file_selection").getNodeSettings("path")
                    .getString("path");
        }

        static NodeSettingsRO settings(Path file) {
            try (InputStream in = Files.newInputStream(file)) {
                return NodeSettings.loadFromXML(in);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": " + e.getMessage(), e);
            }
        }
    }
}
