package org.dmflab.core.experiment.preset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.dynamics.RunSettings;
import org.dmflab.core.track.TrackSettings;
import org.dmflab.core.predict.PredictSettings;
import org.dmflab.core.train.TrainSettings;

/**
 * A preset with some settings changed ({@code --set STAGE.KEY=VALUE}), or an experiment of the user's own settings
 * ({@link #custom()}), checked by each stage's own parser before anything runs, so a bad value fails at once with the
 * engine's message.
 *
 * <p>Where a change lands: a {@code train} key in every run (and a run-dynamics key, docs/theory.md §1.4–1.6, also in
 * the run's predictor settings, so the prediction stays a prediction of the run made); a {@code predict} or
 * {@code track} key in every run that has the stage; {@code generate.observations} in every run (the entries a
 * completion run observes); any other {@code generate} key in the target and in the noise-free reference except the
 * noise itself. A key the preset gives different values in different runs (e.g. the depth of {@code depth}) is
 * refused: one value for all runs would make the preset's run titles untrue.
 */
public final class PresetVariants {
    /** The name of the experiment of one's own settings. */
    public static final String CUSTOM = "custom";
    private static final Set<String> NOISE_KEYS = Set.of(GroundTruthSettings.NOISE,
            GroundTruthSettings.SYMMETRIZE_NOISE);
    private static final Set<String> RUN_DYNAMICS = Set.copyOf(org.dmflab.core.settings.Setting.keys(
            RunSettings.SETTINGS));
    private static final String OPTION = "set";

    private PresetVariants() {
    }

    /**
     * One run of the user's own settings: the generator's, trainer's and tracker's defaults until changed, no
     * predictor stage, the tracker's charts only.
     */
    public static ExperimentPreset custom() {
        return new ExperimentPreset(CUSTOM, "one run of the settings given with --set (defaults elsewhere)", "",
                Map.of(), Optional.empty(), List.of(new RunSpec("run", "run", Map.of(), Map.of(), Optional.empty())),
                Analysis.NONE);
    }

    /** {@code base} with {@code overrides} applied and every stage's settings parsed; {@code base} if none. */
    public static ExperimentPreset apply(ExperimentPreset base, List<SettingOverride> overrides) {
        if (overrides.isEmpty()) {
            return base;
        }
        Set<String> seen = new HashSet<>();
        for (SettingOverride override : overrides) {
            if (!seen.add(override.qualifiedKey())) {
                throw new InvalidInputException(OPTION, override.qualifiedKey() + " is given twice; give each key "
                        + "once");
            }
        }
        Map<String, String> truth = new LinkedHashMap<>(base.groundTruth());
        Optional<Map<String, String>> clean = base.clean().map(LinkedHashMap::new);
        List<RunSpec> runs = new ArrayList<>(base.runs());
        for (SettingOverride override : overrides) {
            String key = override.key();
            String value = override.value();
            switch (override.stage()) {
                case GENERATE -> {
                    if (key.equals(GroundTruthSettings.OBSERVATIONS)) {
                        requireOneValue(base, override, run -> run.observations().orElse(
                                base.groundTruth().get(key)));
                        runs.replaceAll(run -> new RunSpec(run.label(), run.title(), run.train(), run.track(),
                                run.predict(), Optional.of(value)));
                    } else {
                        truth.put(key, value);
                        if (!NOISE_KEYS.contains(key)) {
                            clean.ifPresent(settings -> settings.put(key, value));
                        }
                    }
                }
                case TRAIN -> {
                    requireOneValue(base, override, run -> run.train().get(key));
                    runs.replaceAll(run -> new RunSpec(run.label(), run.title(), with(run.train(), key, value),
                            run.track(), RUN_DYNAMICS.contains(key) ? run.predict().map(p -> with(p, key, value))
                            : run.predict(), run.observations()));
                }
                case PREDICT -> {
                    if (base.runs().stream().noneMatch(run -> run.predict().isPresent())) {
                        throw new InvalidInputException(OPTION, override + ": the experiment " + base.name()
                                + " has no predict stage");
                    }
                    requireOneValue(base, override, run -> run.predict().map(p -> p.get(key)).orElse(null));
                    runs.replaceAll(run -> new RunSpec(run.label(), run.title(), run.train(), run.track(),
                            run.predict().map(p -> with(p, key, value)), run.observations()));
                }
                case TRACK -> {
                    requireOneValue(base, override, run -> run.track().get(key));
                    runs.replaceAll(run -> new RunSpec(run.label(), run.title(), run.train(),
                            with(run.track(), key, value), run.predict(), run.observations()));
                }
            }
        }
        String changes = overrides.stream().map(SettingOverride::toString).collect(Collectors.joining(", "));
        ExperimentPreset variant = new ExperimentPreset(base.name(), base.description() + "; changed with --set: "
                + changes, base.figure(), truth, clean, runs, base.analysis(), base.input());
        check(variant, overrides);
        return variant;
    }

    /** Refuses a key the preset gives different values in different runs. */
    private static void requireOneValue(ExperimentPreset base, SettingOverride override,
                                        Function<RunSpec, String> value) {
        Set<String> values = base.runs().stream().map(value).map(v -> v == null ? "(default)" : v)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (values.size() > 1) {
            throw new InvalidInputException(OPTION, override + ": the preset " + base.name() + " runs "
                    + override.qualifiedKey() + " at " + String.join(", ", values) + " in its different runs, so one "
                    + "value for all would make its run titles untrue; sweep it over a one-run experiment instead "
                    + "(dmflab sweep --vary " + override.qualifiedKey() + "=…)");
        }
    }

    /** Parses every stage's settings with the stage's own parser; a message about a changed key names --set. */
    private static void check(ExperimentPreset preset, List<SettingOverride> overrides) {
        try {
            if (preset.input().isEmpty()) {
                GroundTruthSettings.parse(RawSettings.of(preset.groundTruth()), Optional.empty());
            }
            for (RunSpec run : preset.runs()) {
                TrainSettings.parse(RawSettings.of(run.train()));
                TrackSettings.parse(RawSettings.of(run.track()));
                run.predict().ifPresent(p -> PredictSettings.parse(RawSettings.of(p)));
            }
        } catch (InvalidInputException bad) {
            Optional<SettingOverride> changed = overrides.stream().filter(o -> o.key().equals(bad.subject()))
                    .findFirst();
            if (changed.isEmpty()) {
                throw bad;
            }
            String problem = bad.getMessage().substring(bad.subject().length() + 2);
            throw new InvalidInputException(OPTION, changed.get() + ": " + problem);
        }
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(settings);
        changed.put(key, value);
        return changed;
    }
}
