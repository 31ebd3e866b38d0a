package org.dmflab.core.experiment.preset;

import org.dmflab.core.InvalidInputException;
import org.dmflab.core.groundtruth.GroundTruthGenerator;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.dynamics.DeterminantSign;
import org.dmflab.core.loss.LossKind;
import org.dmflab.core.train.RecordSchedule;
import org.dmflab.core.train.SolverKind;
import org.dmflab.core.predict.PredictSettings;
import org.dmflab.core.theory.StepSizeBounds;
import org.dmflab.core.train.TrainSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The experiments of {@code dmflab experiment}: the paper's figures with the reproduction parameters of docs/theory.md
 * §8.2 where it proposes them, and our own choices (stated in each description) elsewhere.
 */
public final class ExperimentPresets {
    /** The preset run when none is named. */
    public static final String DEFAULT = "plateaus";

    /** The depth preset's step, as a fraction of the admissible step (10′) of each depth. */
    private static final double DEPTH_STEP_FRACTION = 0.5;
    /** About 400 log-spaced recorded iterations, the trainer's default. */
    private static final RecordSchedule LOG_400 = new RecordSchedule.LogSpaced(400);
    /** The completion-depth preset: n, rank, observed entries, iteration budget. */
    private static final int COMPLETION_SIZE = 100;
    private static final int COMPLETION_RANK = 5;
    private static final int[] COMPLETION_OBSERVED = {2000, 5000};
    /** The mnist-denoising preset: images used, iteration budget per depth N = 1, 2, …. */
    private static final int MNIST_IMAGES = 100;
    private static final long[] MNIST_ITERATIONS = {1000, 2000, 10000, 5000};
    /**
     * The mnist-denoising runs train until the loss ½‖W − X̃‖²_F is at most this (docs/theory.md §8.1: the paper trains
     * to a loss threshold, value unrecovered; 10⁻³ leaves ‖W − X̃‖_F ≤ 0.045 of the noise's 80.8) or the budget ends.
     */
    public static final double MNIST_LOSS_THRESHOLD = 1e-3;
    /**
     * Each depth's step as a fraction of its stability limit 2/(N·‖X̃‖₂^{2−2/N}) at the solution (the curvature of
     * the loss along the leading singular pair, docs/theory.md (10′) has the same power): the same fraction for every
     * N, as the steps of docs/theory.md §8.1 scale.
     */
    public static final double MNIST_STEP_FRACTION = 0.85;
    /** The norms-vs-rank preset's iteration budget. */
    private static final long NORMS_ITERATIONS = 300_000;

    /**
     * A preset as {@code --list} shows it: its name and description, cheap to list; {@link #preset()} builds it (the
     * completion preset generates its target to choose its steps, so building is left to the run).
     */
    public record Entry(String name, String description, BiFunction<String, String, ExperimentPreset> factory) {
        /** Builds the preset. */
        public ExperimentPreset preset() {
            return factory.apply(name, description);
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(DEFAULT, "effective-rank plateaus of Λ = diag(8,4,2,1,0.5,0.25), N = 3, "
                    + "identity start, against the certified intervals (63′)",
                    ExperimentPresets::plateaus),
            new Entry("spectrum-recovery", "identity vs perturbed start on a spectrum with negative "
                    + "eigenvalues: only the perturbed start recovers them",
                    ExperimentPresets::spectrumRecovery),
            new Entry("depth", "depths N = 1…5 on one target (η = " + DEPTH_STEP_FRACTION + "·(10′) each): deeper "
                    + "factorizations "
                    + "learn in sharper steps",
                    ExperimentPresets::depth),
            new Entry("single-eigenvalue", "one eigenvalue λ = 1, N = 3, α = 0.01: its trajectory "
                    + "against k_lower, k_exact, k_upper, k_flow and k_asymptotic",
                    ExperimentPresets::singleEigenvalue),
            new Entry("flow-vs-descent", "gradient flow against gradient descent with η = 0.5, 1 and "
                    + "1.9 × (10′) on the time axis t = ηk",
                    ExperimentPresets::flowVsDescent),
            new Entry("random-init", "Gaussian starts with small and large σ (12×12, matrix gradient "
                    + "descent): small σ learns the eigenvalues one by one, large σ faster, without plateaus",
                    ExperimentPresets::randomInit),
            new Entry("denoising", "rank-3 target (4, 2, 1) plus symmetric Gaussian noise, n = 40: "
                    + "distance to the clean matrix, early stopping vs best rank-r approximations",
                    ExperimentPresets::denoising),
            new Entry("norms-vs-rank", "Razin and Cohen's 2×2 completion, depths 2, 3, 4 from balanced identity "
                    + "and unbalanced Gaussian starts with det W(0) > 0: the unobserved entry and the norms grow while "
                    + "the effective rank falls",
                    ExperimentPresets::normsVsRank),
            new Entry("plateau-timing", "plateau entry and exit of each rank against log(1/α), α = 10⁻¹ … 10⁻⁴ "
                    + "(identity starts, with the small-α estimate (12′)) and σ·√d = 10⁻¹ … 10⁻³ (Gaussian starts)",
                    ExperimentPresets::plateauTiming),
            new Entry("completion-depth", completionDescription(COMPLETION_SIZE, COMPLETION_RANK, COMPLETION_OBSERVED),
                    (name, description) -> completionDepth(name, description, COMPLETION_SIZE, COMPLETION_RANK,
                            COMPLETION_OBSERVED, 30000)),
            new Entry("mnist-denoising", mnistDescription(MNIST_IMAGES),
                    (name, description) -> mnistDenoising(name, description, MNIST_IMAGES, MNIST_ITERATIONS)));

    private ExperimentPresets() {
    }

    /** Every preset's name and description, in the order of {@code --list}; builds none of them. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** Every preset, built, in the order of {@code --list}. */
    public static List<ExperimentPreset> all() {
        return ENTRIES.stream().map(Entry::preset).toList();
    }

    /** The preset called {@code name}, built; an unknown name is bad input naming the setting {@code preset}. */
    public static ExperimentPreset named(String name) {
        return ENTRIES.stream().filter(entry -> entry.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("preset", "unknown preset '" + name + "'; use one of "
                        + ENTRIES.stream().map(Entry::name).collect(Collectors.joining(", ")))).preset();
    }

    private static ExperimentPreset plateaus(String name, String description) {
        Map<String, String> truth = settings(GroundTruthSettings.SPECTRUM, "8,4,2,1,0.5,0.25",
                GroundTruthSettings.EIGENVECTORS, "random", GroundTruthSettings.SEED, "3");
        Map<String, String> train = identity(3, 0.01, 0.02, 25000, LOG_400, SolverKind.SPECTRAL).build();
        // the levels r = 5, 6 are 1/32 apart: a band of half that keeps neighbouring plateaus apart, so that each
        // observed run belongs to one level (the default 0.05 would merge them)
        Map<String, String> plateauTrack = RunSettings.track(0.015, true);
        return new ExperimentPreset(name, description, "Fig. 3 / 6(b)", truth, Optional.empty(),
                List.of(run("run", "identity start", train, plateauTrack, predict(train))), Analysis.PLATEAUS);
    }

    private static ExperimentPreset spectrumRecovery(String name, String description) {
        Map<String, String> truth = settings(GroundTruthSettings.SPECTRUM, "3,1.5,0.8,0.6,-0.3,-0.5",
                GroundTruthSettings.EIGENVECTORS, "random", GroundTruthSettings.SEED, "5");
        double step = 0.9 * StepSizeBounds.uniform(3, 0.1, 3);
        Map<String, String> identity = identity(3, step, 0.1, 8000, LOG_400, SolverKind.SPECTRAL).build();
        Map<String, String> perturbed = identity(3, step, 0.1, 8000, LOG_400, SolverKind.SPECTRAL)
                .init(Initialization.PERTURBED).beta(0.05).build();
        return new ExperimentPreset(name, description, "Fig. 1 / 5", truth, Optional.empty(),
                List.of(run("identity", "identity start", identity, RunSettings.track(true), predict(identity)),
                        run("perturbed", "perturbed start (β = 0.05)", perturbed, RunSettings.track(true), predict(perturbed))),
                Analysis.SPECTRUM_RECOVERY);
    }

    private static ExperimentPreset depth(String name, String description) {
        Map<String, String> truth = settings(GroundTruthSettings.SPECTRUM, "4,2,1,0.5",
                GroundTruthSettings.EIGENVECTORS, "random", GroundTruthSettings.SEED, "2");
        // a sweep over the depth N = 1…5, each with its own step
        List<Map<String, String>> depths = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            depths.add(RunSettings.Train.depth(n).step(DEPTH_STEP_FRACTION * StepSizeBounds.uniform(4, 0.1, n))
                    .build());
        }
        // log:2000 resolves the certified interval ends of every depth (the tracker's recording column)
        Map<String, String> base = identity(1, DEPTH_STEP_FRACTION * StepSizeBounds.uniform(4, 0.1, 1), 0.1, 200000,
                new RecordSchedule.LogSpaced(2000), SolverKind.SPECTRAL).build();
        List<RunSpec> runs = SweptRuns.runs(name, truth, run("run", "run", base, RunSettings.track(true)),
                List.of(SweptRuns.trainAxis(depths, TrainSettings.DEPTH, TrainSettings.STEP)),
                point -> new SweptRuns.Naming("n" + point.values().get(0), "N = " + point.values().get(0)));
        return new ExperimentPreset(name, description, "Fig. 2", truth, Optional.empty(), runs, Analysis.DEPTH);
    }

    private static ExperimentPreset singleEigenvalue(String name, String description) {
        Map<String, String> truth = settings(GroundTruthSettings.SPECTRUM, "1", GroundTruthSettings.EIGENVECTORS,
                "identity");
        Map<String, String> train = identity(3, 0.1, 0.01, 1300, new RecordSchedule.Every(1), SolverKind.SPECTRAL)
                .build();
        return new ExperimentPreset(name, description, "Fig. 4", truth, Optional.empty(),
                List.of(run("run", "λ = 1", train, RunSettings.track(false), predict(train))), Analysis.SINGLE_EIGENVALUE);
    }

    private static ExperimentPreset flowVsDescent(String name, String description) {
        Map<String, String> truth = settings(GroundTruthSettings.SPECTRUM, "3,1,0.3", GroundTruthSettings.EIGENVECTORS,
                "random", GroundTruthSettings.SEED, "7");
        double admissible = StepSizeBounds.uniform(3, 0.1, 3);
        double horizon = 50; // time t = ηk covered by every run
        // a sweep over the solver with its step, each run long enough to cover the time horizon
        List<Map<String, String>> points = new ArrayList<>();
        Map<String, SweptRuns.Naming> names = new LinkedHashMap<>();
        double flowStep = 0.05 * admissible;
        points.add(identity(3, flowStep, 0.1, Math.round(horizon / flowStep), LOG_400, SolverKind.FLOW).build());
        names.put(points.get(0).get(TrainSettings.STEP), new SweptRuns.Naming("flow", "gradient flow"));
        for (double fraction : new double[]{0.5, 1.0, 1.9}) {
            double step = fraction * admissible;
            points.add(identity(3, step, 0.1, Math.round(horizon / step), LOG_400, SolverKind.SPECTRAL).build());
            names.put(points.get(points.size() - 1).get(TrainSettings.STEP), new SweptRuns.Naming(
                    "descent-" + Math.round(100 * fraction), "descent, η = " + fraction + "·(10′)"));
        }
        List<RunSpec> runs = SweptRuns.runs(name, truth, run("run", "run", points.get(0), RunSettings.track(false)),
                List.of(SweptRuns.trainAxis(points, TrainSettings.STEP, TrainSettings.SOLVER,
                        TrainSettings.ITERATIONS)), point -> names.get(point.values().get(0)));
        return new ExperimentPreset(name, description, "Fig. 7", truth, Optional.empty(), runs,
                Analysis.FLOW_VS_DESCENT);
    }

    private static ExperimentPreset randomInit(String name, String description) {
        Map<String, String> truth = settings(GroundTruthSettings.SPECTRUM, "5,3,2,1,0.5", GroundTruthSettings.N,
                "12", GroundTruthSettings.EIGENVECTORS, "random", GroundTruthSettings.SEED, "11");
        List<RunSpec> runs = new ArrayList<>();
        for (String[] start : new String[][]{{"small", "0.01"}, {"large", "0.15"}}) {
            Map<String, String> train = RunSettings.Train.depth(3).step(0.005).init(Initialization.GAUSSIAN)
                    .iterations(20000).record(LOG_400).solver(SolverKind.MATRIX).sigma(Double.parseDouble(start[1]))
                    .seed(13).build();
            runs.add(run(start[0] + "-sigma", "Gaussian start, σ = " + start[1], train, RunSettings.track(true),
                    Optional.empty()));
        }
        return new ExperimentPreset(name, description, "Fig. 13", truth,
                Optional.empty(), runs, Analysis.RANDOM_INIT);
    }

    private static ExperimentPreset denoising(String name, String description) {
        Map<String, String> clean = settings(GroundTruthSettings.SPECTRUM, "4,2,1", GroundTruthSettings.N, "40",
                GroundTruthSettings.EIGENVECTORS, "random", GroundTruthSettings.SEED, "21");
        Map<String, String> noisy = new LinkedHashMap<>(clean);
        noisy.put(GroundTruthSettings.NOISE, "gaussian:0.05");
        noisy.put(GroundTruthSettings.SYMMETRIZE_NOISE, "true");
        Map<String, String> train = identity(3, 0.02, 0.01, 40000, new RecordSchedule.Every(40), SolverKind.SPECTRAL)
                .build();
        return new ExperimentPreset(name, description, "Section 4 (synthetic)",
                noisy, Optional.of(clean), List.of(run("run", "identity start on the noisy matrix", train,
                RunSettings.track(true), Optional.empty())), Analysis.DENOISING);
    }

    /**
     * The completion-depth preset's description; its default is the field's completion benchmark (Arora, Cohen, Hu,
     * Luo 2019; docs/theory.md §8.3): a rank-5 100×100 matrix with Gaussian factors, ‖Φ‖_F = 100, observed at 2000 and
     * 5000 entries, depths 2, 3, 4 from a small Gaussian start.
     */
    private static String completionDescription(int n, int rank, int[] observed) {
        return "matrix completion of a rank-" + rank + " " + n + "×" + n + " matrix from "
                + java.util.Arrays.stream(observed).mapToObj(Integer::toString).collect(Collectors.joining(" and "))
                + " observed entries, depths 2, 3, 4: depth ≥ 3 recovers it from fewer entries than depth 2";
    }

    /** A completion-depth experiment of another size (tests: a small instance of the same builder). */
    public static ExperimentPreset completionDepth(int n, int rank, int[] observed, long iterations) {
        return completionDepth("completion-depth", completionDescription(n, rank, observed), n, rank, observed,
                iterations);
    }

    /**
     * A completion-depth experiment on an n×n rank-r matrix: for each count of observed entries, depths 2, 3 and 4,
     * each from a Gaussian start with E‖W(0)‖_F = 10⁻⁴·‖Φ‖_F (σ_N of docs/theory.md §8.1, so that only the depth
     * differs), until the loss on the observed entries is ≤ 10⁻¹⁰ or the budget is spent. Step
     * η = min(0.01, (n²/M) / (N·‖Φ‖₂^{2−2/N})): the observed fraction M/n² scales the curvature N·‖Φ‖₂^{2−2/N} of the
     * full loss near its minimum (docs/theory.md (10′) has the same power), and η = 0.01 for every run diverged at
     * N = 4 and at N = 3 with M = 5000 (measured).
     */
    private static ExperimentPreset completionDepth(String name, String description, int n, int rank, int[] observed,
                                                    long iterations) {
        Map<String, String> truth = settings(GroundTruthSettings.SPECTRUM, "gaussian-factors:" + rank,
                GroundTruthSettings.N, Integer.toString(n), GroundTruthSettings.SEED, "1");
        double norm = GroundTruthGenerator.generate(GroundTruthSettings.parse(RawSettings.of(truth),
                Optional.empty())).spectrum().values()[0];
        double startNorm = 1e-4 * n; // ‖Φ‖_F = √(n·n) = n
        // a sweep over the observed entries × the depth N = 2, 3, 4; the step and the start's σ follow from both
        BiFunction<Integer, Integer, Map<String, String>> train = (count, depth) -> RunSettings.Train.depth(depth)
                .step(Math.min(0.01, (double) n * n / count / (depth * Math.pow(norm, 2 - 2.0 / depth))), 3)
                .init(Initialization.GAUSSIAN).sigma(InitScale.sigma(startNorm, InitScale.dims(n, n, n, depth)))
                .seed(2).iterations(iterations).tolerance(1e-10).record(new RecordSchedule.LogSpaced(200))
                .solver(SolverKind.MATRIX).loss(LossKind.COMPLETION).build();
        RunSpec base = new RunSpec("run", "run", train.apply(observed[0], 2), RunSettings.track(true),
                Optional.empty(), Optional.of(Integer.toString(observed[0])));
        SweepPlan.Axis counts = new SweepPlan.Axis(List.of(new SettingOverride.SettingKey(
                SettingOverride.Stage.GENERATE, GroundTruthSettings.OBSERVATIONS)),
                List.of(java.util.Arrays.stream(observed).mapToObj(Integer::toString).toList()));
        SweepPlan.Axis depths = new SweepPlan.Axis(List.of(new SettingOverride.SettingKey(SettingOverride.Stage.TRAIN,
                TrainSettings.DEPTH)), List.of(List.of("2", "3", "4")));
        List<RunSpec> runs = SweptRuns.runs(name, truth, base, List.of(counts, depths), point -> {
            String count = point.values().get(0);
            String depth = point.values().get(1);
            return new SweptRuns.Naming("m" + count + "-n" + depth, "M = " + count + ", N = " + depth,
                    SweptRuns.trainChanges(train.apply(Integer.parseInt(count), Integer.parseInt(depth)),
                            TrainSettings.STEP, TrainSettings.SIGMA));
        });
        return new ExperimentPreset(name, description, "Arora et al. 2019"
                + ExperimentPreset.NOT_IN_THE_PAPER, truth,
                Optional.empty(), runs, Analysis.COMPLETION_DEPTH);
    }

    /**
     * The paper's Section 4 (docs/theory.md §8.1): the 100 MNIST ones shipped with the engine, pixels divided by 255
     * by the generator ({@code divide-by}) to [0, 1],
     * uniform noise on [−0.5, 0.5]; depths 1…4, inner width d = 100, Gaussian starts with E‖W(0)‖_F = 1 for every N,
     * step {@value #MNIST_STEP_FRACTION} × 2/(N·‖X̃‖₂^{2−2/N}), until the loss is at most
     * {@value #MNIST_LOSS_THRESHOLD} or the budget ends. The description of {@code images} images.
     */
    private static String mnistDescription(int images) {
        return images + " MNIST images of the digit one with uniform noise on [−0.5, 0.5], depths 1…4 (d = 100): "
                + "distance to the clean images, best rank-r benchmarks, early stopping from the effective rank";
    }

    /**
     * The MNIST denoising experiment on the first {@code images} images with the given iteration budget per depth
     * N = 1, 2, ….
     */
    public static ExperimentPreset mnistDenoising(int images, long[] iterations) {
        return mnistDenoising("mnist-denoising", mnistDescription(images), images, iterations);
    }

    private static ExperimentPreset mnistDenoising(String name, String description, int images, long[] iterations) {
        int pixels = DataSets.MNIST_SIDE * DataSets.MNIST_SIDE;
        int width = 100;
        String divisor = Integer.toString(DataSets.MNIST_PIXEL_MAX);
        Map<String, String> noisy = settings(GroundTruthSettings.INPUT, "true", GroundTruthSettings.DIVIDE_BY, divisor,
                GroundTruthSettings.NOISE, "uniform:0.5", GroundTruthSettings.SEED, "1");
        Map<String, String> clean = settings(GroundTruthSettings.INPUT, "true", GroundTruthSettings.DIVIDE_BY, divisor,
                GroundTruthSettings.SEED, "1");
        double norm = GroundTruthGenerator.generate(GroundTruthSettings.parse(RawSettings.of(noisy),
                Optional.of(DataSets.load(DataSets.MNIST_ONES, images)))).spectrum().values()[0];
        List<RunSpec> runs = new ArrayList<>();
        for (int depth = 1; depth <= iterations.length; depth++) {
            double step = MNIST_STEP_FRACTION * 2 / (depth * Math.pow(norm, 2 - 2.0 / depth));
            RunSettings.Train train = RunSettings.Train.depth(depth).step(step, 3).init(Initialization.GAUSSIAN)
                    .sigma(InitScale.sigma(1.0, InitScale.dims(images, pixels, width, depth))).seed(2)
                    .iterations(iterations[depth - 1]).tolerance(MNIST_LOSS_THRESHOLD)
                    .record(new RecordSchedule.LogSpaced(200)).solver(SolverKind.MATRIX).loss(LossKind.COMPLETION);
            if (depth > 1) {
                train.width(width);
            }
            runs.add(new RunSpec("n" + depth, "N = " + depth, train.build(), RunSettings.track(true), Optional.empty(),
                    Optional.of("1.0")));
        }
        return new ExperimentPreset(name, description, "Section 4, Figs. 8–12", noisy, Optional.of(clean), runs,
                Analysis.MNIST_DENOISING, Optional.of(new ExperimentPreset.DataInput(DataSets.MNIST_ONES, images)));
    }

    /**
     * Razin and Cohen's 2×2 completion (docs/theory.md §7.6): of [[·, 1], [1, 0]] the entries (1,2), (2,1), (2,2) are
     * observed (the shipped data set with the generator's seed 2, which observes exactly these three), (1,1) is not.
     * Depths 2, 3, 4, each from two starts with det W(0) > 0: the balanced identity start αI (α = 0.1), for which their
     * analysis applies, and an unbalanced Gaussian start (σ = 0.1, seed 1) conditioned on det W(0) > 0. Matrix gradient
     * descent with η = 0.005 for 300 000 iterations (our choices: η = 0.001 gives the same curves at five times the
     * cost).
     */
    private static ExperimentPreset normsVsRank(String name, String description) {
        Map<String, String> truth = settings(GroundTruthSettings.INPUT, "true", GroundTruthSettings.SEED, "2");
        List<RunSpec> runs = new ArrayList<>();
        for (Initialization start : new Initialization[]{Initialization.IDENTITY, Initialization.GAUSSIAN}) {
            for (int depth = 2; depth <= 4; depth++) {
                RunSettings.Train train = RunSettings.Train.depth(depth).step(0.005).init(start);
                if (start == Initialization.GAUSSIAN) {
                    train.sigma(0.1).seed(1).determinant(DeterminantSign.POSITIVE);
                } else {
                    train.alpha(0.1);
                }
                train.iterations(NORMS_ITERATIONS).record(LOG_400).solver(SolverKind.MATRIX).loss(LossKind.COMPLETION);
                String title = (start == Initialization.GAUSSIAN ? "Gaussian start with positive det W(0)"
                        : "identity start")
                        + ", N = " + depth;
                runs.add(new RunSpec(start.key() + "-n" + depth, title, train.build(), RunSettings.track(true),
                        Optional.empty(), Optional.of("3")));
            }
        }
        return new ExperimentPreset(name, description, "Razin and Cohen 2020" + ExperimentPreset.NOT_IN_THE_PAPER, truth,
                Optional.empty(), runs, Analysis.NORMS_VS_RANK,
                Optional.of(new ExperimentPreset.DataInput(DataSets.RAZIN_COHEN, 2)));
    }

    /**
     * Plateau timing against the initial scale (the paper's Remark 1.2, docs/theory.md §5.7): Λ = (4, 2, 1) in a
     * random basis (seed 4), N = 3, η = 0.01; identity starts α = 10^{−1}, 10^{−1.5}, …, 10^{−4} (spectral solver,
     * exact) with the predictor's (12′), and Gaussian starts (width d = 3, seed 5, matrix solver) with
     * σ·√d = 10^{−1}, …, 10^{−3}. Each run lasts three times 1/((N − 2)ηλ_min·α^{N−2}), the small-α time to learn the
     * smallest eigenvalue, so that every plateau is entered.
     */
    private static ExperimentPreset plateauTiming(String name, String description) {
        Map<String, String> truth = settings(GroundTruthSettings.SPECTRUM, "4,2,1", GroundTruthSettings.EIGENVECTORS,
                "random", GroundTruthSettings.SEED, "4");
        int depth = 3;
        double step = 0.01;
        double smallest = 1;
        List<RunSpec> runs = new ArrayList<>();
        for (int half = 2; half <= 8; half++) {
            double alpha = Math.pow(10, -half / 2.0);
            long iterations = budget(alpha, step, smallest, depth);
            Map<String, String> train = identity(depth, step, alpha, iterations, LOG_400, SolverKind.SPECTRAL)
                    .build();
            runs.add(run("alpha-" + half, "identity start, α = 10^−" + RunSettings.number(half / 2.0), train,
                    RunSettings.track(true)));
        }
        int width = 3;
        for (int half = 2; half <= 6; half++) {
            double scale = Math.pow(10, -half / 2.0);
            Map<String, String> train = RunSettings.Train.depth(depth).step(step).init(Initialization.GAUSSIAN)
                    .sigma(scale / Math.sqrt(width)).seed(5).iterations(budget(scale, step, smallest, depth))
                    .record(LOG_400).solver(SolverKind.MATRIX).build();
            runs.add(run("sigma-" + half, "Gaussian start, σ·√d = 10^−" + RunSettings.number(half / 2.0), train,
                    RunSettings.track(true), Optional.empty()));
        }
        return new ExperimentPreset(name, description, "Remark 1.2", truth, Optional.empty(), runs,
                Analysis.PLATEAU_TIMING);
    }

    /** Three times the small-α time 1/((N − 2)ηλα^{N−2}) to learn λ (N ≥ 3), rounded up. */
    private static long budget(double alpha, double step, double lambda, int depth) {
        return (long) Math.ceil(3 / ((depth - 2) * step * lambda * Math.pow(alpha, depth - 2)));
    }

    /** A run with the predictor's view of it (same depth, step and start). */
    private static RunSpec run(String label, String title, Map<String, String> train, Map<String, String> track) {
        return run(label, title, train, track, predict(train));
    }

    private static RunSpec run(String label, String title, Map<String, String> train, Map<String, String> track,
                               Optional<Map<String, String>> predict) {
        return new RunSpec(label, title, train, track, predict);
    }

    /** The trainer's settings of an identity start αI (docs/theory.md (7)). */
    private static RunSettings.Train identity(int depth, double step, double alpha, long iterations,
                                              RecordSchedule record, SolverKind solver) {
        return RunSettings.Train.depth(depth).step(step).init(Initialization.IDENTITY).alpha(alpha)
                .iterations(iterations).record(record).solver(solver);
    }

    /** The predictor's settings for a run: the same depth, step and start, ε = 0.01, δ = 0.005 (docs/theory.md §8.2). */
    private static Optional<Map<String, String>> predict(Map<String, String> train) {
        Map<String, String> predict = settings(PredictSettings.DEPTH, train.get(TrainSettings.DEPTH),
                PredictSettings.STEP, train.get(TrainSettings.STEP), PredictSettings.INIT, train.get(TrainSettings.INIT),
                PredictSettings.ALPHA, train.get(TrainSettings.ALPHA));
        if (train.containsKey(TrainSettings.BETA)) {
            predict.put(PredictSettings.BETA, train.get(TrainSettings.BETA));
        }
        predict.put(PredictSettings.EPSILON, "0.01");
        predict.put(PredictSettings.DELTA, "0.005");
        return Optional.of(predict);
    }

    private static Map<String, String> settings(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
