package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.dmflab.knime.tests.P2Director.Platform;
import org.dmflab.knime.tests.P2Director.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DMF Lab installed as a user installs it: a KNIME-like installation (a p2 profile holding the KNIME 5.5 runtime's
 * units and the JRE unit, created by the p2 director from knime-tests/knime-site) receives
 * {@code org.dmflab.knime.feature.feature.group} from the zipped update site only (update-site/target/*.zip). The
 * installation made here for Linux x86-64 ({@code dmflab.installation}) is what the next test run starts
 * (InstalledProductTest inside it). Installs p2 must refuse leave the installation as it was.
 */
class P2InstallTest {
    static final String FEATURE = "org.dmflab.knime.feature.feature.group";
    static final String PLUGIN = "org.dmflab.knime";
    /**
     * The units of a KNIME installation (their dependencies come along) and the JRE unit: the roots of the KNIME
     * repository knime-site builds, as its category.xml names them.
     */
    static final List<String> KNIME = Pattern.compile("<(?:bundle|iu) id=\"([^\"]+)\"").matcher(
            read(KnimeFramework.path("dmflab.root").resolve("knime-tests/knime-site/category.xml"))).results()
            .map(m -> m.group(1)).toList();
    private static final String KNIME_55 = "name='org.knime.core' range='[5.5.0,6.0.0)'";
    private static final String KNIME_6 = "name='org.knime.core' range='[6.0.0,7.0.0)'";
    /** DMF Lab's version with the build's qualifier, as the site's metadata spells it. */
    private static final Pattern DMF_LAB_VERSION = Pattern.compile("(0\\.1\\.0\\.\\d{12})");

    static final Path INSTALLATION = KnimeFramework.path("dmflab.installation");
    static final Path ZIP = KnimeFramework.path("dmflab.site.zip");
    static final String KNIME_SITE = KnimeFramework.path("dmflab.knime.site").toUri().toString();

    @BeforeAll
    static void installKnimeThenDmfLab() throws IOException {
        deleteRecursively(INSTALLATION);
        assertTrue(KNIME.contains("org.knime.core") && KNIME.contains("a.jre.javase"), "KNIME's roots: " + KNIME);
        succeeds(P2Director.create(INSTALLATION, Platform.LINUX, List.of(KNIME_SITE), KNIME), "KNIME 5.5 installed");
        assertEquals(List.of(), dmfLabFiles(INSTALLATION), "a fresh KNIME installation holds nothing of DMF Lab");
        succeeds(P2Director.install(INSTALLATION, List.of(P2Director.archive(ZIP)), List.of(FEATURE)),
                "DMF Lab installed from " + ZIP.getFileName());
    }

    @Test
    void theZippedSiteInstallsThePluginAndOnlyThisPlatformsFragment() throws IOException {
        assertEquals(List.of(PLUGIN, Platform.LINUX.openBlasFragment()), dmfLabFiles(INSTALLATION));
        assertEquals(List.of(PLUGIN, Platform.LINUX.openBlasFragment()), dmfLabUnits(INSTALLATION));
        String profile = currentProfile(INSTALLATION);
        String version = "0.1.0." + lastCommitTime();
        assertTrue(profile.contains("<unit id='" + FEATURE + "' version='" + version + "'"),
                "the profile lists the feature at " + version + ", the qualifier being the last commit's time");
        System.out.println("[p2] installed into " + INSTALLATION + ": " + dmfLabFiles(INSTALLATION));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"win32, win32, x86_64", "macosx, cocoa, x86_64", "macosx, cocoa, aarch64"})
    void eachPlatformsInstallationGetsExactlyItsOwnFragment(String os, String ws, String arch) throws IOException {
        Platform platform = new Platform(os, ws, arch);
        Path installation = KnimeFramework.path("dmflab.work").resolve("knime-" + os + "-" + arch);
        deleteRecursively(installation);
        succeeds(P2Director.create(installation, platform, List.of(KNIME_SITE, P2Director.archive(ZIP)),
                Stream.concat(KNIME.stream(), Stream.of(FEATURE)).toList()), "KNIME and DMF Lab for " + platform);
        assertEquals(List.of(PLUGIN, platform.openBlasFragment()), dmfLabUnits(installation));
    }

    @Test
    void aProfileWithoutKnimeRefusesTheSiteAndStaysAsItWas() throws IOException {
        Path installation = KnimeFramework.path("dmflab.work").resolve("no-knime");
        deleteRecursively(installation);
        succeeds(P2Director.create(installation, Platform.LINUX, List.of(KNIME_SITE), List.of("a.jre.javase")),
                "a profile with the JRE only");
        refused(installation, List.of(P2Director.archive(ZIP)), "org.knime.core [5.5.0,6.0.0)");
    }

    @Test
    void aSiteRequiringKnime6IsRefusedByKnime55AndTheInstallationStaysAsItWas() throws IOException {
        Path site = knime6Site();
        refused(INSTALLATION, List.of(P2Director.archive(site)), "org.knime.core [6.0.0,7.0.0)");
        assertEquals(List.of(PLUGIN, Platform.LINUX.openBlasFragment()), dmfLabUnits(INSTALLATION));
    }

    /** p2 refuses the install naming the missing requirement; the installation's files and profile are unchanged. */
    private static void refused(Path installation, List<String> repositories, String requirement) throws IOException {
        Map<String, String> before = state(installation);
        Result result = P2Director.install(installation, repositories, List.of(FEATURE));
        assertNotEquals(0, result.exitCode(), "p2 refuses the install: " + result.output());
        assertTrue(result.output().contains("Cannot complete the install because one or more required items could "
                + "not be found"), "p2's message: " + result.output());
        assertTrue(result.output().contains(requirement), "p2 names " + requirement + ": " + result.output());
        Map<String, String> after = state(installation);
        List<String> changed = Stream.concat(before.keySet().stream(), after.keySet().stream()).distinct()
                .filter(key -> !java.util.Objects.equals(before.get(key), after.get(key))).sorted().toList();
        assertEquals(List.of(), changed, "what the refused install changed in the installation");
        System.out.println("[p2] refused as expected: " + result.output().lines()
                .filter(l -> l.contains("Cannot complete")).findFirst().orElse(""));
    }

    /**
     * The zipped site with its metadata asking for org.knime.core [6.0.0, 7.0.0) where it asks for [5.5.0, 6.0.0)
     * (the feature's import and the plugin's Require-Bundle), under a later qualifier: what a later build against
     * KNIME 6 would publish.
     */
    private static Path knime6Site() throws IOException {
        Path site = KnimeFramework.path("dmflab.work").resolve("requires-knime-6.zip");
        Files.copy(ZIP, site, StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + site.toUri()), Map.of())) {
            Files.deleteIfExists(zip.getPath("content.xml.xz"));
            Files.deleteIfExists(zip.getPath("p2.index"));
            Path contentJar = zip.getPath("content.jar");
            String content = contentXml(contentJar);
            assertEquals(2, content.split(Pattern.quote(KNIME_55), -1).length - 1,
                    "the feature and the plugin each require org.knime.core [5.5.0,6.0.0)");
            // a later build: its qualifier sorts after this one's, so p2 offers it as the newer version
            Matcher versions = DMF_LAB_VERSION.matcher(content.replace(KNIME_55, KNIME_6));
            assertTrue(versions.find(), "DMF Lab's versions in the metadata");
            writeContentJar(contentJar, versions.replaceAll("$1-knime6"));
        }
        return site;
    }

    private static String contentXml(Path contentJar) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(contentJar))) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                if (entry.getName().equals("content.xml")) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalStateException(contentJar + " has no content.xml");
    }

    private static void writeContentJar(Path contentJar, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes)) {
            out.putNextEntry(new JarEntry("content.xml"));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Files.write(contentJar, bytes.toByteArray());
    }

    /** DMF Lab's bundles p2 put into the installation's plugins/, by symbolic name (file name: id_version.jar). */
    static List<String> dmfLabFiles(Path installation) throws IOException {
        Path plugins = installation.resolve("plugins");
        if (!Files.isDirectory(plugins)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(plugins)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("org.dmflab."))
                    .map(n -> n.substring(0, n.lastIndexOf('_'))).sorted().toList();
        }
    }

    /** DMF Lab's bundles the installation's profile holds (its feature's units left out). */
    static List<String> dmfLabUnits(Path installation) throws IOException {
        return Pattern.compile("<unit id='(org\\.dmflab\\.[^']*)'").matcher(currentProfile(installation)).results()
                .map(m -> m.group(1)).filter(id -> !id.startsWith("org.dmflab.knime.feature")).sorted().toList();
    }

    /**
     * What an install changes: every file of the installation (hashed) and the profile's current units and
     * properties (its lines, in any order). Left out: p2's own bookkeeping of each run (the profile registry's snapshots, which the director
     * writes even for a refused install with the same content, and the list of repositories it has seen).
     */
    private static Map<String, String> state(Path installation) throws IOException {
        Map<String, String> state = new TreeMap<>();
        Path engine = installation.resolve("p2/org.eclipse.equinox.p2.engine");
        try (Stream<Path> files = Files.walk(installation)) {
            for (Path file : files.filter(Files::isRegularFile).filter(p -> !p.startsWith(engine)).toList()) {
                state.put(installation.relativize(file).toString(), sha256(Files.readAllBytes(file)));
            }
        }
        // p2 writes a capability's properties in no fixed order: the profile's lines as a sorted list
        state.put("current profile", currentProfile(installation).replaceAll(" timestamp='\\d+'", "").lines()
                .map(String::strip).sorted().collect(java.util.stream.Collectors.joining("\n")));
        return state;
    }

    /** The newest snapshot of the profile, as XML (macOS installations keep p2/ in Eclipse.app/Contents/Eclipse). */
    static String currentProfile(Path installation) throws IOException {
        Path registry;
        try (Stream<Path> dirs = Files.walk(installation)) {
            registry = dirs.filter(d -> d.endsWith("p2/org.eclipse.equinox.p2.engine/profileRegistry/"
                    + P2Director.PROFILE + ".profile")).findFirst().orElseThrow(() -> new AssertionError(
                    "no p2 profile " + P2Director.PROFILE + " in " + installation));
        }
        try (Stream<Path> files = Files.list(registry)) {
            Path newest = files.filter(p -> p.getFileName().toString().endsWith(".profile.gz"))
                    .max((a, b) -> Long.compare(timestamp(a), timestamp(b))).orElseThrow();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(newest))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static long timestamp(Path snapshot) {
        String name = snapshot.getFileName().toString();
        return Long.parseLong(name.substring(0, name.indexOf('.')));
    }

    /** The checkout's last commit time as the build's qualifier spells it (UTC, yyyyMMddHHmm), as git tells it. */
    private static String lastCommitTime() throws IOException {
        ProcessBuilder git = new ProcessBuilder("git", "log", "-1", "--format=%cd",
                "--date=format-local:%Y%m%d%H%M").directory(KnimeFramework.path("dmflab.root").toFile());
        git.environment().put("TZ", "UTC");
        Process process = git.start();
        String time = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(time.matches("\\d{12}"), "git log's commit time: " + time);
        return time;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void succeeds(Result result, String what) {
        assertEquals(0, result.exitCode(), what + ": " + result.output());
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
