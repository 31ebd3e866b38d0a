package org.dmflab.core.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.settings.RawSettings;
import org.junit.jupiter.api.Test;
import org.dmflab.core.dynamics.Initialization;

class PredictSettingsTest {

    private static Map<String, String> valid() {
        Map<String, String> values = new HashMap<>();
        values.put("depth", "3");
        values.put("step", "0.01");
        values.put("alpha", "0.02");
        return values;
    }

    private static PredictConfig parse(Map<String, String> values) {
        return PredictSettings.parse(RawSettings.of(values));
    }

    private static void assertRejected(String key, String value, String subject, String messagePart) {
        Map<String, String> values = valid();
        values.put(key, value);
        assertThatThrownBy(() -> parse(values)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).subject()).isEqualTo(subject))
                .hasMessageContaining(messagePart);
    }

    @Test
    void keysAreThoseOfTheDesign() {
        assertThat(PredictSettings.KEYS).containsExactly("depth", "step", "init", "alpha", "beta", "epsilon", "delta",
                "target-accuracy", "horizon");
    }

    @Test
    void defaultsAreDocumented() {
        PredictConfig config = parse(valid());
        assertThat(config.init()).isEqualTo(Initialization.IDENTITY);
        assertThat(config.epsilon()).isEqualTo(0.01);
        assertThat(config.delta()).isEqualTo(0.005);
        assertThat(config.targetAccuracy()).isEmpty();
        assertThat(config.horizon()).isEqualTo(10_000_000L);
        assertThat(config.beta()).isEmpty();
    }

    @Test
    void badValuesNameTheirKey() {
        assertRejected("step", "0", "step", "positive");
        assertRejected("step", "-0.1", "step", "positive");
        assertRejected("alpha", "0", "alpha", "positive");
        assertRejected("epsilon", "1", "epsilon", "between 0 and 1");
        assertRejected("epsilon", "0", "epsilon", "between 0 and 1");
        assertRejected("epsilon", "1e-15", "epsilon", "double precision");
        assertRejected("init", "gaussian", "init", "no theory");
        assertRejected("init", "random", "init", "not an initialization");
        assertRejected("depth", "0", "depth", "from 1");
        assertRejected("depth", "two", "depth", "whole number");
        assertRejected("delta", "0", "delta", "positive");
        assertRejected("horizon", "0", "horizon", "between 1");
        assertRejected("target-accuracy", "-1", "target-accuracy", "positive");
    }

    @Test
    void perturbedStartNeedsBetaBelowAlpha() {
        Map<String, String> values = valid();
        values.put("init", "perturbed");
        // like the trainer's: without beta the perturbed factor starts at α/2
        assertThat(parse(values).beta()).hasValue(Double.parseDouble(values.get("alpha")) / 2);
        values.put("beta", values.get("alpha"));
        assertThatThrownBy(() -> parse(values)).hasMessageStartingWith("beta: must satisfy 0 < β < α");
        values.put("beta", "0.01");
        assertThat(parse(values).beta()).hasValue(0.01);
    }

    @Test
    void deltaAndTargetAccuracyExcludeEachOther() {
        Map<String, String> values = valid();
        values.put("delta", "0.01");
        values.put("target-accuracy", "0.05");
        assertThatThrownBy(() -> parse(values)).hasMessageStartingWith("target-accuracy: given together with delta");
        values.remove("delta");
        assertThat(parse(values).targetAccuracy()).hasValue(0.05);
    }

    /** The run dynamics default to the trainer's, so that a prediction without them is about a default trainer's run. */
    @Test
    void absentRunKeysAreTheTrainersDefaults() {
        PredictConfig config = parse(Map.of());
        org.dmflab.core.train.TrainConfig trainer = org.dmflab.core.train.TrainSettings.parse(RawSettings.of(Map.of()));
        assertThat(config.depth()).isEqualTo(trainer.depth());
        assertThat(config.step()).isEqualTo(trainer.step());
        assertThat(config.init()).isEqualTo(trainer.init());
        assertThat(config.alpha()).isEqualTo(trainer.alpha());
    }
}
