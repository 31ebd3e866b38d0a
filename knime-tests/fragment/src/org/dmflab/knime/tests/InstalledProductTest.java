package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.SingleNodeContainer;
import org.knime.core.node.workflow.VariableType;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * What p2 installed, started: knime-tests runs this class in a framework holding only the bundles p2 put into a
 * KNIME 5.5 installation (P2InstallTest) and the test fragment. The plugin is active with exactly the platform's
 * OpenBLAS fragment attached, it is wired to org.knime.core [5.5.0, 6.0.0) of the installation, and every example of
 * examples/ loads and executes there, its trainers reporting the kernel they ran (OpenBLAS where they multiply
 * matrices).
 */
class InstalledProductTest {
    private static final String OPENBLAS_FRAGMENTS = "org.dmflab.knime.openblas.";
    private static final VersionRange KNIME_55 = new VersionRange("[5.5.0,6.0.0)");

    private final Bundle plugin = FrameworkUtil.getBundle(InstalledProductTest.class);
    private final String installation = Path.of(Knime.property("dmflab.bundles")).toUri().toString();

    @Test
    void thePluginIsActiveWithExactlyThePlatformsOpenBlasFragment() {
        assertEquals("org.dmflab.knime", plugin.getSymbolicName());
        assertEquals(Bundle.ACTIVE, plugin.getState(), "the plugin is active");
        assertTrue(location(plugin).startsWith(installation), "installed by p2: " + location(plugin));
        List<String> fragments = new ArrayList<>();
        for (BundleWire wire : plugin.adapt(BundleWiring.class).getProvidedWires(HostNamespace.HOST_NAMESPACE)) {
            Bundle fragment = wire.getRequirer().getBundle();
            if (fragment.getSymbolicName().startsWith(OPENBLAS_FRAGMENTS)) {
                assertTrue(location(fragment).startsWith(installation), "installed by p2: " + location(fragment));
                fragments.add(fragment.getSymbolicName());
            }
        }
        assertEquals(List.of(Knime.property("dmflab.expected.natives")), fragments, "OpenBLAS fragments attached");
        System.out.println("[installed] " + plugin.getSymbolicName() + " " + plugin.getVersion() + " active, fragments "
                + fragments);
    }

    @Test
    void thePluginRunsOnKnimeCoreOfTheInstallation() {
        List<Bundle> cores = plugin.adapt(BundleWiring.class).getRequiredWires(BundleNamespace.BUNDLE_NAMESPACE)
                .stream().map(w -> w.getProvider().getBundle()).filter(b -> b.getSymbolicName().equals("org.knime.core"))
                .distinct().toList(); // the plugin's Require-Bundle and the test fragment's: one bundle
        assertEquals(1, cores.size(), "wired to one org.knime.core");
        Bundle core = cores.get(0);
        Version version = core.getVersion();
        assertTrue(KNIME_55.includes(version), "org.knime.core " + version + " in " + KNIME_55);
        assertTrue(location(core).startsWith(installation), "from the installation: " + location(core));
        System.out.println("[installed] org.knime.core " + version + " from " + location(core));
    }

    @Test
    void everyExampleLoadsAndExecutesWithTheKernelReported() throws Exception {
        List<Path> examples;
        try (Stream<Path> dirs = Files.list(Knime.ROOT.resolve("examples"))) {
            examples = dirs.filter(d -> Files.exists(d.resolve("workflow.knime"))).sorted().toList();
        }
        assertFalse(examples.isEmpty(), "examples/ holds workflows");
        List<String> allKernels = new ArrayList<>();
        for (Path example : examples) {
            long start = System.nanoTime();
            try (ExampleRun run = ExampleRun.execute(example)) {
                List<String> kernels = new ArrayList<>();
                for (NodeID trainer : run.ours("DeepFactorizationTrainerNodeFactory")) {
                    kernels.add(((SingleNodeContainer) run.project().node(trainer)).getOutgoingFlowObjectStack()
                            .peekFlowVariable("dmflab_kernel", VariableType.StringType.INSTANCE)
                            .map(FlowVariable::getStringValue).orElseThrow());
                }
                assertFalse(kernels.isEmpty(), example + " trains");
                // "none": a spectral or flow solver, which multiplies no matrices; never the Java fallback here
                assertTrue(kernels.stream().allMatch(k -> k.equals("openblas") || k.equals("none")),
                        "the trainers of " + example + " run the platform fragment's OpenBLAS: " + kernels);
                allKernels.addAll(kernels);
                System.out.printf(java.util.Locale.ROOT, "[installed] examples/%s: %d DMF Lab nodes executed in "
                        + "%.1f s, trainer kernel %s%n", run.name(), run.ours().size(),
                        (System.nanoTime() - start) * 1e-9, kernels);
            }
        }
        assertTrue(allKernels.contains("openblas"), "an example multiplies matrices with OpenBLAS: " + allKernels);
    }

    /** Where the framework installed a bundle from (a folder p2 unpacked is installed by reference). */
    private static String location(Bundle bundle) {
        return bundle.getLocation().replaceFirst("^reference:", "");
    }
}
