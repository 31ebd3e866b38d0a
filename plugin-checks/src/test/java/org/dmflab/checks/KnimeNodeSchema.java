package org.dmflab.checks;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import javax.xml.XMLConstants;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * KNIME's node description schema {@code Node_v4.1.xsd}. It is KNIME's file and is not part of the project: the build
 * names where it may lie (plugin-checks/pom.xml: the schema file beside the checkout, as on CI, or inside KNIME's core
 * jar), and a checkout without either skips the schema check with {@link #MISSING}.
 */
final class KnimeNodeSchema {
    /** Where KNIME's core jar keeps the schema. */
    static final String ENTRY_IN_CORE_JAR = "org/knime/core/node/Node_v4.1.xsd";

    /** Set (by .ci/run) where the schema must be found: a missing schema is then a failure, not a skip. */
    static final boolean REQUIRED = Boolean.getBoolean("dmflab.requireKnimeSchema");

    private static final Optional<Path> FILE = location("dmflab.knimeSchema");
    private static final Optional<Path> CORE_JAR = location("dmflab.knimeCoreJar");

    /** Why the schema check did not run, and how to make it run. */
    static final String MISSING = "KNIME's node schema Node_v4.1.xsd was not found (looked for "
            + FILE.map(Path::toString).orElse("-Ddmflab.knimeSchema unset") + " and " + ENTRY_IN_CORE_JAR + " in "
            + CORE_JAR.map(Path::toString).orElse("-Ddmflab.knimeCoreJar unset") + "), so the node descriptions "
            + "were not validated against it. To run this check, put KNIME's shared/ folder beside the checkout, or "
            + "give -Ddmflab.knimeSchema=PATH/Node_v4.1.xsd or -Ddmflab.knimeCoreJar=PATH/org.knime.core.jar";

    private KnimeNodeSchema() {
    }

    /** The schema from the first source that exists, or empty when neither does. */
    static Optional<Schema> load() throws SAXException, IOException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        if (FILE.filter(Files::isRegularFile).isPresent()) {
            return Optional.of(factory.newSchema(FILE.get().toFile()));
        }
        if (CORE_JAR.filter(Files::isRegularFile).isPresent()) {
            try (JarFile jar = new JarFile(CORE_JAR.get().toFile())) {
                if (jar.getEntry(ENTRY_IN_CORE_JAR) == null) {
                    throw new IllegalStateException(CORE_JAR.get() + " has no " + ENTRY_IN_CORE_JAR
                            + "; is it KNIME's org.knime.core jar?");
                }
            }
            return Optional.of(factory.newSchema(
                    new URL("jar:" + CORE_JAR.get().toUri() + "!/" + ENTRY_IN_CORE_JAR)));
        }
        return Optional.empty();
    }

    /** The path a system property names, normalized; empty if the property is unset or blank. */
    private static Optional<Path> location(String property) {
        String value = System.getProperty(property, "").trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value).toAbsolutePath().normalize());
    }
}
