package org.dmflab.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every node description validates against KNIME's schema (where the build can find it: {@link KnimeNodeSchema}),
 * documents exactly the node's ports and icon, and states every option's default.
 */
class NodeDescriptionsTest {
    private static Optional<Schema> schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        schema = KnimeNodeSchema.load();
        if (schema.isEmpty()) {
            System.err.println((KnimeNodeSchema.REQUIRED ? "FAILED: " : "SKIPPED: ") + KnimeNodeSchema.MISSING);
        }
    }

    static Stream<Path> descriptions() {
        List<Path> files = ProjectFiles.files(ProjectFiles.PLUGIN_SOURCES, "NodeFactory.xml");
        assertThat(files).as("node descriptions under plugin/src").isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("descriptions")
    void validatesAgainstTheNodeSchema(Path description) throws Exception {
        if (schema.isEmpty() && KnimeNodeSchema.REQUIRED) {
            fail("-Ddmflab.requireKnimeSchema=true, but " + KnimeNodeSchema.MISSING);
        }
        assumeTrue(schema.isPresent(), KnimeNodeSchema.MISSING);
        schema.get().newValidator().validate(new StreamSource(description.toFile()));
    }

    /** A KNIME user reads the description to choose a value: every option says what it is if left alone. */
    @ParameterizedTest
    @MethodSource("descriptions")
    void everyOptionStatesItsDefault(Path description) {
        var options = ProjectFiles.xml(description).getElementsByTagNameNS("*", "option");
        assertThat(options.getLength()).as(description.getFileName() + " has options").isPositive();
        for (int i = 0; i < options.getLength(); i++) {
            Element option = (Element) options.item(i);
            assertThat(option.getTextContent()).as(description.getFileName() + ", option '"
                    + option.getAttribute("name") + "' states its default").contains("Default:");
        }
    }

    @ParameterizedTest
    @MethodSource("descriptions")
    void iconExistsAndIsSixteenPixelsSquare(Path description) throws Exception {
        Element root = ProjectFiles.xml(description).getDocumentElement();
        Path icon = description.resolveSibling(root.getAttribute("icon")).normalize();
        assertThat(icon).exists();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(icon.toFile());
        assertThat(image.getWidth()).isEqualTo(16);
        assertThat(image.getHeight()).isEqualTo(16);
    }
    static Path modelSource(Path description) {
        String name = description.getFileName().toString().replace("NodeFactory.xml", "NodeModel.java");
        Path model = description.resolveSibling(name);
        assertThat(model).as("node model next to " + description.getFileName()).exists();
        return model;
    }

    private static int count(String portList) {
        String trimmed = portList.trim();
        return trimmed.isEmpty() ? 0 : trimmed.split(",").length;
    }

    static String text(Path description) {
        return ProjectFiles.read(description);
    }

    static boolean exists(Path path) {
        return Files.exists(path);
    }
}
