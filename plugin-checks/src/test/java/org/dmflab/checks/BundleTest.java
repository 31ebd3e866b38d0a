package org.dmflab.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The bundle is consistent: MANIFEST, build.properties and the jars plugin/pom.xml embeds agree; the plugin imports
 * only what the bundle can see; feature and update site name the bundle; versions match the build.
 */
class BundleTest {
    /** KNIME's platforms as osgi.os/osgi.arch: each gets an OpenBLAS fragment, elsewhere the Java kernel runs. */
    private static final List<String> KNIME_PLATFORMS = List.of("linux/x86_64", "win32/x86_64", "macosx/x86_64",
            "macosx/aarch64");
    private static final String KNIME_RANGE = "org.knime.core;bundle-version=\"[5.5.0,6.0.0)\"";

    private final Attributes manifest = manifest();

    private static Attributes manifest() {
        try (InputStream in = Files.newInputStream(ProjectFiles.PLUGIN.resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in).getMainAttributes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void manifestDeclaresJava17AndKnime55ToBelow6() {
        assertThat(manifest.getValue("Bundle-RequiredExecutionEnvironment")).isEqualTo("JavaSE-17");
        assertThat(manifest.getValue("Require-Bundle")).contains(KNIME_RANGE);
        assertThat(manifest.getValue("Bundle-SymbolicName")).isEqualTo("org.dmflab.knime;singleton:=true");
        assertThat(manifest.getValue("Bundle-Version")).isEqualTo(osgiVersion());
    }

    @Test
    void bundleClassPathListsExactlyTheEmbeddedJars() {
        List<String> classPath = split(manifest.getValue("Bundle-ClassPath"));
        List<String> embedded = embeddedJars();
        assertThat(embedded).contains("lib/dmflab-core.jar", "lib/ejml-core.jar", "lib/ejml-ddense.jar", "lib/jfreechart.jar");
        List<String> expected = new ArrayList<>();
        expected.add(".");
        expected.addAll(embedded);
        assertThat(classPath).containsExactlyElementsOf(expected);
    }

    @Test
    void buildPropertiesShipWhatTheBundleNeeds() throws Exception {
        Properties build = new Properties();
        try (InputStream in = Files.newInputStream(ProjectFiles.PLUGIN.resolve("build.properties"))) {
            build.load(in);
        }
        List<String> binIncludes = split(build.getProperty("bin.includes"));
        assertThat(binIncludes).contains("META-INF/", ".", "plugin.xml", "icons/");
        assertThat(binIncludes).containsAll(embeddedJars());
        assertThat(split(build.getProperty("jars.extra.classpath"))).containsExactlyInAnyOrderElementsOf(embeddedJars());
        assertThat(build.getProperty("source..")).isEqualTo("src/");
    }

    @Test
    void engineJarIsAnOsgiBundleWithOptionalEjmlExtras() throws Exception {
        Path core = ProjectFiles.ROOT.resolve("core/target/classes/META-INF/MANIFEST.MF");
        Attributes engine;
        try (InputStream in = Files.newInputStream(core)) {
            engine = new Manifest(in).getMainAttributes();
        }
        assertThat(engine.getValue("Bundle-SymbolicName")).isEqualTo("org.dmflab.core");
        String imports = engine.getValue("Import-Package");
        assertThat(imports).contains("org.ejml.data").doesNotContain("org.knime");
        Matcher optional = Pattern.compile("(pabeles[\\w.]*|org\\.ejml\\.concurrency)(;[^,]*)?").matcher(imports);
        while (optional.find()) {
            assertThat(optional.group(2)).as(optional.group(1) + " is imported optionally").contains("resolution:=optional");
        }
        assertThat(engine.getValue("Export-Package")).contains("org.dmflab.core.groundtruth");
    }

    @Test
    void engineAndCommandLineNeverImportKnime() {
        for (String module : List.of("core", "cli")) {
            for (Path source : ProjectFiles.files(ProjectFiles.ROOT.resolve(module).resolve("src"), ".java")) {
                assertThat(ProjectFiles.read(source)).as(source.toString()).doesNotContain("import org.knime");
            }
        }
    }

    @Test
    void featureAndUpdateSiteNameTheBundle() {
        Document feature = ProjectFiles.xml(ProjectFiles.ROOT.resolve("feature/feature.xml"));
        Element root = feature.getDocumentElement();
        assertThat(root.getAttribute("id")).isEqualTo(artifactId(ProjectFiles.ROOT.resolve("feature/pom.xml")));
        assertThat(root.getAttribute("version")).isEqualTo(osgiVersion());
        NodeList plugins = feature.getElementsByTagName("plugin");
        assertThat(plugins.getLength()).isEqualTo(1 + KNIME_PLATFORMS.size()); // the host and its OpenBLAS fragments
        assertThat(((Element) plugins.item(0)).getAttribute("id"))
                .isEqualTo(artifactId(ProjectFiles.PLUGIN.resolve("pom.xml")))
                .isEqualTo("org.dmflab.knime");
        NodeList requires = feature.getElementsByTagName("import");
        assertThat(((Element) requires.item(0)).getAttribute("plugin")).isEqualTo("org.knime.core");

        Document category = ProjectFiles.xml(ProjectFiles.ROOT.resolve("update-site/category.xml"));
        Element siteFeature = (Element) category.getElementsByTagName("feature").item(0);
        assertThat(siteFeature.getAttribute("id")).isEqualTo(root.getAttribute("id"));
    }

    /**
     * One OpenBLAS fragment per KNIME platform: natives/&lt;id&gt; is a Tycho module (tycho/pom.xml) whose manifest
     * names the plugin as host and the platform as filter, whose Bundle-ClassPath is exactly the platform jars its pom
     * copies (JavaCPP's and OpenBLAS's of that JavaCPP classifier) and build.properties ships; the feature lists it with
     * the same os/arch, and the host embeds the Java classes those natives belong to.
     */
    @Test
    void everyKnimePlatformHasAnOpenBlasFragment() throws Exception {
        Map<String, String> classifiers = Map.of("linux/x86_64", "linux-x86_64", "win32/x86_64", "windows-x86_64",
                "macosx/x86_64", "macosx-x86_64", "macosx/aarch64", "macosx-arm64");
        Element featureRoot = ProjectFiles.xml(ProjectFiles.ROOT.resolve("feature/feature.xml")).getDocumentElement();
        NodeList plugins = featureRoot.getElementsByTagName("plugin");
        String tychoPom = ProjectFiles.read(ProjectFiles.ROOT.resolve("tycho/pom.xml"));
        assertThat(embeddedJars()).contains("lib/javacpp.jar", "lib/openblas.jar");
        List<String> covered = new ArrayList<>();
        for (int i = 1; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            String id = plugin.getAttribute("id");
            String platform = plugin.getAttribute("os") + "/" + plugin.getAttribute("arch");
            covered.add(platform);
            assertThat(plugin.getAttribute("fragment")).as(id).isEqualTo("true");
            Path dir = ProjectFiles.ROOT.resolve("natives").resolve(id);
            assertThat(tychoPom).contains("<module>../natives/" + id + "</module>");
            assertThat(artifactId(dir.resolve("pom.xml"))).isEqualTo(id);
            Attributes fragment;
            try (InputStream in = Files.newInputStream(dir.resolve("META-INF/MANIFEST.MF"))) {
                fragment = new Manifest(in).getMainAttributes();
            }
            assertThat(fragment.getValue("Bundle-SymbolicName")).isEqualTo(id);
            assertThat(fragment.getValue("Bundle-Version")).isEqualTo(osgiVersion());
            assertThat(fragment.getValue("Fragment-Host")).startsWith("org.dmflab.knime;");
            assertThat(fragment.getValue("Eclipse-PlatformFilter")).isEqualTo("(& (osgi.os="
                    + plugin.getAttribute("os") + ") (osgi.arch=" + plugin.getAttribute("arch") + "))");
            String classifier = classifiers.get(platform);
            List<String> jars = List.of("lib/javacpp-" + classifier + ".jar", "lib/openblas-" + classifier + ".jar");
            assertThat(split(fragment.getValue("Bundle-ClassPath"))).as(id).containsExactlyElementsOf(jars);
            Document pom = ProjectFiles.xml(dir.resolve("pom.xml"));
            NodeList names = pom.getElementsByTagNameNS("*", "destFileName");
            NodeList classifierTags = pom.getElementsByTagNameNS("*", "classifier");
            for (int j = 0; j < names.getLength(); j++) {
                assertThat("lib/" + names.item(j).getTextContent().trim()).isEqualTo(jars.get(j));
                assertThat(classifierTags.item(j).getTextContent().trim()).isEqualTo(classifier);
            }
            assertThat(names.getLength()).isEqualTo(jars.size());
            Properties build = new Properties();
            try (InputStream in = Files.newInputStream(dir.resolve("build.properties"))) {
                build.load(in);
            }
            assertThat(split(build.getProperty("bin.includes"))).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.Stream.concat(java.util.stream.Stream.of("META-INF/"), jars.stream()).toList());
        }
        assertThat(covered).containsExactlyInAnyOrderElementsOf(KNIME_PLATFORMS);
    }

    /**
     * Tycho builds plugin, feature and update site (tycho/pom.xml, in the reactor where ../shared/knime-runtime lies
     * beside the checkout or under -Pknime) against the KNIME 5.5 bundles of that folder, or KNIME's 5.5 update site.
     */
    @Test
    void tychoBuildsPluginFeatureAndUpdateSiteAgainstKnime55() {
        String pom = ProjectFiles.read(ProjectFiles.ROOT.resolve("pom.xml"));
        assertThat(pom).contains("<tycho.version>4.0.13</tycho.version>", "<module>tycho</module>",
                "<exists>${basedir}/../shared/knime-runtime/bundles/org.knime.core.jar</exists>");
        assertThat(ProjectFiles.read(ProjectFiles.ROOT.resolve("tycho/pom.xml"))).contains("<module>../plugin</module>",
                "<module>../feature</module>", "<module>../update-site</module>", "<extensions>true</extensions>");
        assertThat(ProjectFiles.read(ProjectFiles.ROOT.resolve("tycho/knime-5.5-runtime.target"))).contains(
                "/../shared/knime-runtime/bundles\" type=\"Directory\"", "<artifactId>Saxon-HE</artifactId>",
                "<version>12.5</version>", "<artifactId>org.eclipse.equinox.launcher</artifactId>",
                "<version>1.7.0</version>");
        assertThat(ProjectFiles.read(ProjectFiles.ROOT.resolve("tycho/knime-5.5-release.target")))
                .contains("https://update.knime.com/analytics-platform/5.5");
        assertThat(ProjectFiles.read(ProjectFiles.PLUGIN.resolve("pom.xml"))).contains("<packaging>eclipse-plugin</packaging>");
        assertThat(ProjectFiles.read(ProjectFiles.ROOT.resolve("feature/pom.xml"))).contains("<packaging>eclipse-feature</packaging>");
        assertThat(ProjectFiles.read(ProjectFiles.ROOT.resolve("update-site/pom.xml")))
                .contains("<packaging>eclipse-repository</packaging>");
        assertThat(ProjectFiles.read(ProjectFiles.ROOT.resolve(".mvn/wrapper/maven-wrapper.properties")))
                .containsPattern("apache-maven/3\\.9\\.\\d+/");
    }

    /** The lib/ jars plugin/pom.xml copies, as lib/&lt;destFileName&gt;. */
    private static List<String> embeddedJars() {
        Document pom = ProjectFiles.xml(ProjectFiles.PLUGIN.resolve("pom.xml"));
        NodeList names = pom.getElementsByTagNameNS("*", "destFileName");
        List<String> jars = new ArrayList<>();
        for (int i = 0; i < names.getLength(); i++) {
            jars.add("lib/" + names.item(i).getTextContent().trim());
        }
        assertThat(pom.getElementsByTagNameNS("*", "outputDirectory").item(0).getTextContent())
                .isEqualTo("${project.basedir}/lib");
        return jars;
    }

    private static String osgiVersion() {
        Document pom = ProjectFiles.xml(ProjectFiles.ROOT.resolve("pom.xml"));
        String version = pom.getDocumentElement().getElementsByTagNameNS("*", "version").item(0).getTextContent();
        return version.replace("-SNAPSHOT", ".qualifier");
    }

    private static String artifactId(Path pom) {
        Document document = ProjectFiles.xml(pom);
        NodeList children = document.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if ("artifactId".equals(children.item(i).getLocalName())) {
                return children.item(i).getTextContent().trim();
            }
        }
        throw new AssertionError("no artifactId in " + pom);
    }

    private static List<String> split(String list) {
        return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(list.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList()));
    }
}
