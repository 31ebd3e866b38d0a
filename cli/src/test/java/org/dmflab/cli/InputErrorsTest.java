package org.dmflab.cli;

import org.dmflab.core.loss.LossKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.model.TraceShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input files: each case is exit 2 and one line naming the file, line and column, and what to do. */
class InputErrorsTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static CliRun refused(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).hasLineCount(1);
        return run;
    }

    private CliRun train(Path target) {
        return refused("train", "--target", target.toString(), "--out", dir.resolve("run").toString());
    }

    @Test
    void matrixFilesAreReadStrictly() throws IOException {
        Path duplicated = write("dup.csv", "c1,c1\n1,2\n2,1\n");
        assertThat(train(duplicated).err()).isEqualTo("dmflab train: " + duplicated + " line 1, column 'c1': the "
                + "header names column 'c1' twice (columns 1 and 2); give every column its own name\n");
        Path headless = write("nohead.csv", "1,2\n2,1\n");
        assertThat(train(headless).err()).contains(headless + " line 1: the first line looks like data")
                .contains("add a header line c1,…,c2");
        Path suffix = write("suffix.csv", "c1,c2\n1,2\n2,1.5d\n");
        assertThat(train(suffix).err()).contains(suffix + " line 3, column 'c2': '1.5d' is not a number");
        Path nan = write("nan.csv", "c1,c2\n1,NaN\n2,1\n");
        assertThat(train(nan).err()).contains(nan + " line 2, column 'c2': 'NaN' is not a finite number");
        Path utf16 = Files.write(dir.resolve("u16.csv"), "\uFEFFc1,c2\n1,2\n2,1\n".getBytes(StandardCharsets.UTF_16LE));
        assertThat(train(utf16).err()).contains(utf16 + ": file is UTF-16").contains("save it as UTF-8");
        Path semicolon = write("semi.csv", "c1;c2\n1;2\n2;1\n");
        assertThat(train(semicolon).err()).contains("separated by semicolons (';')");
        assertThat(Files.exists(dir.resolve("run"))).isFalse();
    }

    @Test
    void aTraceWithByteOrderMarkIsAcceptedByTrack() throws IOException {
        Path gt = dir.resolve("gt");
        assertThat(CliRun.of("generate", "--spectrum", "2,1", "--eigenvectors", "identity", "--out", gt.toString())
                .exitCode()).isZero();
        Path run = dir.resolve("run");
        assertThat(CliRun.of("train", "--target", gt.resolve("matrix.csv").toString(), "--iterations", "2000",
                "--step", "0.05", "--out", run.toString()).exitCode()).isZero();
        byte[] trace = Files.readAllBytes(run.resolve("trace.csv"));
        byte[] withBom = new byte[trace.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(trace, 0, withBom, 3, trace.length);
        Path bomTrace = Files.write(dir.resolve("bom-trace.csv"), withBom);
        CliRun track = CliRun.of("track", "--trace", bomTrace.toString(), "--target",
                gt.resolve("matrix.csv").toString(), "--out", dir.resolve("t").toString());
        assertThat(track.exitCode()).as(track.err()).isZero();
    }

    @Test
    void conflictingAndOverflowingOptionsAreRefused() throws IOException {
        Path matrix = write("m.csv", "c1,c2\n1,0\n0,1\n");
        assertThat(refused("generate", "--spectrum", "1,2", "--input", matrix.toString(), "--out",
                dir.resolve("g").toString()).err()).isEqualTo("dmflab generate: spectrum: --spectrum and --input both "
                + "choose the target; give only one (--input reads a matrix, --spectrum generates one)\n");
        assertThat(refused("generate", "--spectrum", "1e308,1e308", "--out", dir.resolve("g").toString()).err())
                .contains("spectrum: value 1 (1.0E308) is too large").contains("at most 9.481e+153");
        Path spectrum = write("s.csv", "index,value,kind\n1,1e200,eigenvalue\n2,1,eigenvalue\n");
        assertThat(refused("predict", "--spectrum", spectrum.toString(), "--depth", "3", "--step", "0.01",
                "--alpha", "0.02", "--out", dir.resolve("p").toString()).err()).contains("is too large");
        assertThat(refused("generate", "--spectrum", "1.5d,1", "--out", dir.resolve("g").toString()).err())
                .contains("'1.5d' at position 1");
    }

    @Test
    void outputsThatWouldLoseOrMixDataAreRefused() throws IOException {
        assertThat(refused("generate", "--spectrum", "2,1", "--out", "").err())
                .isEqualTo("dmflab generate: out: is empty; give the output directory, e.g. --out results\n");
        Path gt = dir.resolve("gt");
        assertThat(CliRun.of("generate", "--spectrum", "2,1", "--seed", "1", "--out", gt.toString()).exitCode()).isZero();
        Files.writeString(gt.resolve("notes.txt"), "mine");
        assertThat(refused("generate", "--spectrum", "3,1", "--seed", "1", "--out", gt.toString()).err())
                .contains("already exists and is not empty").contains("--overwrite");
        assertThat(Files.readString(gt.resolve("notes.txt"))).isEqualTo("mine");
        // a file the user put into a previous output is never deleted, not even by --overwrite
        assertThat(refused("generate", "--spectrum", "3,1", "--seed", "1", "--out", gt.toString(), "--overwrite")
                .err()).contains("holds notes.txt, which DMF Lab did not write there");
        assertThat(Files.readString(gt.resolve("notes.txt"))).isEqualTo("mine");
        Files.delete(gt.resolve("notes.txt"));
        CliRun overwrite = CliRun.of("generate", "--spectrum", "3,1", "--seed", "1", "--out", gt.toString(), "--overwrite");
        assertThat(overwrite.exitCode()).as(overwrite.err()).isZero();
        // the new spectrum 3, 1 (not the old 2, 1), to rounding: line 2 is "1,λ₁,eigenvalue"
        String first = Files.readAllLines(gt.resolve("spectrum.csv")).get(1);
        assertThat(first).startsWith("1,").endsWith(",eigenvalue");
        assertThat(Double.parseDouble(first.split(",")[1])).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void aTraceThatCannotFitInMemoryIsRefusedBeforeTheRun() throws IOException {
        Path matrix = write("m.csv", "c1,c2\n2,0\n0,1\n");
        CliRun run = refused("train", "--target", matrix.toString(), "--iterations", "100000000", "--record",
                "every:1", "--out", dir.resolve("r").toString());
        assertThat(run.err()).startsWith("dmflab train: record: record=every:1 records 100000001 rows of "
                + Schemas.trace(TraceShape.ofRun(2, 2, true, LossKind.FULL, true)).size() + " columns over 100000000 iterations; the trace needs about ").contains("--record log:400");
    }

    @Test
    void noArgumentsPrintsTheUsageOnStderrAndVersionWorksOnEveryCommand() {
        CliRun none = CliRun.of();
        assertThat(none.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).contains("Usage: dmflab").contains("generate");
        for (String command : new String[]{"generate", "train", "track", "predict", "baseline", "experiment"}) {
            for (String flag : new String[]{"-V", "--version"}) {
                CliRun version = CliRun.of(command, flag);
                assertThat(version.exitCode()).isZero();
                assertThat(version.out()).isEqualTo(DmfLab.VERSION + "\n");
            }
        }
    }

    @Test
    void measurementsAndObservationsAreReadAsStrictlyAsEveryOtherTableAndNamedByFileLine() throws IOException {
        Path target = write("t.csv", "c1,c2\n1,0\n0,1\n");
        String header = "measurement,y,a1,a2,a3,a4\n";
        for (String bad : new String[]{"NaN", "abc", "Infinity"}) {
            Path measurements = write("m.csv", header + "1,0.5,1,0,0,1\n\n2,0.25,0," + bad + ",1,0\n");
            assertThat(refused("train", "--target", target.toString(), "--loss", "sensing", "--measurements",
                    measurements.toString(), "--out", dir.resolve("run").toString()).err())
                    .startsWith("dmflab train: " + measurements + " line 4, column 'a2': '" + bad + "' is not a");
        }
        Path observations = write("o.csv", "row,column,value\n1,1,0.5\n2,2,1\n1,1,0.7\n");
        assertThat(refused("train", "--loss", "completion", "--shape", "2x2", "--observations",
                observations.toString(), "--out", dir.resolve("run").toString()).err())
                .isEqualTo("dmflab train: " + observations + ", line 4: entry (1, 1) is observed twice; list each "
                        + "entry once (remove the duplicate)\n");
    }

    @Test
    void aLargeWindowsFileIsReadAsItsUnixTwin() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int r = 0; r < 100; r++) {
            for (int c = 0; c < 100; c++) {
                rows.append(r == 0 ? "c" + (c + 1) : (r == c ? "1.000000000000" : "0.000000000000"))
                        .append(c < 99 ? "," : "\r\n");
            }
        }
        assertThat(rows.length()).isGreaterThan(1 << 17);
        CliRun trained = CliRun.of("train", "--target", write("w.csv", rows.toString()).toString(), "--iterations",
                "1", "--out", dir.resolve("run").toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("run").resolve("product.csv"))).hasSize(100);
    }
}
