package org.dmflab.core.experiment.preset;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.experiment.preset.SettingOverride.SettingKey;
import org.dmflab.core.experiment.preset.SettingOverride.Stage;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.train.TrainSettings;

/**
 * A sweep (docs/design.md §4): an experiment (a preset or {@link PresetVariants#CUSTOM}) with fixed changes, a grid of
 * swept settings, and seeds; each grid point × seed is one experiment run. The plan is written as text into the sweep
 * folder ({@link #text()}), so that a restarted sweep can tell the same grid (resume) from a changed one (refused, or
 * extended with {@link #extends_}).
 *
 * @param preset         the experiment swept
 * @param fixed          settings changed at every point ({@code --set})
 * @param axes           the swept settings, outermost first ({@code --vary})
 * @param seeds          the seeds and the key they set, innermost; empty: one run per point
 * @param stopMse        stop each run when its training mean squared error over the observed entries is at most this
 *                       (Arora et al. 2019 stop at 1e-6): the loss threshold {@code train.tolerance} = stopMse·M/2 of a
 *                       point with M observed entries, since the completion loss is ½ Σ over them; empty: the runs'
 *                       own tolerance
 * @param recoveredBelow a run recovers the target when its final relative error ‖W − Φ‖_F/‖Φ‖_F is at most this
 */
public record SweepPlan(String preset, List<SettingOverride> fixed, List<Axis> axes, Optional<Axis> seeds,
                        Optional<BigDecimal> stopMse, double recoveredBelow) {
    private static final String HEADER = "# DMF Lab sweep plan: a restart with the same plan finishes the missing points";
    /** The relative error below which a run recovers the target unless the sweep says otherwise. */
    public static final double DEFAULT_RECOVERED_BELOW = 0.01;

    /**
     * One swept dimension: one key, or several keys that change together (e.g. the depth with its step), and their
     * values, one list per key, all of the same length.
     */
    public record Axis(List<SettingKey> keys, List<List<String>> values) {
        public Axis {
            keys = List.copyOf(keys);
            values = values.stream().map(List::copyOf).toList();
            if (keys.isEmpty() || values.size() != keys.size()) {
                throw new IllegalArgumentException("an axis needs one value list per key");
            }
            int count = values.get(0).size();
            if (count == 0 || values.stream().anyMatch(list -> list.size() != count)) {
                throw new IllegalArgumentException("the value lists of an axis differ in length");
            }
        }

        /**
         * Parses {@code STAGE.KEY=V1,V2,…}, or linked keys {@code STAGE.KEY/STAGE.KEY=V1/W1,V2/W2,…}; a list holding
         * a {@code ;} is split at {@code ;} instead of {@code ,} (for values with commas, e.g. spectra). Bad input
         * names {@code option}.
         */
        public static Axis parse(String text, String option) {
            int equals = text.indexOf('=');
            if (equals < 0) {
                throw new InvalidInputException(option, InvalidInputException.quote(text) + " has no '='; write "
                        + "STAGE.KEY=V1,V2,…, e.g. train.depth=2,3,4");
            }
            List<SettingKey> keys = new ArrayList<>();
            for (String key : text.substring(0, equals).split("/", -1)) {
                keys.add(SettingKey.parse(key, option));
            }
            String list = text.substring(equals + 1);
            String separator = list.contains(";") ? ";" : ",";
            List<List<String>> values = new ArrayList<>();
            keys.forEach(key -> values.add(new ArrayList<>()));
            for (String point : list.split(separator, -1)) {
                String[] parts = point.split("/", -1);
                if (point.isBlank() || parts.length != keys.size()) {
                    throw new InvalidInputException(option, InvalidInputException.quote(text) + ": each value must "
                            + "give " + keys.size() + (keys.size() == 1 ? " value" : " values joined by '/'")
                            + ", separated by '" + separator + "'");
                }
                for (int k = 0; k < parts.length; k++) {
                    values.get(k).add(parts[k].trim());
                }
            }
            for (int k = 0; k < keys.size(); k++) {
                if (new HashSet<>(values.get(k)).size() != values.get(k).size() && keys.size() == 1) {
                    throw new InvalidInputException(option, keys.get(k) + " lists a value twice");
                }
            }
            return new Axis(keys, values);
        }

        /**
         * Seeds {@code A..B} or {@code A,B,…} for {@code key}; bad input names {@code option}.
         */
        public static Axis seeds(SettingKey key, String text, String option) {
            List<String> seeds = new ArrayList<>();
            String trimmed = text.trim();
            try {
                if (trimmed.matches("-?\\d+\\.\\.-?\\d+")) {
                    String[] ends = trimmed.split("\\.\\.");
                    long from = Long.parseLong(ends[0]);
                    long to = Long.parseLong(ends[1]);
                    if (to < from || to - from >= 100_000) {
                        throw new InvalidInputException(option, trimmed + " is not a range A..B with A ≤ B and at "
                                + "most 100000 seeds");
                    }
                    for (long seed = from; seed <= to; seed++) {
                        seeds.add(Long.toString(seed));
                    }
                } else {
                    for (String seed : trimmed.split(",", -1)) {
                        seeds.add(Long.toString(Long.parseLong(seed.trim())));
                    }
                }
            } catch (NumberFormatException e) {
                throw new InvalidInputException(option, InvalidInputException.quote(text) + " is not a list of whole "
                        + "numbers or a range A..B, e.g. 1..10");
            }
            if (new HashSet<>(seeds).size() != seeds.size()) {
                throw new InvalidInputException(option, "lists a seed twice");
            }
            return new Axis(List.of(key), List.of(seeds));
        }

        /** The number of values. */
        public int size() {
            return values.get(0).size();
        }

        /** As written on the command line. */
        String text() {
            String separator = values.stream().flatMap(List::stream).anyMatch(v -> v.contains(",")) ? ";" : ",";
            List<String> points = new ArrayList<>();
            for (int i = 0; i < size(); i++) {
                int at = i;
                points.add(values.stream().map(list -> list.get(at)).collect(Collectors.joining("/")));
            }
            return keys.stream().map(SettingKey::toString).collect(Collectors.joining("/")) + "="
                    + String.join(separator, points);
        }
    }

    /**
     * One run of the sweep: its folder name and the settings it changes (fixed, swept, seed, stop threshold).
     *
     * @param name    the folder, e.g. {@code depth-3_observations-2000_seed-1}
     * @param values  the swept values by axis (axes' first key), then the seed
     * @param changes every {@code --set} of this run, in order
     */
    public record Point(String name, List<String> values, List<SettingOverride> changes) {
        public Point {
            values = List.copyOf(values);
            changes = List.copyOf(changes);
        }
    }

    public SweepPlan {
        Objects.requireNonNull(preset, "preset");
        fixed = List.copyOf(fixed);
        axes = List.copyOf(axes);
        Objects.requireNonNull(seeds, "seeds");
        Objects.requireNonNull(stopMse, "stopMse");
        Set<String> keys = new HashSet<>();
        fixed.forEach(change -> keys.add(change.qualifiedKey()));
        List<Axis> all = new ArrayList<>(axes);
        seeds.ifPresent(all::add);
        for (Axis axis : all) {
            for (SettingKey key : axis.keys()) {
                if (!keys.add(key.toString())) {
                    throw new InvalidInputException("vary", key + " is set or swept twice; give each key once");
                }
            }
        }
        if (stopMse.isPresent() && keys.contains(Stage.TRAIN.key() + "." + TrainSettings.TOLERANCE)) {
            throw new InvalidInputException("stop-mse", "and train.tolerance both set a stop; give one of them");
        }
        if (axes.isEmpty() && seeds.isEmpty()) {
            throw new InvalidInputException("vary", "nothing to sweep; give --vary STAGE.KEY=V1,V2,… or --seeds");
        }
    }

    /** The axes and the seeds, outermost first. */
    public List<Axis> allAxes() {
        List<Axis> all = new ArrayList<>(axes);
        seeds.ifPresent(all::add);
        return all;
    }

    /** The column name of each axis (its first key, e.g. {@code train.depth}), then {@code seed} when seeded. */
    public List<String> axisColumns() {
        List<String> columns = new ArrayList<>();
        axes.forEach(axis -> columns.add(axis.keys().get(0).toString()));
        seeds.ifPresent(axis -> columns.add("seed"));
        return columns;
    }

    /** Every point, in grid order: the first axis outermost, the seeds innermost. */
    public List<Point> points() {
        List<Axis> all = allAxes();
        List<Point> points = new ArrayList<>();
        int total = all.stream().mapToInt(Axis::size).reduce(1, Math::multiplyExact);
        Set<String> names = new HashSet<>();
        for (int index = 0; index < total; index++) {
            int rest = index;
            int[] at = new int[all.size()];
            for (int a = all.size() - 1; a >= 0; a--) {
                at[a] = rest % all.get(a).size();
                rest /= all.get(a).size();
            }
            List<SettingOverride> changes = new ArrayList<>(fixed);
            List<String> values = new ArrayList<>();
            List<String> nameParts = new ArrayList<>();
            for (int a = 0; a < all.size(); a++) {
                Axis axis = all.get(a);
                values.add(axis.values().get(0).get(at[a]));
                for (int k = 0; k < axis.keys().size(); k++) {
                    SettingKey key = axis.keys().get(k);
                    changes.add(new SettingOverride(key.stage(), key.key(), axis.values().get(k).get(at[a])));
                }
                String label = seeds.isPresent() && a == all.size() - 1 ? "seed" : shortName(axis.keys().get(0));
                nameParts.add(label + "-" + fileSafe(axis.values().get(0).get(at[a])));
            }
            stopMse.ifPresent(mse -> changes.add(new SettingOverride(Stage.TRAIN, TrainSettings.TOLERANCE,
                    tolerance(mse, changes))));
            String name = String.join("_", nameParts);
            if (!names.add(name)) {
                throw new InvalidInputException("vary", "two points would share the folder " + name + "; give values "
                        + "that differ in letters, digits, '.', '-' or '+'");
            }
            points.add(new Point(name, values, changes));
        }
        return points;
    }

    /** The points of shard {@code shard} of {@code count} (1-based): every count-th point from the shard-th. */
    public List<Point> shard(int shard, int count) {
        List<Point> all = points();
        List<Point> part = new ArrayList<>();
        for (int i = shard - 1; i < all.size(); i += count) {
            part.add(all.get(i));
        }
        return part;
    }

    /** The key without its stage where no other swept or fixed key has the same name, e.g. {@code depth}. */
    private String shortName(SettingKey key) {
        long same = allAxes().stream().flatMap(axis -> axis.keys().stream()).filter(k -> k.key().equals(key.key()))
                .count();
        return same > 1 ? key.stage().key() + "." + key.key() : key.key();
    }

    private static String fileSafe(String value) {
        return value.replaceAll("[^A-Za-z0-9.+-]", "_");
    }

    /**
     * The loss threshold of train MSE ≤ {@code mse}: ½·mse·M for a completion run observing M entries (the loss is
     * ½ Σ over the observed entries, the MSE its mean of squares), exact in decimal.
     */
    private String tolerance(BigDecimal mse, List<SettingOverride> changes) {
        String observed = changes.stream().filter(c -> c.stage() == Stage.GENERATE
                        && c.key().equals(GroundTruthSettings.OBSERVATIONS)).map(SettingOverride::value)
                .reduce((first, second) -> second).orElse(null);
        String loss = changes.stream().filter(c -> c.stage() == Stage.TRAIN && c.key().equals(TrainSettings.LOSS))
                .map(SettingOverride::value).reduce((first, second) -> second).orElse(null);
        if (observed == null || !observed.matches("\\d+") || !"completion".equals(loss)) {
            throw new InvalidInputException("stop-mse", "needs completion runs (train.loss=completion) with a whole "
                    + "number of observed entries (generate.observations=M) set or swept here; for other runs give "
                    + "the loss threshold train.tolerance instead");
        }
        return mse.multiply(new BigDecimal(observed)).divide(BigDecimal.valueOf(2)).stripTrailingZeros()
                .toString().toLowerCase(Locale.ROOT);
    }

    /** The plan as text, one setting a line; equal texts mean equal sweeps. */
    public String text() {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add("preset: " + preset);
        fixed.forEach(change -> lines.add("set: " + change));
        axes.forEach(axis -> lines.add("vary: " + axis.text()));
        seeds.ifPresent(axis -> lines.add("seeds: " + axis.text()));
        stopMse.ifPresent(mse -> lines.add("stop-mse: " + mse.toString()));
        lines.add("recovered-below: " + recoveredBelow);
        return String.join("\n", lines) + "\n";
    }

    /** Reads a plan written by {@link #text()}; null when {@code text} is not one. */
    public static SweepPlan parse(String text) {
        String preset = null;
        List<SettingOverride> fixed = new ArrayList<>();
        List<Axis> axes = new ArrayList<>();
        Axis seeds = null;
        BigDecimal mse = null;
        double recovered = Double.NaN;
        try {
            for (String line : text.split("\n")) {
                int colon = line.indexOf(": ");
                if (line.startsWith("#") || colon < 0) {
                    continue;
                }
                String value = line.substring(colon + 2);
                switch (line.substring(0, colon)) {
                    case "preset" -> preset = value;
                    case "set" -> fixed.add(SettingOverride.parse(value, "set"));
                    case "vary" -> axes.add(Axis.parse(value, "vary"));
                    case "seeds" -> seeds = Axis.parse(value, "seeds");
                    case "stop-mse" -> mse = new BigDecimal(value);
                    case "recovered-below" -> recovered = Double.parseDouble(value);
                    default -> {
                        return null;
                    }
                }
            }
            return preset == null || Double.isNaN(recovered) ? null : new SweepPlan(preset, fixed, axes,
                    Optional.ofNullable(seeds), Optional.ofNullable(mse), recovered);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * Whether this plan adds values to {@code old} and changes nothing else: same experiment, fixed settings, keys,
     * thresholds, and every old value still present, so every old point is a point of this plan.
     */
    public boolean extends_(SweepPlan old) {
        if (!preset.equals(old.preset) || !fixed.equals(old.fixed) || !stopMse.equals(old.stopMse)
                || recoveredBelow != old.recoveredBelow || axes.size() != old.axes.size()
                || seeds.isPresent() != old.seeds.isPresent()) {
            return false;
        }
        List<Axis> mine = allAxes();
        List<Axis> theirs = old.allAxes();
        for (int a = 0; a < mine.size(); a++) {
            if (!mine.get(a).keys().equals(theirs.get(a).keys())) {
                return false;
            }
            Map<String, List<String>> points = new LinkedHashMap<>();
            Axis axis = mine.get(a);
            for (int i = 0; i < axis.size(); i++) {
                int at = i;
                points.put(axis.values().get(0).get(i), axis.values().stream().map(list -> list.get(at)).toList());
            }
            Axis before = theirs.get(a);
            for (int i = 0; i < before.size(); i++) {
                int at = i;
                List<String> old_ = before.values().stream().map(list -> list.get(at)).toList();
                if (!old_.equals(points.get(old_.get(0)))) {
                    return false;
                }
            }
        }
        return true;
    }
}
