package org.dmflab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {

    @TempDir
    Path dir;

    private Path generate(String spectrum) {
        Path out = dir.resolve("gt-" + spectrum.replace(',', '_'));
        CliRun run = CliRun.of("generate", "--spectrum", spectrum, "--seed", "5", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    /** docs/theory.md §2.3: the strict saddle of an identical start is named, with the escape of float descent. */
    @Test
    void strictSaddleIsNamedInVerdictSummaryAndPlateaus() throws IOException {
        Path truth = generate("3.7845,1.3923,-1.5433");
        Path out = dir.resolve("saddle");
        CliRun run = CliRun.of("predict", "--target", truth.resolve("matrix.csv").toString(), "--depth", "3",
                "--step", "0.01194", "--alpha", "0.01", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String escape = run.out().replaceAll("(?s).*estimated k ≈ (\\d+).*", "$1");
        assertThat(run.out()).contains("These limits hold in exact arithmetic (spectral solver)")
                .contains("r = 2, level 1.3679: k in [6302, ∞], deviation ≤ 0.0188 in exact arithmetic (spectral "
                        + "solver); matrix solver until k ≈ " + escape)
                .contains("note: Strict saddle (docs/theory.md §2.3): |λ_3| = 1.543 > λ_2 = 1.392");
        // the matrix solver leaves at ≈ 21 100 for this spectrum (basis of seed 107, docs/theory.md §2.3)
        assertThat(Long.parseLong(escape)).isBetween(21_100L * 3 / 4, 21_100L * 5 / 4);
        List<String> plateaus = Files.readAllLines(out.resolve("plateaus.csv"));
        assertThat(plateaus.get(2)).endsWith("," + escape);
    }

    @Test
    void writesBoundsPlateausAndProvenanceAndPrintsTheVerdict() throws IOException {
        Path truth = generate("8,4,2,1,0.5,0.25");
        Path out = dir.resolve("p");
        CliRun run = CliRun.of("predict", "--spectrum", truth.resolve("spectrum.csv").toString(), "--depth", "3",
                "--step", "0.01", "--init", "identity", "--alpha", "0.02", "--epsilon", "0.01", "--delta", "0.005",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Step size η = 0.01000 is above the limit η ≤ 0.008929").contains("6 of 6 plateaus certified");
        List<String> bounds = Files.readAllLines(out.resolve("bounds.csv"));
        // an identical start with N = 3: no sign-change (perturbed start) and flow-interval (N = 2) columns
        assertThat(bounds.get(0)).isEqualTo("index,lambda,limit,regime,eta_max,k_exact,k_lower,k_upper,k_flow,"
                + "k_asymptotic");
        assertThat(bounds).hasSize(7);
        List<String> plateaus = Files.readAllLines(out.resolve("plateaus.csv"));
        assertThat(plateaus.get(0)).isEqualTo("r,level,k_start,k_end,bound,epsilon,delta,reason,k_escape_float");
        // eigenvalues come from the generated matrix (rounded to ~1e-15), the certified intervals of theory.md §9 (c)
        assertThat(plateaus.get(1)).startsWith("1,1.0,717,1177,");
        assertThat(plateaus.get(6)).contains(",22502,,");
        assertThat(Files.readAllLines(out.resolve("provenance.csv")).get(0))
                .isEqualTo("table,column,applies_to,kind,source");
    }

    @Test
    void trackReadsThePredictedPlateaus() throws IOException {
        Path truth = generate("8,4,2,1,0.5,0.25");
        Path run = dir.resolve("run");
        CliRun train = CliRun.of("train", "--target", truth.resolve("matrix.csv").toString(), "--depth", "3", "--step",
                "0.01", "--init", "identity", "--alpha", "0.02", "--iterations", "25000", "--solver", "spectral",
                "--out", run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        Path predicted = dir.resolve("p");
        assertThat(CliRun.of("predict", "--spectrum", truth.resolve("spectrum.csv").toString(), "--depth", "3",
                "--step", "0.01", "--alpha", "0.02", "--out", predicted.toString()).exitCode()).isZero();
        Path tracked = dir.resolve("t");
        CliRun track = CliRun.of("track", "--trace", run.resolve("trace.csv").toString(), "--target",
                truth.resolve("matrix.csv").toString(), "--predicted", predicted.resolve("plateaus.csv").toString(),
                "--out", tracked.toString());
        assertThat(track.exitCode()).as(track.err()).isZero();
        List<String> lines = Files.readAllLines(tracked.resolve("plateaus.csv"));
        assertThat(lines.get(1)).contains(",717,1177,");
    }

    @Test
    void acceptsASymmetricTargetAndIsDeterministic() throws IOException {
        Path truth = generate("3,1.5,-0.5");
        String[] common = {"predict", "--target", truth.resolve("matrix.csv").toString(), "--depth", "3", "--step",
                "0.02", "--init", "perturbed", "--alpha", "0.1", "--beta", "0.05", "--target-accuracy", "0.05"};
        CliRun first = CliRun.of(concat(common, dir.resolve("a")));
        CliRun second = CliRun.of(concat(common, dir.resolve("b")));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).isZero();
        assertThat(first.out()).contains("sign change");
        for (String file : List.of("bounds.csv", "plateaus.csv", "provenance.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file)))
                    .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
        }
    }

    @Test
    void badInputExitsWithTwoAndOneLineNamingTheOption() {
        Path truth = generate("2,1");
        String spectrum = truth.resolve("spectrum.csv").toString();
        String out = dir.resolve("bad").toString();
        assertBad(CliRun.of("predict", "--spectrum", spectrum, "--depth", "3", "--step", "-1", "--alpha", "0.1",
                "--out", out), "step: the step size η must be positive and finite");
        assertBad(CliRun.of("predict", "--spectrum", spectrum, "--depth", "3", "--step", "0.1", "--alpha", "0.1",
                "--init", "gaussian", "--out", out), "init: gaussian starts have no theory");
        assertBad(CliRun.of("predict", "--spectrum", spectrum, "--depth", "3", "--step", "0.1", "--alpha", "0.1",
                "--init", "perturbed", "--beta", "0.2", "--out", out), "beta: must satisfy 0 < β < α");
        assertBad(CliRun.of("predict", "--spectrum", spectrum, "--depth", "3", "--step", "0.1", "--alpha", "0.1",
                "--epsilon", "2", "--out", out), "epsilon: must be a relative accuracy");
        assertBad(CliRun.of("predict", "--depth", "3", "--step", "0.1", "--alpha", "0.1", "--out", out),
                "spectrum: give exactly one of --spectrum");
        assertThat(Files.exists(dir.resolve("bad"))).isFalse();
    }

    @Test
    void nonSymmetricTargetIsRefused() throws IOException {
        Path matrix = dir.resolve("m.csv");
        Files.writeString(matrix, "c1,c2\n1.0,2.0\n0.0,1.0\n");
        assertBad(CliRun.of("predict", "--target", matrix.toString(), "--depth", "2", "--step", "0.1", "--alpha",
                "0.1", "--out", dir.resolve("x").toString()), "the 2×2 target is not symmetric");
    }

    private static void assertBad(CliRun run, String message) {
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(message);
    }

    private static String[] concat(String[] first, Path out) {
        String[] all = java.util.Arrays.copyOf(first, first.length + 2);
        all[first.length] = "--out";
        all[first.length + 1] = out.toString();
        return all;
    }
}
