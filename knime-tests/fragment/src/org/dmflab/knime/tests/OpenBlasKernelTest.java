package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.knime.groundtruth.GroundTruthGeneratorNodeFactory;
import org.dmflab.knime.train.DeepFactorizationTrainerNodeFactory;
import org.junit.jupiter.api.Test;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.SingleNodeContainer;
import org.knime.core.node.workflow.VariableType;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The trainer's kernel inside KNIME, as the user's install gets it. knime-tests runs this class twice: with the plugin's
 * OpenBLAS fragment for Linux x86-64 installed (knime-bundle builds it from natives/…linux.x86_64 and the Maven Central
 * platform jars), where the trainer must report {@code dmflab_kernel = openblas} and give the command line's trace and
 * product bit for bit (the command line runs OpenBLAS too and prints its kernel); and once more in a fresh framework
 * without the fragment ({@code dmflab.natives.jar} = {@code none}), where the plugin must fall back to the Java kernel and agree
 * with the command line within 1e-12 relative, the tolerance core's BlasArithmeticTest states for whole runs.
 */
class OpenBlasKernelTest {
    static final String FRAGMENT = "org.dmflab.knime.openblas.linux.x86_64";
    /** Above KernelThresholds.NATIVE_FROM (16): the matrix solver's AUTO kernel is OpenBLAS wherever it loads. */
    static final int N = 40;
    /** The Java kernel vs OpenBLAS over a whole run (core BlasArithmeticTest: 30 steps at n = 131 within 1e-12). */
    static final double JAVA_VS_BLAS = 1e-12;

    private static final Map<String, Object> GENERATOR = Map.of(GroundTruthSettings.SPECTRUM, "geometric:8,0.5,6",
            GroundTruthSettings.N, N, GroundTruthSettings.EIGENVECTORS, "random", GroundTruthSettings.SEED, 5);
    private static final Map<String, Object> TRAINER = Map.of(TrainSettings.SOLVER, "matrix", TrainSettings.DEPTH, 3,
            TrainSettings.STEP, 0.01, TrainSettings.INIT, "identity", TrainSettings.ALPHA, 0.1,
            TrainSettings.ITERATIONS, 1500, TrainSettings.RECORD, "log:40");

    @Test
    void theTrainerRunsTheKernelThePlatformFragmentGives() throws Exception {
        boolean fragmentShipped = !System.getProperty("dmflab.natives.jar", "none").equals("none");
        assertEquals(fragmentShipped, fragmentAttached(), FRAGMENT + " installed and attached to the plugin");

        Path out = Knime.scratch("kernel");
        String summary = Cli.runAll(List.of(
                List.of("generate", "--spectrum", "geometric:8,0.5,6", "--n", String.valueOf(N), "--eigenvectors",
                        "random", "--seed", "5", "--out", out + "/gen"),
                List.of("train", "--target", out + "/gen/matrix.csv", "--solver", "matrix", "--depth", "3", "--step",
                        "0.01", "--init", "identity", "--alpha", "0.1", "--iterations", "1500", "--record", "log:40",
                        "--out", out + "/train")));
        assertTrue(summary.contains(", kernel openblas;"), "the command line (its jar bundles the Linux x86-64 "
                + "natives) runs OpenBLAS: " + summary);

        try (Knime.Project project = Knime.project("kernel")) {
            NodeID generator = project.add(new GroundTruthGeneratorNodeFactory());
            NodeID trainer = project.add(new DeepFactorizationTrainerNodeFactory());
            project.set(generator, GENERATOR);
            project.set(trainer, TRAINER);
            project.connect(generator, 1, trainer, 1);
            assertTrue(project.executeAll(), "generator and trainer execute");
            project.assertExecuted(generator, trainer);
            String kernel = ((SingleNodeContainer) project.node(trainer)).getOutgoingFlowObjectStack()
                    .peekFlowVariable("dmflab_kernel", VariableType.StringType.INSTANCE).map(FlowVariable::getStringValue)
                    .orElseThrow(() -> new AssertionError("the trainer pushes dmflab_kernel"));
            assertEquals(fragmentShipped ? "openblas" : "java", kernel, "the kernel the trainer reports");
            double tolerance = fragmentShipped ? 0 : JAVA_VS_BLAS;
            Rows trace = Rows.of("trainer trace", project.table(trainer, 1));
            Rows expected = Rows.fromCsv(out.resolve("train/trace.csv"), trace);
            if (tolerance > 0) {
                // the identity start is balanced: its balancedness is the kernel's rounding, on the scale of ‖W_j‖²
                double[] want = expected.column("balancedness");
                double[] got = trace.column("balancedness");
                double norm = java.util.Arrays.stream(expected.column("factor_norm_max")).max().orElseThrow();
                for (int row = 0; row < want.length; row++) {
                    assertTrue(Math.abs(want[row] - got[row]) <= JAVA_VS_BLAS * norm * norm, "balancedness, row "
                            + (row + 1) + ": " + want[row] + " vs " + got[row]);
                }
                expected = expected.without("balancedness");
                trace = trace.without("balancedness");
            }
            Rows.assertSame(expected, trace, tolerance);
            Rows product = Rows.of("trainer product", project.table(trainer, 2));
            Rows.assertSame(Rows.fromCsv(out.resolve("train/product.csv"), product), product, tolerance);
            if (fragmentShipped) {
                assertNativesExtracted();
            }
        }
    }

    /** JavaCPP found the JNI library on the fragment's class path and extracted it into its cache (user.home). */
    private static void assertNativesExtracted() throws Exception {
        Path cache = org.bytedeco.javacpp.Loader.getCacheDir().toPath();
        try (Stream<Path> files = Files.walk(cache)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("libjniopenblas")), "JavaCPP extracted OpenBLAS's JNI "
                    + "library from the fragment into its cache " + cache + ": " + names);
        }
        System.out.println("[knime-tests] OpenBLAS inside KNIME: JavaCPP's cache is " + cache);
    }

    private static boolean fragmentAttached() {
        Bundle[] bundles = FrameworkUtil.getBundle(OpenBlasKernelTest.class).getBundleContext().getBundles();
        return Arrays.stream(bundles).anyMatch(b -> FRAGMENT.equals(b.getSymbolicName())
                && b.getState() == Bundle.RESOLVED);
    }
}
