package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.dmflab.core.Progress;
import org.dmflab.core.csv.CsvMatrixReader;
import org.dmflab.core.linalg.SpectralProduct;
import org.dmflab.core.linalg.SymmetricEigen;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.VariableType;

/**
 * The example {@code examples/denoise-your-matrix} inside KNIME (its CSV Reader fed from the same file, the runtime has
 * none): the trainer stops at rank 3 by the certified rule, pushes where and why as flow variables, and its trace and
 * product equal, bit for bit, those of {@code dmflab generate --input … && dmflab train --stop-at rank:3} with the same
 * settings; the denoised product is within 2 % of the best rank-3 approximation of the noisy matrix, measured against
 * the clean matrix the example reads.
 */
class DenoiseExampleTest {
    private static final String TRAINER = "DeepFactorizationTrainerNodeFactory";
    private static final String GENERATOR = "GroundTruthGeneratorNodeFactory";

    @Test
    void stopsAtRankThreeLikeTheCommandLine() throws Exception {
        Path example = Knime.ROOT.resolve("examples/denoise-your-matrix");
        Path clean = example.resolve("data/matrix.csv");
        Path out = Knime.scratch("denoise-cli");
        Cli.runAll(List.of(
                List.of("generate", "--input", clean.toString(), "--noise", "gaussian:0.05", "--symmetrize-noise",
                        "true", "--seed", "1", "--out", out.resolve("gen").toString()),
                List.of("train", "--target", out.resolve("gen/matrix.csv").toString(), "--depth", "3", "--step",
                        "0.02", "--init", "identity", "--alpha", "0.01", "--beta", "0.005", "--iterations", "40000",
                        "--record", "log:400", "--stop-at", "rank:3", "--out", out.resolve("train").toString())));
        try (ExampleRun run = ExampleRun.execute(example)) {
            NodeID trainer = run.ours(TRAINER).get(0);
            NodeID generator = run.ours(GENERATOR).get(0);
            assertTable(run.project(), generator, 1, out.resolve("gen/matrix.csv"));
            assertTable(run.project(), trainer, 1, out.resolve("train/trace.csv"));
            assertTable(run.project(), trainer, 2, out.resolve("train/product.csv"));
            var stack = ((NativeNodeContainer) run.project().node(trainer)).getNode().getOutgoingFlowObjectStack();
            assertEquals("certified", stack.peekFlowVariable("dmflab_stop_rule", VariableType.StringType.INSTANCE)
                    .orElseThrow().getValue(VariableType.StringType.INSTANCE));
            long k = stack.peekFlowVariable("dmflab_stop_iteration", VariableType.LongType.INSTANCE).orElseThrow()
                    .getValue(VariableType.LongType.INSTANCE);
            String reason = stack.peekFlowVariable("dmflab_stop_reason", VariableType.StringType.INSTANCE)
                    .orElseThrow().getValue(VariableType.StringType.INSTANCE);
            assertTrue(reason.startsWith("stopped at k = " + k + " = k_start of rank 3's certified interval"), reason);

            DMatrixRMaj noisy = CsvMatrixReader.read(out.resolve("gen/matrix.csv"), Progress.NONE);
            DMatrixRMaj truth = CsvMatrixReader.read(clean, Progress.NONE);
            DMatrixRMaj product = CsvMatrixReader.read(out.resolve("train/product.csv"), Progress.NONE);
            double stopped = distance(product, truth);
            double best = distance(bestRankThree(noisy), truth);
            System.out.printf(java.util.Locale.ROOT, "denoise-your-matrix: stop k = %d, ‖W − X‖_F = %.4f, best rank-3 "
                    + "approximation %.4f, noise ‖X̃ − X‖_F = %.4f%n", k, stopped, best, distance(noisy, truth));
            assertTrue(stopped <= 1.02 * best, "stopped " + stopped + " vs best rank-3 " + best);
            assertTrue(stopped < 0.5 * distance(noisy, truth), "denoised: below half the noise");
        }
    }

    /** The three eigenvalues of largest magnitude of the symmetric {@code noisy} and their eigenvectors. */
    private static DMatrixRMaj bestRankThree(DMatrixRMaj noisy) {
        SymmetricEigen eigen = SymmetricEigen.of(noisy);
        double[] values = eigen.values().clone();
        double[] magnitudes = java.util.Arrays.stream(values).map(Math::abs).sorted().toArray();
        double third = magnitudes[magnitudes.length - 3];
        for (int i = 0; i < values.length; i++) {
            if (Math.abs(values[i]) < third) {
                values[i] = 0;
            }
        }
        return SpectralProduct.symmetric(eigen.vectors(), values);
    }

    private static double distance(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj difference = a.copy();
        CommonOps_DDRM.subtractEquals(difference, b);
        return NormOps_DDRM.normF(difference);
    }

    private static void assertTable(Knime.Project project, NodeID node, int port, Path csv) {
        Rows knime = Rows.of(project.node(node).getNameWithID() + " port " + port, project.table(node, port));
        Rows.assertSame(Rows.fromCsv(csv, knime), knime, 0);
    }
}
