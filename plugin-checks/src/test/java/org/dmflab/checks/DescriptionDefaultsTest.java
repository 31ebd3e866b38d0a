package org.dmflab.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dmflab.core.baseline.NuclearNormSettings;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.settings.Setting;
import org.dmflab.core.settings.TextForm;
import org.dmflab.core.track.TrackSettings;
import org.dmflab.core.predict.PredictSettings;
import org.dmflab.core.train.TrainSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Each node description's options are the node's declared settings ({@link Setting}): one option per setting, named by
 * the setting's label (the dialog's label), and the default it states is the declaration's and the engine's. A fixed
 * default is checked with the engine's parser: given the stated default (a number, "on"/"off", a choice's label or
 * its words before the colon, or a kind's label with its numbers), it builds the same configuration as when the key is left out. A default that is a
 * rule ("α/2", "none …") is the declaration's rule word for word; "α/2" is also checked with the engine.
 */
class DescriptionDefaultsTest {
    /** An option's last sentences: "Default: … . Key k." */
    private static final Pattern DEFAULT_AND_KEY = Pattern.compile("Default: (.+?)\\. Key (\\S+?)\\.$");
    private static final Pattern PARAMETER = Pattern.compile("(.+?) = (.*)");

    /** A node: its description, its declarations, the engine's parser and settings that make the others parseable. */
    record Node(String description, List<Setting> settings, Function<RawSettings, Object> parser,
                Map<String, String> base) {
        Path path() {
            return ProjectFiles.PLUGIN_SOURCES.resolve("org/dmflab/knime/" + description);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** One option as described: its name, key and stated default. */
    record Option(String name, String key, String statedDefault) {
    }

    static Stream<Node> nodes() {
        return Stream.of(
                new Node("groundtruth/GroundTruthGeneratorNodeFactory.xml", GroundTruthSettings.SETTINGS,
                        raw -> GroundTruthSettings.parse(raw, Optional.empty()),
                        Map.of(GroundTruthSettings.SEED, "5")),
                new Node("train/DeepFactorizationTrainerNodeFactory.xml", TrainSettings.SETTINGS,
                        TrainSettings::parse, Map.of()),
                new Node("track/SpectrumTrackerNodeFactory.xml", TrackSettings.SETTINGS, TrackSettings::parse,
                        Map.of()),
                new Node("predict/BoundPredictorNodeFactory.xml", PredictSettings.SETTINGS, PredictSettings::parse,
                        Map.of(PredictSettings.INIT, "perturbed")),
                new Node("baseline/NuclearNormBaselineNodeFactory.xml", NuclearNormSettings.SETTINGS,
                        NuclearNormSettings::parse, Map.of()));
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void everyOptionIsADeclaredSettingWithItsLabelAndDefault(Node node) {
        List<Option> options = options(node.path());
        assertThat(options.stream().map(Option::key)).as(node + ": the options are the declared settings")
                .containsExactlyInAnyOrderElementsOf(Setting.keys(node.settings()));
        int engineChecked = 0;
        for (Option option : options) {
            Setting setting = Setting.find(node.settings(), option.key());
            assertThat(option.name()).as(node + ": the option of key " + option.key() + " is named as in the dialog")
                    .isEqualTo(setting.label());
            if (!setting.hasDefaultValue()) {
                assertThat(option.statedDefault()).as(node + ": the stated default of " + option.key())
                        .isEqualTo(setting.defaultRule());
            }
            Optional<String> value = settingText(setting, option.statedDefault(), node);
            if (value.isPresent()) {
                Map<String, String> without = new HashMap<>(node.base());
                without.remove(option.key());
                Map<String, String> with = new HashMap<>(without);
                with.put(option.key(), value.get());
                assertThat(node.parser().apply(RawSettings.of(with)))
                        .as("%s: the stated default '%s' of key %s", node, option.statedDefault(), option.key())
                        .isEqualTo(node.parser().apply(RawSettings.of(without)));
                engineChecked++;
            }
        }
        long fixed = node.settings().stream().filter(Setting::hasDefaultValue).count();
        assertThat(engineChecked).as(node + ": defaults checked with the engine").isGreaterThanOrEqualTo((int) fixed);
    }

    /**
     * The option of every choice setting lists the declared choices, by their labels and in the declared order: a new
     * choice (a loss, a solver, a start) cannot be left out of the description.
     */
    @ParameterizedTest
    @MethodSource("nodes")
    void everyChoiceOptionListsTheDeclaredChoices(Node node) {
        NodeList elements = ProjectFiles.xml(node.path()).getElementsByTagNameNS("*", "option");
        Map<String, String> texts = new HashMap<>();
        for (int i = 0; i < elements.getLength(); i++) {
            String text = elements.item(i).getTextContent().replaceAll("\\s+", " ").trim();
            Matcher matcher = DEFAULT_AND_KEY.matcher(text);
            assertThat(matcher.find()).as(node + ": option " + i + " ends with its default and key").isTrue();
            texts.put(matcher.group(2), text);
        }
        int checked = 0;
        for (Setting setting : node.settings()) {
            if (setting.type() == Setting.Type.CHOICE) {
                String listed = "Choices: " + String.join("; ", setting.choices().stream().map(Setting.Choice::label)
                        .toList());
                assertThat(texts.get(setting.key())).as(node + ": the choices of key " + setting.key())
                        .contains(listed);
                checked++;
            }
        }
        // and no other option lists choices (a setting that stopped being a choice, a choice of a removed setting)
        assertThat(texts.values().stream().filter(text -> text.contains("Choices: ")).count())
                .as(node + ": options listing choices").isEqualTo(checked);
    }

    /**
     * The setting text a stated default stands for, as a user would type it; empty for a rule the engine reads as an
     * absent key only ("none …"), whose words were compared with the declaration.
     */
    private static Optional<String> settingText(Setting setting, String stated, Node node) {
        if (!setting.hasDefaultValue()) {
            if (stated.equals("α/2")) {
                return Optional.of(Double.toString(Double.parseDouble(Setting.find(node.settings(), "alpha")
                        .defaultValue()) / 2));
            }
            return stated.matches("[0-9.eE+-]+") ? Optional.of(stated) : Optional.empty();
        }
        return Optional.of(switch (setting.type()) {
            case FLAG, INPUT -> {
                assertThat(stated).as(setting.key()).isIn("on", "off");
                yield Boolean.toString(stated.equals("on"));
            }
            case CHOICE -> setting.choices().stream().filter(c -> c.label().equals(stated)
                            || c.label().startsWith(stated + ":")).findFirst()
                    .orElseThrow(() -> new AssertionError(setting.key() + ": '" + stated + "' is no choice's label"))
                    .key();
            case TEXT -> formText(setting, stated);
            default -> stated.replaceAll("(\\d) (?=\\d)", "$1");
        });
    }

    /** "Kind label with P = 1, Q = 2" → the text the engine reads, written by the kind's own form. */
    private static String formText(Setting setting, String stated) {
        for (TextForm form : setting.forms()) {
            if (stated.equals(form.label()) && form.parameters().isEmpty()) {
                return form.write(List.of());
            }
            if (stated.startsWith(form.label() + " with ")) {
                String[] parts = stated.substring(form.label().length() + " with ".length()).split(", (?=[^=,]+ = )");
                List<String> values = new ArrayList<>();
                for (int i = 0; i < parts.length; i++) {
                    Matcher parameter = PARAMETER.matcher(parts[i]);
                    assertThat(parameter.matches()).as(setting.key() + ": '" + parts[i] + "'").isTrue();
                    assertThat(parameter.group(1)).as(setting.key() + ": parameter " + i)
                            .isEqualTo(form.parameters().get(i));
                    values.add(parameter.group(2));
                }
                return form.write(values);
            }
        }
        throw new AssertionError(setting.key() + ": '" + stated + "' names none of the kinds");
    }

    /** The options of a description, in order. */
    static List<Option> options(Path description) {
        NodeList elements = ProjectFiles.xml(description).getElementsByTagNameNS("*", "option");
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            String text = element.getTextContent().replaceAll("\\s+", " ").trim();
            Matcher matcher = DEFAULT_AND_KEY.matcher(text);
            assertThat(matcher.find()).as(description.getFileName() + ": option " + element.getAttribute("name")
                    + " ends with its default and key").isTrue();
            options.add(new Option(element.getAttribute("name"), matcher.group(2), matcher.group(1).trim()));
        }
        return options;
    }

    @Test
    void readsTheStatedDefaults() {
        List<Option> trainer = options(ProjectFiles.PLUGIN_SOURCES.resolve(
                "org/dmflab/knime/train/DeepFactorizationTrainerNodeFactory.xml"));
        assertThat(trainer).contains(new Option("Depth N", "depth", "3"),
                new Option("Perturbed factor β", "beta", "α/2"),
                new Option("Seed", "seed", "none (the Gaussian start needs one)"),
                new Option("Record", "record", "About P log-spaced iterations with Points P = 400"));
        assertThat(options(ProjectFiles.PLUGIN_SOURCES.resolve(
                "org/dmflab/knime/predict/BoundPredictorNodeFactory.xml")))
                .contains(new Option("Horizon (iterations)", "horizon", "10000000"));
    }
}
