package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;

/**
 * A shipped example run inside KNIME: a copy of it loaded, the inputs its CSV Readers would give our nodes fed from
 * the same files (the runtime has no CSV Reader), its loop nodes replaced by {@link LoopStandIns} (the runtime has no
 * knime-base), and every node of ours and every loop executed; closing it removes the project.
 *
 * @param loopEnds the loop ends' stand-ins, in workflow order (empty without loops)
 */
record ExampleRun(String name, Knime.Project project, WorkflowFilesTest.WorkflowFiles files, List<NodeID> ours,
                  List<NodeID> loopEnds) implements AutoCloseable {

    static ExampleRun execute(Path committed) throws Exception {
        String name = committed.getFileName().toString();
        Path copy = WorkflowFilesTest.copy(committed, name);
        Knime.Project project = Knime.load(copy).project();
        WorkflowFilesTest.WorkflowFiles files = WorkflowFilesTest.WorkflowFiles.read(copy);
        List<NodeID> ours = new ArrayList<>();
        for (NodeContainer node : List.copyOf(project.wfm().getNodeContainers())) {
            if (files.factory(node.getID()).startsWith(WorkflowFilesTest.OUR_FACTORIES)) {
                WorkflowFilesTest.feedInputsFromFiles(project, files, copy.resolve("data"), node);
                ours.add(node.getID());
            }
        }
        assertFalse(ours.isEmpty(), name + " has our nodes");
        List<NodeID> loopEnds = LoopStandIns.replace(project, files);
        List<NodeID> targets = new ArrayList<>(ours);
        targets.addAll(loopEnds);
        project.wfm().executeUpToHere(targets.toArray(NodeID[]::new));
        assertTrue(project.wfm().waitWhileInExecution(30, TimeUnit.MINUTES), name + " finishes");
        project.assertExecuted(targets.toArray(NodeID[]::new));
        return new ExampleRun(name, project, files, ours, loopEnds);
    }

    /** Our nodes made by the factory whose class name ends with {@code factory}. */
    List<NodeID> ours(String factory) {
        return ours.stream().filter(id -> files.factory(id).endsWith(factory)).toList();
    }

    @Override
    public void close() {
        project.close();
    }
}
