package org.dmflab.knime.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The p2 director as a user's KNIME runs it when installing: Tycho's director mojo (the embedded p2 of the build, no
 * Eclipse download) in its own Maven process, so a refused install is an exit code and p2's message, not a failed
 * build. The Maven and Tycho versions are the build's own ({@code maven.home}, {@code dmflab.tycho.version}).
 */
final class P2Director {
    /** The profile a KNIME installation's p2 keeps its installed units in. */
    static final String PROFILE = "KNIMEProfile";

    private P2Director() {
    }

    /** A platform a profile is created for: p2's os, ws and arch. */
    record Platform(String os, String ws, String arch) {
        static final Platform LINUX = new Platform("linux", "gtk", "x86_64");

        /** The OpenBLAS fragment DMF Lab ships for this platform. */
        String openBlasFragment() {
            return "org.dmflab.knime.openblas." + os + "." + arch;
        }
    }

    /** Exit code and everything the director printed. */
    record Result(int exitCode, String output) {
    }

    /** Creates a new installation at {@code destination} for {@code platform} holding {@code units}. */
    static Result create(Path destination, Platform platform, List<String> repositories, List<String> units) {
        return run(destination, repositories, units, Map.of("p2.os", platform.os(), "p2.ws", platform.ws(), "p2.arch",
                platform.arch(), "roaming", "true"));
    }

    /** Installs {@code units} into the existing installation at {@code destination}. */
    static Result install(Path destination, List<String> repositories, List<String> units) {
        return run(destination, repositories, units, Map.of());
    }

    private static Result run(Path destination, List<String> repositories, List<String> units,
                              Map<String, String> options) {
        Path maven = Path.of(KnimeFramework.path("maven.home").toString(), "bin", "mvn");
        List<String> command = new ArrayList<>(List.of(maven.toString(), "-B", "-q",
                "org.eclipse.tycho:tycho-p2-director-plugin:" + System.getProperty("dmflab.tycho.version") + ":director",
                "-Ddestination=" + destination, "-Dprofile=" + PROFILE, "-Drepositories=" + String.join(",", repositories),
                "-DinstallIUs=" + String.join(",", units)));
        options.forEach((key, value) -> command.add("-D" + key + "=" + value));
        try {
            Path log = Files.createTempFile(KnimeFramework.path("dmflab.work"), "p2-director", ".log");
            // a folder without a pom: the director needs no project, and this build's poms stay out of it
            ProcessBuilder builder = new ProcessBuilder(command).directory(log.getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1"); // a short run: start fast
            Process process = builder.start();
            int exitCode = process.waitFor();
            return new Result(exitCode, Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** A zipped update site as p2 opens it (Help › Install New Software › Add › Archive does the same). */
    static String archive(Path zip) {
        return "jar:" + zip.toUri() + "!/";
    }
}
