package org.dmflab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dmflab experiment}: files on disk, determinism, --list, bad input. The presets' science is tested in core. */
class ExperimentCommandTest {
    private static final List<String> PRESETS = List.of("plateaus", "spectrum-recovery", "depth",
            "single-eigenvalue", "flow-vs-descent", "random-init", "denoising", "norms-vs-rank",
            "plateau-timing", "completion-depth", "mnist-denoising");

    @TempDir
    Path dir;

    @Test
    void defaultPresetWritesTablesChartsAndAReport() throws IOException {
        Path out = dir.resolve("results");
        CliRun run = CliRun.of("experiment", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("experiment plateaus:").contains("6 of 6 certified plateau intervals");
        for (String file : List.of("matrix.csv", "spectrum.csv", "trace.csv", "product.csv", "plateaus.csv",
                "hitting.csv", "bounds.csv", "predicted-plateaus.csv", "provenance.csv", "settings.csv",
                "eigenvalues.png", "effective-rank.png", "loss.png", "report.html")) {
            assertThat(out.resolve(file)).as(file).isNotEmptyFile();
        }
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(out)) {
            for (Path png : files.filter(p -> p.toString().endsWith(".png")).toList()) {
                assertThat(html).as(png.getFileName().toString()).contains(Base64.getEncoder()
                        .encodeToString(Files.readAllBytes(png)));
            }
        }
        assertThat(Files.readAllLines(out.resolve("trace.csv")).get(0)).startsWith("iteration,time,loss,error_fro");
        var summary = Summaries.read(out);
        assertThat(summary.get("preset").asText()).isEqualTo("plateaus");
        assertThat(summary.get("lines").get(0).asText()).isEqualTo(run.out().lines().findFirst().orElseThrow());
        List<String> trace = Files.readAllLines(out.resolve("trace.csv"));
        assertThat(summary.get("runs").get(0).get("final_loss").asDouble()).isEqualTo(Double.parseDouble(
                trace.get(trace.size() - 1).split(",")[2]));
        assertThat(dir.toFile().list()).containsExactly("results"); // no staging leftovers
    }

    @Test
    void twoRunsWriteIdenticalCsvBytes() throws IOException {
        Path first = dir.resolve("a");
        Path second = dir.resolve("b");
        assertThat(CliRun.of("experiment", "--preset", "spectrum-recovery", "--out", first.toString()).exitCode())
                .isZero();
        assertThat(CliRun.of("experiment", "--preset", "spectrum-recovery", "--out", second.toString()).exitCode())
                .isZero();
        try (Stream<Path> files = Files.list(first)) {
            List<Path> csv = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
            assertThat(csv).hasSizeGreaterThan(10);
            for (Path file : csv) {
                assertThat(Files.readAllBytes(second.resolve(file.getFileName()))).as(file.getFileName().toString())
                        .isEqualTo(Files.readAllBytes(file));
            }
        }
    }

    @Test
    void listNamesEveryPresetWithADescription() {
        CliRun run = CliRun.of("experiment", "--list");
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(PRESETS.size() + 1);
        for (int i = 0; i < PRESETS.size(); i++) {
            assertThat(lines.get(i)).startsWith(PRESETS.get(i) + " ").hasSizeGreaterThan(40);
        }
        assertThat(lines.get(PRESETS.size())).startsWith("custom ").contains("--set");
    }

    @Test
    void unknownPresetIsExitTwoWithOneLineListingThePresets() {
        Path out = dir.resolve("x");
        CliRun run = CliRun.of("experiment", "--preset", "fig99", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).contains("preset").contains("fig99").contains(String.join(", ", PRESETS));
        assertThat(out).doesNotExist();
    }
}
