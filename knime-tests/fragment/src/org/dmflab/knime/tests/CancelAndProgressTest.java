package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.dmflab.core.train.TrainSettings;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeProgress;
import org.junit.jupiter.api.Test;

/**
 * A long training run reports progress to KNIME's monitor (a fraction and a message) and stops promptly when KNIME
 * cancels it: the engine checks KNIME's cancel flag between iterations.
 */
class CancelAndProgressTest {
    /** Cancel must end the run within this time; the run itself would take hours. */
    static final long PROMPT_MILLIS = 5_000;

    @Test
    void aLongRunReportsProgressAndStopsPromptlyWhenCancelled() throws Exception {
        Pipeline pipeline = Pipeline.create("cancel");
        try (Knime.Project project = pipeline.project) {
            // the dense matrix solver for two billion iterations: hours at a few million steps per second
            project.set(pipeline.trainer, Map.of(TrainSettings.SOLVER, "matrix", TrainSettings.ITERATIONS,
                    2_000_000_000, TrainSettings.RECORD, "every:10000000"));
            NodeContainer trainer = project.node(pipeline.trainer);
            CopyOnWriteArrayList<NodeProgress> progress = new CopyOnWriteArrayList<>();
            trainer.getProgressMonitor().addProgressListener(event -> progress.add(event.getNodeProgress()));
            project.wfm().executeUpToHere(pipeline.trainer);
            long deadline = System.currentTimeMillis() + 60_000;
            while (progress.stream().noneMatch(p -> p.hasProgress() && p.getProgress() > 0)
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(progress.stream().anyMatch(p -> p.hasProgress() && p.getProgress() > 0
                            && p.getMessage() != null && !p.getMessage().isBlank()),
                    "the trainer reports a fraction and a message to KNIME's monitor: " + progress);
            assertTrue(trainer.getNodeContainerState().isExecutionInProgress(), "still running when cancelled");
            long cancelled = System.nanoTime();
            project.wfm().cancelExecution(trainer);
            assertTrue(project.wfm().waitWhileInExecution(PROMPT_MILLIS, TimeUnit.MILLISECONDS),
                    "the run stops within " + PROMPT_MILLIS + " ms of the cancel");
            long tookMillis = (System.nanoTime() - cancelled) / 1_000_000;
            assertFalse(trainer.getNodeContainerState().isExecuted(), "a cancelled node is not executed");
            System.out.println("[knime-tests] cancel stopped the trainer after " + tookMillis + " ms; last progress: "
                    + progress.get(progress.size() - 1).getMessage());
        }
    }
}
