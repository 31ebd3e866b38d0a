package org.dmflab.knime.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * One Equinox framework per JVM holding the KNIME 5.5 runtime's bundles (../shared/knime-runtime/bundles), the plugin
 * bundle knime-bundle built with its OpenBLAS fragment for Linux x86-64 (unless {@code dmflab.natives.jar} is {@code none}), and
 * the test fragment; or the bundles p2 installed into a KNIME installation ({@code dmflab.bundles}) with the test
 * fragment and JUnit's API beside them: started on first use, stopped when the JVM ends (KNIME's
 * WorkflowManager.ROOT is static, so the framework is never restarted). Recipe: the runtime's README.
 */
final class KnimeFramework {
    /** Started first and in this order (Eclipse's own start levels); the rest by their activation policy. */
    private static final List<String> EAGER = List.of("org.eclipse.equinox.common", "org.eclipse.equinox.registry",
            "org.eclipse.equinox.preferences", "org.eclipse.core.jobs", "org.eclipse.core.contenttype",
            "org.eclipse.equinox.app", "org.eclipse.core.runtime");
    static final String PLUGIN = "org.dmflab.knime";

    private static Framework framework;

    private KnimeFramework() {
    }

    static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set (knime-tests/pom.xml sets it)");
        }
        return Path.of(value);
    }

    /** The plugin bundle, resolved with the test fragment attached. */
    static synchronized Bundle plugin() throws Exception {
        if (framework == null) {
            List<Path> extra = new ArrayList<>();
            // the plugin knime-bundle built, and the OpenBLAS fragment for this platform ("none" for the run that
            // proves the Java fallback); both "none" where p2 installed them into the bundle folder
            for (String property : List.of("dmflab.plugin.jar", "dmflab.natives.jar")) {
                String jar = System.getProperty(property, "none").trim();
                if (!jar.equals("none")) {
                    extra.add(Path.of(jar));
                }
            }
            extra.add(path("dmflab.tests.jar"));
            // what the test fragment needs besides KNIME (JUnit's API) where the bundle folder lacks it
            for (String jar : System.getProperty("dmflab.probe.jars", "").split(",")) {
                if (!jar.isBlank()) {
                    extra.add(Path.of(jar.trim()));
                }
            }
            framework = start(bundleFolder(), path("dmflab.work"), extra, realSwt(path("knime.runtime").resolve("ui")));
            Runtime.getRuntime().addShutdownHook(new Thread(KnimeFramework::stop, "stop-knime-framework"));
        }
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (PLUGIN.equals(bundle.getSymbolicName())) {
                if (bundle.getState() != Bundle.ACTIVE && bundle.getState() != Bundle.STARTING) {
                    throw new IllegalStateException(PLUGIN + " did not start; state " + bundle.getState());
                }
                return bundle;
            }
        }
        throw new IllegalStateException(PLUGIN + " is not installed");
    }

    /** The bundles to start: the runtime's bundles/, or the plugins/ of an installation p2 made. */
    private static Path bundleFolder() {
        String installed = System.getProperty("dmflab.bundles");
        return installed != null ? Path.of(installed) : path("knime.runtime").resolve("bundles");
    }

    /**
     * The real SWT of the runtime's {@code ui/} folder, replacing the runtime's stub, when {@code dmflab.ui} is true
     * (the dialog-windows run: Java 21+, a display) and the folder exists; otherwise none.
     */
    private static List<Path> realSwt(Path ui) throws IOException {
        if (!Boolean.getBoolean("dmflab.ui") || !Files.isDirectory(ui)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(ui)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static Framework start(Path bundles, Path work, List<Path> extra, List<Path> swt) throws Exception {
        Files.createDirectories(work.resolve("tmp"));
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, work.resolve("osgi-storage").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_BOOTDELEGATION, "javax.*,sun.*,com.sun.*,org.w3c.*,org.xml.*,jdk.*");
        config.put("osgi.instance.area", work.resolve("workspace").toUri().toString());
        config.put("osgi.user.area", work.resolve("user").toUri().toString());
        config.put("osgi.install.area", work.resolve("install").toUri().toString());
        config.put("eclipse.ignoreApp", "true");
        config.put("osgi.noShutdown", "true");
        config.put("osgi.compatibility.bootdelegation", "true");
        Framework started = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        started.init();
        started.start();
        BundleContext context = started.getBundleContext();
        List<Path> jars = new ArrayList<>(runtimeJars(bundles));
        if (!swt.isEmpty()) { // the real SWT instead of the stub
            jars.removeIf(p -> p.getFileName().toString().startsWith("org.eclipse.swt_"));
            jars.addAll(swt);
        }
        jars.addAll(extra);
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            // a folder is a bundle p2 unpacked (its p2 metadata says so): installed in place
            installed.add(context.installBundle((Files.isDirectory(jar) ? "reference:" : "") + jar.toUri()));
        }
        for (String name : EAGER) {
            for (Bundle bundle : installed) {
                if (name.equals(bundle.getSymbolicName())) {
                    bundle.start();
                }
            }
        }
        List<String> failures = new ArrayList<>();
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null && bundle.getState() != Bundle.ACTIVE) {
                try {
                    bundle.start(Bundle.START_ACTIVATION_POLICY);
                } catch (BundleException e) {
                    failures.add(bundle.getSymbolicName() + ": " + e.getMessage());
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("bundles that do not resolve: " + failures);
        }
        return started;
    }

    /** The bundle jars of the folder, and the bundle folders where p2 unpacked one. */
    private static List<Path> runtimeJars(Path bundles) throws IOException {
        try (Stream<Path> files = Files.list(bundles)) {
            return files.filter(p -> p.toString().endsWith(".jar") || Files.exists(p.resolve("META-INF/MANIFEST.MF")))
                    // the framework itself (Maven Central's name, p2's name); this JVM's class path has it
                    .filter(p -> !p.getFileName().toString().matches("org\\.eclipse\\.osgi[-_]\\d.*"))
                    .sorted().toList();
        }
    }

    private static synchronized void stop() {
        if (framework != null) {
            try {
                framework.stop();
                framework.waitForStop(10_000);
            } catch (Exception e) {
                System.err.println("[knime-tests] stopping the OSGi framework: " + e);
            }
            framework = null;
        }
    }
}
