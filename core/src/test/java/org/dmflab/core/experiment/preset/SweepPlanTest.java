package org.dmflab.core.experiment.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.experiment.preset.SettingOverride.SettingKey;
import org.junit.jupiter.api.Test;

/** The grid of a sweep: order, names, shards, the stop threshold, the plan's text and extension. */
class SweepPlanTest {
    private static SweepPlan plan(List<String> axes, String seeds) {
        return new SweepPlan("custom", List.of(SettingOverride.parse("train.loss=completion", "set")),
                axes.stream().map(text -> SweepPlan.Axis.parse(text, "vary")).toList(),
                Optional.ofNullable(seeds).map(list -> SweepPlan.Axis.seeds(SettingKey.parse("generate.seed", "s"),
                        list, "seeds")), Optional.empty(), 0.01);
    }

    @Test
    void pointsRunThroughTheGridFirstAxisOutermostSeedsInnermost() {
        SweepPlan plan = plan(List.of("generate.observations=100,200", "train.depth=2,3,4"), "1..2");
        List<SweepPlan.Point> points = plan.points();
        assertThat(points).hasSize(12);
        assertThat(points.get(0).name()).isEqualTo("observations-100_depth-2_seed-1");
        assertThat(points.get(1).name()).isEqualTo("observations-100_depth-2_seed-2");
        assertThat(points.get(2).name()).isEqualTo("observations-100_depth-3_seed-1");
        assertThat(points.get(11).name()).isEqualTo("observations-200_depth-4_seed-2");
        assertThat(points.get(5).values()).containsExactly("100", "4", "2");
        assertThat(points.get(5).changes().stream().map(Object::toString)).containsExactly("train.loss=completion",
                "generate.observations=100", "train.depth=4", "generate.seed=2");
    }

    @Test
    void shardsAreDisjointAndTogetherTheWholeGrid() {
        Random random = new Random(5);
        int cases = 0;
        for (int trial = 0; trial < 40; trial++) {
            int a = 1 + random.nextInt(5);
            int b = 1 + random.nextInt(4);
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            for (int i = 0; i < a; i++) {
                first.add(Integer.toString(10 * (i + 1)));
            }
            for (int i = 0; i < b; i++) {
                second.add(Integer.toString(i + 1));
            }
            SweepPlan plan = plan(List.of("generate.observations=" + String.join(",", first),
                    "train.depth=" + String.join(",", second)), random.nextBoolean() ? "1..3" : null);
            int count = 1 + random.nextInt(7);
            List<String> union = new ArrayList<>();
            for (int shard = 1; shard <= count; shard++) {
                List<SweepPlan.Point> part = plan.shard(shard, count);
                assertThat(part.size()).isBetween(plan.points().size() / count, plan.points().size() / count + 1);
                part.forEach(point -> union.add(point.name()));
            }
            assertThat(new HashSet<>(union)).hasSize(union.size());
            assertThat(Set.copyOf(union)).isEqualTo(Set.copyOf(plan.points().stream().map(SweepPlan.Point::name)
                    .toList()));
            cases++;
        }
        assertThat(cases).isEqualTo(40);
    }

    @Test
    void stopMseIsTheLossThresholdHalfMseTimesTheObservedEntries() {
        SweepPlan plan = new SweepPlan("custom", List.of(SettingOverride.parse("train.loss=completion", "set")),
                List.of(SweepPlan.Axis.parse("generate.observations=2000,333", "vary")), Optional.empty(),
                Optional.of(new BigDecimal("1e-6")), 0.01);
        List<SweepPlan.Point> points = plan.points();
        assertThat(points.get(0).changes().get(2).toString()).isEqualTo("train.tolerance=0.001");
        assertThat(points.get(1).changes().get(2).toString()).isEqualTo("train.tolerance=0.0001665");
        assertThatThrownBy(() -> new SweepPlan("custom", List.of(), List.of(SweepPlan.Axis.parse(
                "generate.observations=2000", "vary")), Optional.empty(), Optional.of(BigDecimal.ONE), 0.01).points())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs completion runs");
    }

    @Test
    void thePlanReadsBackAndAnExtensionOnlyAddsValues() {
        SweepPlan plan = plan(List.of("generate.spectrum=8,4;2,1", "train.depth/train.step=2/0.01,3/0.005"), "1..3");
        assertThat(SweepPlan.parse(plan.text())).isEqualTo(plan);
        assertThat(plan.points().get(0).name()).isEqualTo("spectrum-8_4_depth-2_seed-1");
        SweepPlan more = plan(List.of("generate.spectrum=8,4;2,1;1,1", "train.depth/train.step=2/0.01,3/0.005,4/0.002"),
                "1..5");
        assertThat(more.extends_(plan)).isTrue();
        assertThat(plan.extends_(more)).isFalse();
        SweepPlan otherStep = plan(List.of("generate.spectrum=8,4;2,1", "train.depth/train.step=2/0.01,3/0.004"),
                "1..3");
        assertThat(otherStep.extends_(plan)).isFalse();
        assertThat(SweepPlan.parse("not a plan")).isNull();
    }

    @Test
    void aKeySweptTwiceOrNothingToSweepIsRefused() {
        assertThatThrownBy(() -> plan(List.of("train.depth=2,3", "train.depth=4"), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("train.depth is set or swept twice");
        assertThatThrownBy(() -> plan(List.of(), null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nothing to sweep");
        assertThatThrownBy(() -> plan(List.of("generate.seed=1,2"), "1..2"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("generate.seed is set or swept twice");
    }
}
