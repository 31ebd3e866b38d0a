package org.dmflab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.dmflab.cli.io.OutputManifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --overwrite} replaces only a previous DMF Lab output, as a user meets it: real processes in a working
 * directory holding the user's files. Every refusal is exit 2 with one line naming --out, and leaves every file and
 * folder as it was.
 */
class OverwriteTest {

    @TempDir
    Path dir;

    private Path work;

    @BeforeEach
    void usersFolder() throws IOException {
        work = Files.createDirectories(dir.resolve("project"));
        Files.writeString(work.resolve("thesis.tex"), "years of work");
        Files.writeString(work.resolve("matrix.csv"), "c1,c2\n2,0\n0,1\n");
    }

    private static void assertRefused(CliProcess run, String fragment) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).startsWith("dmflab ").contains(": out: ").contains(fragment);
        assertThat(run.out()).isEmpty();
    }

    private String listing() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(path -> dir.relativize(path).toString()).sorted().toList().toString();
        }
    }

    @Test
    void theWorkingDirectoryAndItsParentAreNeverEmptied() throws Exception {
        String before = listing();
        assertRefused(CliProcess.run(work, "train", "--target", "matrix.csv", "--out", ".", "--overwrite"),
                "is the working directory");
        assertRefused(CliProcess.run(work, "generate", "--spectrum", "2,1", "--seed", "1", "--out", "..",
                "--overwrite"), "holds the working directory");
        assertRefused(CliProcess.run(work, "generate", "--spectrum", "2,1", "--seed", "1", "--out", work.toString()),
                "is the working directory");
        assertThat(listing()).isEqualTo(before);
        assertThat(Files.readString(work.resolve("thesis.tex"))).isEqualTo("years of work");
    }

    @Test
    void aFolderHoldingTheRunsInputIsRefusedEvenWhenDmfLabWroteIt() throws Exception {
        CliProcess generated = CliProcess.run(work, "generate", "--spectrum", "2,1", "--seed", "1", "--out", "gt");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        CliProcess trained = CliProcess.run(work, "train", "--target", "gt/matrix.csv", "--iterations", "10",
                "--out", "run");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        String before = listing();

        assertRefused(CliProcess.run(work, "train", "--target", "gt/matrix.csv", "--out", "gt", "--overwrite"),
                "holds this run's input gt/matrix.csv");
        assertRefused(CliProcess.run(work, "track", "--trace", "run/trace.csv", "--out", "run", "--overwrite"),
                "holds this run's input run/trace.csv");
        assertThat(listing()).isEqualTo(before);
    }

    @Test
    void overwriteReplacesAPreviousOutputAndNothingElse() throws Exception {
        CliProcess first = CliProcess.run(work, "generate", "--spectrum", "3,1", "--seed", "1", "--measurements",
                "5", "--out", "gt");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(Files.readAllLines(work.resolve("gt").resolve(OutputManifest.NAME))).contains(
                "command: dmflab generate", "version: " + DmfLab.VERSION, "file: matrix.csv",
                "file: measurements.csv", "file: spectrum.csv");

        CliProcess second = CliProcess.run(work, "generate", "--spectrum", "2,1", "--seed", "1", "--out", "gt",
                "--overwrite");
        assertThat(second.exitCode()).as(second.err()).isZero();
        try (Stream<Path> files = Files.list(work.resolve("gt"))) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("matrix.csv",
                    "spectrum.csv", "summary.json", OutputManifest.NAME);
        }

        Files.writeString(work.resolve("gt").resolve("notes.txt"), "mine");
        assertRefused(CliProcess.run(work, "generate", "--spectrum", "2,1", "--seed", "1", "--out", "gt",
                "--overwrite"), "holds notes.txt, which DMF Lab did not write there");
        Path own = Files.createDirectories(work.resolve("figures"));
        Files.writeString(own.resolve("fig1.pdf"), "pdf");
        assertRefused(CliProcess.run(work, "generate", "--spectrum", "2,1", "--seed", "1", "--out", "figures",
                "--overwrite"), "was not written by DMF Lab");
        assertThat(Files.readString(own.resolve("fig1.pdf"))).isEqualTo("pdf");
        assertThat(Files.readString(work.resolve("gt").resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void aRefusedRunLeavesNoParentFoldersBehind() throws Exception {
        String before = listing();
        CliProcess missingInput = CliProcess.run(work, "train", "--target", "nothing.csv", "--out", "new/deeper/run");
        assertThat(missingInput.exitCode()).as(missingInput.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missingInput.err()).contains("nothing.csv: no such file");
        assertRefused(CliProcess.run(work, "generate", "--spectrum", "2,1", "--seed", "1", "--out",
                "matrix.csv/sub/out"), "cannot create files");
        assertThat(listing()).isEqualTo(before);
    }
}
