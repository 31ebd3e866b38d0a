package org.dmflab.core.experiment.preset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.dmflab.core.experiment.preset.SettingOverride.SettingKey;
import org.dmflab.core.experiment.preset.SettingOverride.Stage;

/**
 * The runs of a preset that is a sweep ({@code depth}, {@code completion-depth}, {@code flow-vs-descent}): the points
 * of a {@link SweepPlan} over a one-run experiment, each point's changes applied to that run by
 * {@link PresetVariants#apply}, exactly as {@code dmflab sweep} applies them (docs/design.md §4), then given the
 * preset's file label and legend title. A setting that follows from one swept value (the step of each depth) is a
 * linked key of that value's axis; one that follows from several (a step from the depth and the observed entries) is
 * a derived change of the point.
 */
final class SweptRuns {
    /**
     * What a point is called in the preset, and the settings that follow from its values.
     *
     * @param label   the run's file label, e.g. {@code n3}
     * @param title   the run's legend title, e.g. {@code N = 3}
     * @param derived further changes of this point, computed from its values
     */
    record Naming(String label, String title, List<SettingOverride> derived) {
        Naming(String label, String title) {
            this(label, title, List.of());
        }
    }

    private SweptRuns() {
    }

    /**
     * The runs of {@code preset}: {@code base} (on the target {@code truth}) at every point of the grid {@code axes},
     * in grid order (the first axis outermost).
     */
    static List<RunSpec> runs(String preset, Map<String, String> truth, RunSpec base, List<SweepPlan.Axis> axes,
                              Function<SweepPlan.Point, Naming> naming) {
        ExperimentPreset oneRun = new ExperimentPreset(preset, "one run of " + preset, "", truth, Optional.empty(),
                List.of(base), Analysis.NONE);
        SweepPlan plan = new SweepPlan(preset, List.of(), axes, Optional.empty(), Optional.empty(),
                SweepPlan.DEFAULT_RECOVERED_BELOW);
        List<RunSpec> runs = new ArrayList<>();
        for (SweepPlan.Point point : plan.points()) {
            Naming name = naming.apply(point);
            List<SettingOverride> changes = new ArrayList<>(point.changes());
            changes.addAll(name.derived());
            RunSpec run = PresetVariants.apply(oneRun, changes).runs().get(0);
            runs.add(new RunSpec(name.label(), name.title(), run.train(), run.track(), run.predict(),
                    run.observations()));
        }
        return runs;
    }

    /**
     * An axis of trainer settings changing together: the values of {@code keys} in each of {@code points} (settings
     * written by {@link RunSettings.Train}, so the text is the builder's).
     */
    static SweepPlan.Axis trainAxis(List<Map<String, String>> points, String... keys) {
        List<SettingKey> settingKeys = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        for (String key : keys) {
            settingKeys.add(new SettingKey(Stage.TRAIN, key));
            values.add(points.stream().map(point -> point.get(key)).toList());
        }
        return new SweepPlan.Axis(settingKeys, values);
    }

    /** The trainer's {@code keys} of {@code settings} as changes of a point. */
    static List<SettingOverride> trainChanges(Map<String, String> settings, String... keys) {
        return java.util.Arrays.stream(keys).map(key -> new SettingOverride(Stage.TRAIN, key, settings.get(key)))
                .toList();
    }
}
