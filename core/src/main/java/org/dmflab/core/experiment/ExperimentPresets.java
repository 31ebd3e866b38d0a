package org.dmflab.core.experiment;

import org.dmflab.core.InvalidInputException;
import org.dmflab.core.groundtruth.GroundTruthGenerator;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.spectrum.TrackSettings;
import org.dmflab.core.theory.PredictSettings;
import org.dmflab.core.theory.StepSizeBounds;
import org.dmflab.core.train.TrainSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The experiments of {@code dmflab experiment}: the paper's figures with the reproduction parameters of docs/theory.md
 * §8.2 where it proposes them, and our own choices (stated in each description) elsewhere.
 */
public final class ExperimentPresets {
    /** The preset run when none is named. */
    public static final String DEFAULT = "plateaus";

    private static final List<ExperimentPreset> ALL = List.of(plateaus(), spectrumRecovery(), depth(),
            singleEigenvalue(), flowVsDescent(), randomInit(), denoising(), completionDepth(), mnistDenoising());

    private ExperimentPresets() {
    }

    /** Every preset, in the order of {@code --list}. */
    public static List<ExperimentPreset> all() {
        return ALL;
    }

    /** The preset called {@code name}; an unknown name is bad input naming the setting {@code preset}. */
    public static ExperimentPreset named(String name) {
        return ALL.stream().filter(preset -> preset.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("preset", "unknown preset '" + name + "'; use one of "
                        + ALL.stream().map(ExperimentPreset::name).collect(Collectors.joining(", "))));
    }

    static ExperimentPreset plateaus() {
        Map<String, String> truth = settings(GroundTruthSettings.SPECTRUM, "8,4,2,1,0.5,0.25",
                GroundTruthSettings.EIGENVECTORS, "random", GroundTruthSettings.SEED, "3");
        Map<String, String> train = train("3", "0.01", "identity", "0.02", "25000", "log:400", "spectral");
        // the levels r = 5, 6 are 1/32 apart: a band of half that keeps neighbouring plateaus apart, so that each
        // observed run belongs to one level (the default 0.05 would merge them)
        Map<String, String> plateauTrack = track("true");
        plateauTrack.put(TrackSettings.PLATEAU_TOLERANCE, "0.015");
        return new ExperimentPreset(DEFAULT, "effective-rank plateaus of Λ = diag(8,4,2,1,0.5,0.25), N = 3, "
                + "identity start, against the certified intervals (63′)", "Fig. 3 / 6(b)", truth, Optional.empty(),
                List.of(run("run", "identity start", train, plateauTrack, predict(train))), Analysis.PLATEAUS);
    }

    static ExperimentPreset spectrumRecovery() {
        Map<String, String> truth = settings(GroundTruthSettings.SPECTRUM, "3,1.5,0.8,0.6,-0.3,-0.5",
                GroundTruthSettings.EIGENVECTORS, "random", GroundTruthSettings.SEED, "5");
        String step = Double.toString(0.9 * StepSizeBounds.uniform(3, 0.1, 3));
        Map<String, String> identity = train("3", step, "identity", "0.1", "8000", "log:400", "spectral");
        Map<String, String> perturbed = new LinkedHashMap<>(identity);
        perturbed.put(TrainSettings.INIT, "perturbed");
        perturbed.put(TrainSettings.BETA, "0.05");
        return new ExperimentPreset("spectrum-recovery", "identity vs perturbed start on a spectrum with negative "
                + "eigenvalues: only the perturbed start recovers them", "Fig. 1 / 5", truth, Optional.empty(),
                List.of(run("identity", "identity start", identity, track("true"), predict(identity)),
                        run("perturbed", "perturbed start (β = 0.05)", perturbed, track("true"), predict(perturbed))),
                Analysis.SPECTRUM_RECOVERY);
    }

    static ExperimentPreset depth() {
        Map<String, String> truth = settings(GroundTruthSettings.SPECTRUM, "4,2,1,0.5",
                GroundTruthSettings.EIGENVECTORS, "random", GroundTruthSettings.SEED, "2");
        List<RunSpec> runs = new ArrayList<>();
        double fraction = 0.5;
        for (int n = 1; n <= 5; n++) {
            String step = Double.toString(fraction * StepSizeBounds.uniform(4, 0.1, n));
            // log:2000 resolves the certified interval ends of every depth (the tracker's recording column)
            Map<String, String> train = train(Integer.toString(n), step, "identity", "0.1", "200000", "log:2000",
                    "spectral");
            runs.add(run("n" + n, "N = " + n, train, track("true")));
        }
        return new ExperimentPreset("depth", "depths N = 1…5 on one target (η = " + fraction + "·(10′) each): deeper "
                + "factorizations "
                + "learn in sharper steps", "Fig. 2", truth, Optional.empty(), runs, Analysis.DEPTH);
    }

    static ExperimentPreset singleEigenvalue() {
        Map<String, String> truth = settings(GroundTruthSettings.SPECTRUM, "1", GroundTruthSettings.EIGENVECTORS,
                "identity");
        Map<String, String> train = train("3", "0.1", "identity", "0.01", "1300", "every:1", "spectral");
        return new ExperimentPreset("single-eigenvalue", "one eigenvalue λ = 1, N = 3, α = 0.01: its trajectory "
                + "against k_lower, k_exact, k_upper, k_flow and k_asymptotic", "Fig. 4", truth, Optional.empty(),
                List.of(run("run", "λ = 1", train, track("false"), predict(train))), Analysis.SINGLE_EIGENVALUE);
    }

    static ExperimentPreset flowVsDescent() {
        Map<String, String> truth = settings(GroundTruthSettings.SPECTRUM, "3,1,0.3", GroundTruthSettings.EIGENVECTORS,
                "random", GroundTruthSettings.SEED, "7");
        double admissible = StepSizeBounds.uniform(3, 0.1, 3);
        double horizon = 50; // time t = ηk covered by every run
        List<RunSpec> runs = new ArrayList<>();
        runs.add(run("flow", "gradient flow", train("3", Double.toString(0.05 * admissible), "identity", "0.1",
                Long.toString(Math.round(horizon / (0.05 * admissible))), "log:400", "flow"), track("false")));
        for (double fraction : new double[]{0.5, 1.0, 1.9}) {
            double step = fraction * admissible;
            runs.add(run("descent-" + Math.round(100 * fraction), "descent, η = " + fraction + "·(10′)",
                    train("3", Double.toString(step), "identity", "0.1", Long.toString(Math.round(horizon / step)),
                            "log:400", "spectral"), track("false")));
        }
        return new ExperimentPreset("flow-vs-descent", "gradient flow against gradient descent with η = 0.5, 1 and "
                + "1.9 × (10′) on the time axis t = ηk", "Fig. 7", truth, Optional.empty(), runs,
                Analysis.FLOW_VS_DESCENT);
    }

    static ExperimentPreset randomInit() {
        Map<String, String> truth = settings(GroundTruthSettings.SPECTRUM, "5,3,2,1,0.5", GroundTruthSettings.N,
                "12", GroundTruthSettings.EIGENVECTORS, "random", GroundTruthSettings.SEED, "11");
        List<RunSpec> runs = new ArrayList<>();
        for (String[] start : new String[][]{{"small", "0.01"}, {"large", "0.15"}}) {
            Map<String, String> train = train("3", "0.005", "gaussian", "0.02", "20000", "log:400", "matrix");
            train.remove(TrainSettings.ALPHA);
            train.put(TrainSettings.SIGMA, start[1]);
            train.put(TrainSettings.SEED, "13");
            runs.add(run(start[0] + "-sigma", "Gaussian start, σ = " + start[1], train, track("true"),
                    Optional.empty()));
        }
        return new ExperimentPreset("random-init", "Gaussian starts with small and large σ (12×12, matrix gradient "
                + "descent): small σ learns the eigenvalues one by one, large σ faster, without plateaus", "Fig. 13", truth,
                Optional.empty(), runs, Analysis.RANDOM_INIT);
    }

    static ExperimentPreset denoising() {
        Map<String, String> clean = settings(GroundTruthSettings.SPECTRUM, "4,2,1", GroundTruthSettings.N, "40",
                GroundTruthSettings.EIGENVECTORS, "random", GroundTruthSettings.SEED, "21");
        Map<String, String> noisy = new LinkedHashMap<>(clean);
        noisy.put(GroundTruthSettings.NOISE, "gaussian:0.05");
        noisy.put(GroundTruthSettings.SYMMETRIZE_NOISE, "true");
        Map<String, String> train = train("3", "0.02", "identity", "0.01", "40000", "every:40", "spectral");
        return new ExperimentPreset("denoising", "rank-3 target (4, 2, 1) plus symmetric Gaussian noise, n = 40: "
                + "distance to the clean matrix, early stopping vs best rank-r approximations", "Section 4 (synthetic)",
                noisy, Optional.of(clean), List.of(run("run", "identity start on the noisy matrix", train,
                track("true"), Optional.empty())), Analysis.DENOISING);
    }

    /**
     * The field's completion benchmark (Arora, Cohen, Hu, Luo 2019; docs/theory.md §8.3): a rank-5 100×100 matrix with
     * Gaussian factors, ‖Φ‖_F = 100, observed at 2000 and 5000 entries, depths 2, 3, 4 from a small Gaussian start.
     */
    static ExperimentPreset completionDepth() {
        return completionDepth(100, 5, new int[]{2000, 5000}, 30000);
    }

    /**
     * A completion-depth experiment on an n×n rank-r matrix: for each count of observed entries, depths 2, 3 and 4,
     * each from a Gaussian start with E‖W(0)‖_F = 10⁻⁴·‖Φ‖_F (σ_N of docs/theory.md §8.1, so that only the depth
     * differs), until the loss on the observed entries is ≤ 10⁻¹⁰ or the budget is spent. Step
     * η = min(0.01, (n²/M) / (N·‖Φ‖₂^{2−2/N})): the observed fraction M/n² scales the curvature N·‖Φ‖₂^{2−2/N} of the
     * full loss near its minimum (docs/theory.md (10′) has the same power), and η = 0.01 for every run diverged at
     * N = 4 and at N = 3 with M = 5000 (measured).
     */
    static ExperimentPreset completionDepth(int n, int rank, int[] observed, long iterations) {
        Map<String, String> truth = settings(GroundTruthSettings.SPECTRUM, "gaussian-factors:" + rank,
                GroundTruthSettings.N, Integer.toString(n), GroundTruthSettings.SEED, "1");
        double norm = GroundTruthGenerator.generate(GroundTruthSettings.parse(RawSettings.of(truth),
                Optional.empty())).spectrum().values()[0];
        double startNorm = 1e-4 * n; // ‖Φ‖_F = √(n·n) = n
        List<RunSpec> runs = new ArrayList<>();
        for (int count : observed) {
            for (int depth = 2; depth <= 4; depth++) {
                double step = Math.min(0.01, (double) n * n / count / (depth * Math.pow(norm, 2 - 2.0 / depth)));
                Map<String, String> train = settings(TrainSettings.DEPTH, Integer.toString(depth), TrainSettings.STEP,
                        String.format(java.util.Locale.ROOT, "%.3g", step), TrainSettings.INIT, "gaussian",
                        TrainSettings.SIGMA,
                        Double.toString(InitScale.sigma(startNorm, InitScale.dims(n, n, n, depth))),
                        TrainSettings.SEED, "2", TrainSettings.ITERATIONS, Long.toString(iterations),
                        TrainSettings.TOLERANCE, "1e-10", TrainSettings.RECORD, "log:200", TrainSettings.SOLVER,
                        "matrix", TrainSettings.LOSS, "completion");
                runs.add(new RunSpec("m" + count + "-n" + depth, "M = " + count + ", N = " + depth, train,
                        track("true"), Optional.empty(), Optional.of(Integer.toString(count))));
            }
        }
        return new ExperimentPreset("completion-depth", "matrix completion of a rank-" + rank + " " + n + "×" + n
                + " matrix from " + java.util.Arrays.stream(observed).mapToObj(Integer::toString)
                .collect(Collectors.joining(" and ")) + " observed entries, depths 2, 3, 4: depth ≥ 3 recovers it "
                + "from fewer entries than depth 2", "Arora et al. 2019 (not in the paper)", truth, Optional.empty(),
                runs, Analysis.COMPLETION_DEPTH);
    }

    /**
     * The paper's Section 4 (docs/theory.md §8.1): the 100 MNIST ones shipped with the engine, pixels divided by 255
     * by the generator ({@code divide-by}) to [0, 1],
     * uniform noise on [−0.5, 0.5]; depths 1…4, inner width d = 100, Gaussian starts with E‖W(0)‖_F = 1 for every N,
     * step η = 0.001.
     */
    static ExperimentPreset mnistDenoising() {
        return mnistDenoising(100, new long[]{5000, 2000, 1500, 1000});
    }

    /**
     * The MNIST denoising experiment on the first {@code images} images with the given iteration budget per depth
     * N = 1, 2, ….
     */
    static ExperimentPreset mnistDenoising(int images, long[] iterations) {
        int pixels = DataSets.MNIST_SIDE * DataSets.MNIST_SIDE;
        int width = 100;
        String divisor = Integer.toString(DataSets.MNIST_PIXEL_MAX);
        Map<String, String> noisy = settings(GroundTruthSettings.INPUT, "true", GroundTruthSettings.DIVIDE_BY, divisor,
                GroundTruthSettings.NOISE, "uniform:0.5", GroundTruthSettings.SEED, "1");
        Map<String, String> clean = settings(GroundTruthSettings.INPUT, "true", GroundTruthSettings.DIVIDE_BY, divisor,
                GroundTruthSettings.SEED, "1");
        List<RunSpec> runs = new ArrayList<>();
        for (int depth = 1; depth <= iterations.length; depth++) {
            Map<String, String> train = settings(TrainSettings.DEPTH, Integer.toString(depth), TrainSettings.STEP,
                    "0.001", TrainSettings.INIT, "gaussian", TrainSettings.SIGMA,
                    Double.toString(InitScale.sigma(1.0, InitScale.dims(images, pixels, width, depth))),
                    TrainSettings.SEED, "2", TrainSettings.ITERATIONS, Long.toString(iterations[depth - 1]),
                    TrainSettings.RECORD, "log:200", TrainSettings.SOLVER, "matrix", TrainSettings.LOSS, "completion");
            if (depth > 1) {
                train.put(TrainSettings.WIDTH, Integer.toString(width));
            }
            runs.add(new RunSpec("n" + depth, "N = " + depth, train, track("true"), Optional.empty(),
                    Optional.of("1.0")));
        }
        return new ExperimentPreset("mnist-denoising", images + " MNIST images of the digit one with uniform noise "
                + "on [−0.5, 0.5], depths 1…4 (d = 100): distance to the clean images, best rank-r benchmarks, "
                + "early stopping from the effective rank", "Section 4, Figs. 8–12", noisy, Optional.of(clean), runs,
                Analysis.MNIST_DENOISING, Optional.of(new ExperimentPreset.DataInput(DataSets.MNIST_ONES, images)));
    }

    /** A run with the predictor's view of it (same depth, step and start). */
    private static RunSpec run(String label, String title, Map<String, String> train, Map<String, String> track) {
        return run(label, title, train, track, predict(train));
    }

    private static RunSpec run(String label, String title, Map<String, String> train, Map<String, String> track,
                               Optional<Map<String, String>> predict) {
        return new RunSpec(label, title, train, track, predict);
    }

    private static Map<String, String> train(String depth, String step, String init, String alpha, String iterations,
                                             String record, String solver) {
        return settings(TrainSettings.DEPTH, depth, TrainSettings.STEP, step, TrainSettings.INIT, init,
                TrainSettings.ALPHA, alpha, TrainSettings.ITERATIONS, iterations, TrainSettings.RECORD, record,
                TrainSettings.SOLVER, solver);
    }

    private static Map<String, String> track(String logX) {
        return settings(TrackSettings.EPSILON, "0.01", TrackSettings.PLATEAU_TOLERANCE, "0.05", TrackSettings.LOG_X,
                logX);
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
