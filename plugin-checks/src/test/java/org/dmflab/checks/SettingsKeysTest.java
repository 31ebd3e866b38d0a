package org.dmflab.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Settings keys agree everywhere: design.md §3 (the contract), the engine's key constants (which the command line uses
 * as option names), the settings models of the KNIME node and its description.
 */
class SettingsKeysTest {

    /**
     * One row per node: its plugin package, the engine class holding its keys, its row in design.md §3, and keys the
     * engine adds to the contract (each documented in docs/design.md §8, "Contract extensions").
     */
    record NodeContract(String pluginPackage, String engineSettings, String designRow, Set<String> extensions) {
    }

    static final List<NodeContract> NODES = List.of(
            new NodeContract("groundtruth", "org.dmflab.core.groundtruth.GroundTruthSettings", "Ground Truth Generator",
                    Set.of()),
            new NodeContract("train", "org.dmflab.core.train.TrainSettings", "Deep Factorization Trainer",
                    Set.of("width")),
            new NodeContract("track", "org.dmflab.core.track.TrackSettings", "Spectrum Tracker", Set.of()),
            new NodeContract("predict", "org.dmflab.core.predict.PredictSettings", "Theoretical Bound Predictor",
                    Set.of()),
            new NodeContract("baseline", "org.dmflab.core.baseline.NuclearNormSettings", "Nuclear Norm Baseline",
                    Set.of()));

    static Stream<NodeContract> nodes() {
        return NODES.stream();
    }

    @Test
    void everyNodePackageHasAContract() throws Exception {
        List<String> packages = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(ProjectFiles.PLUGIN_SOURCES.resolve("org/dmflab/knime"))) {
            dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).filter(n -> !n.equals("common") && !n.equals("dialog"))
                    .forEach(packages::add);
        }
        assertThat(packages).containsExactlyInAnyOrderElementsOf(NODES.stream().map(NodeContract::pluginPackage).toList());
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void engineKeysAreTheDesignKeys(NodeContract node) throws Exception {
        Set<String> expected = new LinkedHashSet<>(designKeys(node.designRow()));
        expected.addAll(node.extensions());
        assertThat(engineKeys(node)).containsExactlyInAnyOrderElementsOf(expected);
        if (!node.extensions().isEmpty()) {
            String design = ProjectFiles.read(ProjectFiles.doc("design.md"));
            int section = design.indexOf("## 8. Contract extensions");
            assertThat(section).as("docs/design.md has §8, Contract extensions").isNotNegative();
            String extensions = design.substring(section);
            for (String extension : node.extensions()) {
                assertThat(extensions).as("docs/design.md §8 documents the contract extension " + extension)
                        .contains("`" + extension + "`");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void theDescriptionNamesEveryKey(NodeContract node) throws Exception {
        for (Path description : ProjectFiles.files(packageDir(node), "NodeFactory.xml")) {
            String text = ProjectFiles.read(description);
            for (String key : engineKeys(node)) {
                assertThat(text).as(description.getFileName() + " documents key " + key).contains("<tt>" + key + "</tt>");
            }
        }
    }

    @Test
    void designParsingFindsTheGeneratorKeys() {
        assertThat(designKeys("Ground Truth Generator")).containsExactly("spectrum", "n", "m", "eigenvectors", "seed",
                "noise", "symmetrize-noise", "measurements", "observations", "input", "divide-by");
    }

    /** The keys of a row of design.md §3: the first back-quoted word of each top-level comma item, up to a ';'. */
    static List<String> designKeys(String row) {
        String design = ProjectFiles.read(ProjectFiles.doc("design.md"));
        for (String line : design.split("\n")) {
            if (line.startsWith("| " + row + " ")) {
                String keys = line.split(" \\| ")[1];
                int semicolon = keys.indexOf(';');
                if (semicolon >= 0) {
                    keys = keys.substring(0, semicolon);
                }
                List<String> result = new ArrayList<>();
                for (String item : topLevelItems(keys)) {
                    Matcher key = Pattern.compile("`([^`]+)`").matcher(item);
                    if (key.find()) {
                        result.add(key.group(1));
                    }
                }
                return result;
            }
        }
        throw new AssertionError("design.md §3 has no row for " + row);
    }

    private static List<String> topLevelItems(String text) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                items.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        items.add(current.toString());
        return items;
    }

    private static Path packageDir(NodeContract node) {
        return ProjectFiles.PLUGIN_SOURCES.resolve("org/dmflab/knime/" + node.pluginPackage());
    }
    @SuppressWarnings("unchecked")
    static List<String> engineKeys(NodeContract node) throws Exception {
        return (List<String>) Class.forName(node.engineSettings()).getField("KEYS").get(null);
    }

}
