package org.dmflab.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dmflab.core.baseline.NuclearNormSettings;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.spectrum.TrackSettings;
import org.dmflab.core.theory.PredictSettings;
import org.dmflab.core.train.TrainSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The default each node description states for an option is the engine's: the engine's parser, given the stated
 * default, builds the same configuration as when the key is left out. Keys for which the engine has no default (the
 * command line asks for them; the KNIME dialog starts from a value of its own) are listed per node and skipped.
 */
class DescriptionDefaultsTest {
    private static final Pattern KEY = Pattern.compile("Key (\\S+?)\\.(?:\\s|$)");
    /** The stated default: up to an explaining parenthesis or the end of the sentence. */
    private static final Pattern DEFAULT = Pattern.compile("Default: (.+?)(?: \\(|\\.\\s|\\.?$)", Pattern.DOTALL);

    /**
     * A node: its description, the engine's parser, settings that make the other keys parseable, and the keys whose
     * default is the dialog's alone.
     */
    record Node(String description, Function<RawSettings, Object> parser, Map<String, String> base,
                Set<String> dialogOnlyDefaults) {
        Path path() {
            return ProjectFiles.PLUGIN_SOURCES.resolve("org/dmflab/knime/" + description);
        }
    }

    static Stream<Node> nodes() {
        return Stream.of(
                new Node("groundtruth/GroundTruthGeneratorNodeFactory.xml",
                        raw -> GroundTruthSettings.parse(raw, Optional.empty()),
                        Map.of(GroundTruthSettings.SPECTRUM, "3,1", GroundTruthSettings.SEED, "5"),
                        // input chooses the node's input port, which the engine receives as a matrix, not as a key
                        Set.of(GroundTruthSettings.SPECTRUM, GroundTruthSettings.SEED, GroundTruthSettings.INPUT)),
                new Node("train/DeepFactorizationTrainerNodeFactory.xml", TrainSettings::parse, Map.of(),
                        Set.of(TrainSettings.SEED)),
                new Node("track/SpectrumTrackerNodeFactory.xml", TrackSettings::parse, Map.of(), Set.of()),
                new Node("predict/BoundPredictorNodeFactory.xml", PredictSettings::parse,
                        Map.of(PredictSettings.DEPTH, "2", PredictSettings.STEP, "0.001", PredictSettings.ALPHA,
                                "0.1"),
                        Set.of(PredictSettings.DEPTH, PredictSettings.STEP, PredictSettings.ALPHA,
                                PredictSettings.BETA)),
                new Node("baseline/NuclearNormBaselineNodeFactory.xml", NuclearNormSettings::parse, Map.of(),
                        Set.of()));
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void statedDefaultsAreTheEngineDefaults(Node node) {
        Map<String, String> stated = statedDefaults(node.path());
        assertThat(stated.keySet()).as(node.description() + ": options with a key")
                .containsAll(node.dialogOnlyDefaults());
        Object engineDefault = node.parser().apply(RawSettings.of(node.base()));
        for (Map.Entry<String, String> option : stated.entrySet()) {
            if (node.dialogOnlyDefaults().contains(option.getKey())) {
                continue;
            }
            Map<String, String> settings = new HashMap<>(node.base());
            settings.put(option.getKey(), option.getValue());
            assertThat(node.parser().apply(RawSettings.of(settings)))
                    .as("%s: the stated default '%s' of key %s", node.description(), option.getValue(), option.getKey())
                    .isEqualTo(engineDefault);
        }
    }

    /** Key → stated default as setting text ("empty" → absent, "10 000" → "10000"), in the order of the options. */
    static Map<String, String> statedDefaults(Path description) {
        NodeList options = ProjectFiles.xml(description).getElementsByTagNameNS("*", "option");
        Map<String, String> defaults = new LinkedHashMap<>();
        for (int i = 0; i < options.getLength(); i++) {
            String text = ((Element) options.item(i)).getTextContent().replaceAll("\\s+", " ").trim();
            Matcher key = KEY.matcher(text);
            Matcher value = DEFAULT.matcher(text);
            assertThat(key.find()).as(description.getFileName() + ": option " + i + " names its key").isTrue();
            assertThat(value.find()).as(description.getFileName() + ": key " + key.group(1) + " states its default")
                    .isTrue();
            String setting = value.group(1).trim();
            defaults.put(key.group(1), setting.equals("empty") ? null : setting.replaceAll("(\\d) (?=\\d)", "$1"));
        }
        return defaults;
    }

    @Test
    void readsTheStatedDefaults() {
        Map<String, String> trainer = statedDefaults(ProjectFiles.PLUGIN_SOURCES.resolve(
                "org/dmflab/knime/train/DeepFactorizationTrainerNodeFactory.xml"));
        assertThat(trainer).containsEntry("depth", "3").containsEntry("iterations", "10000")
                .containsEntry("record", "log:400").containsEntry("width", "0").containsEntry("init", "identity");
        assertThat(statedDefaults(ProjectFiles.PLUGIN_SOURCES.resolve(
                "org/dmflab/knime/predict/BoundPredictorNodeFactory.xml"))).containsEntry("target-accuracy", null)
                .containsEntry("horizon", "10000000");
    }
}
