package org.dmflab.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Locates the project's files for the checks. */
final class ProjectFiles {
    static final Path ROOT = Path.of(System.getProperty("dmflab.root", "..")).toAbsolutePath().normalize();
    static final Path PLUGIN = ROOT.resolve("plugin");
    static final Path PLUGIN_SOURCES = PLUGIN.resolve("src");
    static final Path DOCS = ROOT.resolve("docs");

    private ProjectFiles() {
    }

    /** A document of the project's docs/ (theory.md, design.md: the master copies of the mathematics and contracts). */
    static Path doc(String name) {
        Path path = DOCS.resolve(name);
        if (!Files.exists(path)) {
            throw new IllegalStateException("the project's " + ROOT.relativize(path) + " is missing; it is part of "
                    + "every checkout (git checkout -- docs)");
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
