package org.dmflab.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dmflab.core.dynamics.RunSettings;
import org.dmflab.core.groundtruth.GroundTruthGenerator;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.track.TrackSettings;
import org.dmflab.core.predict.PredictSettings;
import org.dmflab.core.train.TrainSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The declarations of every node's settings agree with the engine's parsers: a declared default is what the parser
 * does without the key (so a KNIME node saving its declared defaults and a command line without options make the same
 * run), every offered choice and every written form is accepted, and each "read when" names a declared controlling
 * value.
 */
class SettingDeclarationsTest {

    /**
     * One node: its declarations, what the parser makes of raw settings (something comparable with equals), and
     * settings every parse needs besides (a seed where the defaults are random).
     */
    record Node(String name, List<Setting> settings, Function<RawSettings, Object> parse, Map<String, String> extras) {
        @Override
        public String toString() {
            return name;
        }

        Object parse(Map<String, String> values) {
            Map<String, String> all = new HashMap<>(extras);
            all.putAll(values);
            return parse.apply(RawSettings.of(all));
        }
    }

    static Stream<Node> nodes() {
        return Stream.of(
                new Node("generate", GroundTruthSettings.SETTINGS, raw -> {
                    // the config holds arrays (no value equality): compare what it generates
                    var truth = GroundTruthGenerator.generate(GroundTruthSettings.parse(raw, Optional.empty()));
                    return List.of(java.util.Arrays.toString(truth.matrix().data), truth.sensing().isPresent(),
                            truth.observations().map(o -> o.count()).orElse(-1));
                }, Map.of(GroundTruthSettings.SEED, "1", GroundTruthSettings.N, "8")),
                new Node("train", TrainSettings.SETTINGS, TrainSettings::parse, Map.of(TrainSettings.SEED, "1")),
                new Node("track", TrackSettings.SETTINGS, TrackSettings::parse, Map.of()),
                new Node("predict", PredictSettings.SETTINGS, PredictSettings::parse, Map.of()));
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void theDeclaredDefaultsAreWhatTheParserDoesWithoutTheKeys(Node node) {
        Map<String, String> declared = new HashMap<>();
        for (Setting setting : node.settings()) {
            if (setting.hasDefaultValue() && setting.type() != Setting.Type.INPUT
                    && !node.extras().containsKey(setting.key())) {
                declared.put(setting.key(), setting.defaultValue());
            }
        }
        assertThat(declared).as("declared defaults").isNotEmpty();
        assertThat(node.parse(declared)).isEqualTo(node.parse(Map.of()));
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void everyDeclarationIsComplete(Node node) {
        Set<String> keys = new HashSet<>();
        for (Setting setting : node.settings()) {
            assertThat(keys.add(setting.key())).as("key %s declared once", setting.key()).isTrue();
            assertThat(setting.label()).as(setting.key() + " label").isNotBlank();
            assertThat(setting.help()).as(setting.key() + " help").isNotBlank();
            assertThat(setting.hasDefaultValue() || !setting.defaultRule().isBlank())
                    .as(setting.key() + " has a default or a rule").isTrue();
            switch (setting.type()) {
                case CHOICE -> assertThat(setting.choice(setting.defaultValue())).as(setting.key()).isPresent();
                case TEXT -> assertThat(TextForm.of(setting.forms(), setting.defaultValue())).as(setting.key())
                        .isPresent();
                case WHOLE, NUMBER -> assertThat(setting.range()).as(setting.key() + " range").isNotBlank();
                default -> {
                }
            }
            setting.readWhen().ifPresent(when -> {
                Setting controlling = Setting.find(node.settings(), when.key());
                Set<String> possible = new HashSet<>(Set.of("true", "false"));
                controlling.choices().forEach(c -> possible.add(c.key()));
                assertThat(possible).as(setting.key() + " read when " + when).containsAll(when.values());
            });
        }
        assertThat(keys).hasSize(node.settings().size());
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void everyChoiceIsAccepted(Node node) {
        int checked = 0;
        for (Setting setting : node.settings()) {
            for (Setting.Choice choice : setting.choices()) {
                assertThatCode(() -> node.parse(Map.of(setting.key(), choice.key())))
                        .as(setting.key() + "=" + choice.key()).doesNotThrowAnyException();
                assertThat(choice.label()).isNotBlank().isNotEqualTo(choice.key());
                checked++;
            }
        }
        assertThat(checked).as("choices checked").isEqualTo(node.settings().stream()
                .mapToInt(s -> s.choices().size()).sum());
    }

    /** Each form writes a text that it recognises as its own, reads back the same numbers, and the engine accepts. */
    @ParameterizedTest
    @MethodSource("nodes")
    void everyWrittenFormRoundTripsAndIsAccepted(Node node) {
        for (Setting setting : node.settings()) {
            for (TextForm form : setting.forms()) {
                List<String> values = form.parameters().stream()
                        .map(p -> form.key().equals("fraction") ? "0.5" : "2").toList();
                String text = form.write(values);
                assertThat(TextForm.of(setting.forms(), text)).as(text).contains(form);
                assertThat(form.read(text)).isEqualTo(values);
                assertThatCode(() -> node.parse(Map.of(setting.key(), text))).as(setting.key() + "=" + text)
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void anOptionalTrailingNumberIsLeftOut() {
        TextForm form = TextForm.prefixed("gaussian-factors", "rank r", "r", "norm");
        assertThat(form.write(List.of("5", ""))).isEqualTo("gaussian-factors:5");
        assertThat(form.read("gaussian-factors:5")).containsExactly("5", "");
    }

    /** The predictor reads the trainer's run dynamics: the same declarations, only the depth narrowed with a reason. */
    @Test
    void thePredictorSharesTheTrainersRunDeclarations() {
        for (Setting run : RunSettings.SETTINGS) {
            Setting trainer = Setting.find(TrainSettings.SETTINGS, run.key());
            Setting predictor = Setting.find(PredictSettings.SETTINGS, run.key());
            assertThat(trainer).isEqualTo(run);
            assertThat(predictor.defaultValue()).isEqualTo(run.defaultValue());
            assertThat(predictor.label()).isEqualTo(run.label());
        }
        Setting depth = Setting.find(PredictSettings.SETTINGS, RunSettings.DEPTH);
        assertThat(depth.max()).isEqualTo(org.dmflab.core.predict.PredictConfig.MAX_DEPTH);
        assertThat(depth.range()).contains("overflows");
    }
}
