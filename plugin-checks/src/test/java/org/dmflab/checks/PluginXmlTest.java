package org.dmflab.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** plugin.xml names factories that exist, each with its description, model and icon, in our category. */
class PluginXmlTest {
    private final Document pluginXml = ProjectFiles.xml(ProjectFiles.PLUGIN.resolve("plugin.xml"));

    @Test
    void everyDescriptionIsRegistered() {
        List<String> registered = factories();
        for (Path description : ProjectFiles.files(ProjectFiles.PLUGIN_SOURCES, "NodeFactory.xml")) {
            String className = ProjectFiles.PLUGIN_SOURCES.relativize(description).toString()
                    .replace(".xml", "").replace('/', '.');
            assertThat(registered).as("plugin.xml registers " + className).contains(className);
        }
    }

    @Test
    void nodesLiveInTheDeclaredCommunityCategory() {
        Element category = (Element) pluginXml.getElementsByTagName("category").item(0);
        assertThat(category.getAttribute("path")).isEqualTo("/community");
        assertThat(category.getAttribute("level-id")).isEqualTo("dmflab");
        assertThat(category.getAttribute("name")).isEqualTo("Deep Matrix Factorization");
        assertThat(ProjectFiles.PLUGIN.resolve(category.getAttribute("icon"))).exists();
        NodeList nodes = pluginXml.getElementsByTagName("node");
        for (int i = 0; i < nodes.getLength(); i++) {
            assertThat(((Element) nodes.item(i)).getAttribute("category-path")).isEqualTo("/community/dmflab");
        }
    }

    private List<String> factories() {
        NodeList nodes = pluginXml.getElementsByTagName("node");
        List<String> factories = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            factories.add(((Element) nodes.item(i)).getAttribute("factory-class"));
        }
        return factories;
    }
}
