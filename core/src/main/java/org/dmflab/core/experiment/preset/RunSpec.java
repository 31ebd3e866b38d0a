package org.dmflab.core.experiment.preset;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One training run of an experiment: the trainer's, tracker's and (optionally) predictor's settings as docs/design.md §3
 * key–value text, exactly what the command line or a KNIME node would hand the engine.
 *
 * @param label   short name, used in file names ({@code trace-<label>.csv}) when a preset has several runs
 * @param title   what the run is, for legends and headings (e.g. "identity start")
 * @param train   Deep Factorization Trainer settings
 * @param track   Spectrum Tracker settings
 * @param predict Theoretical Bound Predictor settings, empty when the theory has nothing to say (e.g. Gaussian start)
 * @param observations the generator's {@code observations} setting for this run (matrix completion): the preset's
 *                     target with this many observed entries; empty for runs on the full target
 */
public record RunSpec(String label, String title, Map<String, String> train, Map<String, String> track,
                      Optional<Map<String, String>> predict, Optional<String> observations) {

    /** A run on the preset's full target. */
    public RunSpec(String label, String title, Map<String, String> train, Map<String, String> track,
                   Optional<Map<String, String>> predict) {
        this(label, title, train, track, predict, Optional.empty());
    }

    public RunSpec {
        Objects.requireNonNull(observations, "observations");
        if (!label.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("run label must be lower-case letters, digits and '-': " + label);
        }
        Objects.requireNonNull(title, "title");
        train = frozen(train);
        track = frozen(track);
        predict = predict.map(RunSpec::frozen);
    }

    /** An unmodifiable copy that keeps the insertion (design) order. */
    static Map<String, String> frozen(Map<String, String> settings) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
