package org.dmflab.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Locates the project's files (and the shared contracts next to the checkout) for the checks. */
final class ProjectFiles {
    static final Path ROOT = Path.of(System.getProperty("dmflab.root", "..")).toAbsolutePath().normalize();
    static final Path PLUGIN = ROOT.resolve("plugin");
    static final Path PLUGIN_SOURCES = PLUGIN.resolve("src");
    static final Path SHARED = ROOT.resolveSibling("shared");

    private ProjectFiles() {
    }

    /** A file of shared/, which CI and every developer have beside the checkout. */
    static Path shared(String relative) {
        Path path = SHARED.resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException("the shared contracts are missing: " + path + " (shared/ must lie next to "
                    + "the checkout, as on CI)");
        }
        return path;
    }

    static List<Path> files(Path root, String suffix) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document xml(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    /** The source file of a fully qualified class in the plugin. */
    static Path pluginSource(String className) {
        return PLUGIN_SOURCES.resolve(className.replace('.', '/') + ".java");
    }
}
