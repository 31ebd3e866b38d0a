package org.dmflab.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.dmflab.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {

    @TempDir
    Path dir;

    /** Opens with a working and a home directory elsewhere, so only the rules under test apply. */
    private OutputDirectory open(Path out, boolean overwrite, Path... inputs) {
        return OutputDirectory.open(out, overwrite, "dmflab test", "dmflab 0", List.of(inputs),
                Path.of("/nonexistent/cwd"), Path.of("/nonexistent/home"));
    }

    /** A previous output as DMF Lab writes it: the files and the manifest listing them. */
    private Path previousOutput(String name, String... files) throws IOException {
        Path out = dir.resolve(name);
        try (OutputDirectory output = open(out, false)) {
            for (String file : files) {
                Files.writeString(output.file(file), "old " + file);
            }
            output.commit();
        }
        return out;
    }

    private Stream<String> names() throws IOException {
        return Files.list(dir).map(path -> path.getFileName().toString()).toList().stream();
    }

    @Test
    void nothingAppearsUntilCommitAndAnAbortedRunLeavesNoTrace() throws IOException {
        Path out = dir.resolve("out");
        try (OutputDirectory output = open(out, false)) {
            Files.writeString(output.file("a.csv"), "x\n");
            assertThat(Files.exists(out)).isFalse();
        }
        assertThat(names()).isEmpty();
    }

    @Test
    void aNonEmptyDirectoryIsRefusedWithoutOverwrite() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "keep");
        assertThatThrownBy(() -> open(out, false)).isInstanceOf(InvalidInputException.class)
                .hasMessage("out: " + out.toRealPath() + " already exists and is not empty (1 entry: keep.txt); choose "
                        + "a new directory, or add --overwrite to replace a previous DMF Lab output once the new one "
                        + "is complete");
        assertThat(names()).containsExactly("out");
        assertThatThrownBy(() -> open(Path.of(""), true)).hasMessageStartingWith("out: is empty");
    }

    @Test
    void overwriteReplacesTheOldContentsAsAWholeOnlyOnCommit() throws IOException {
        Path out = previousOutput("out", "single-eigenvalue.png", "a.csv");
        try (OutputDirectory output = open(out, true)) {
            Files.writeString(output.file("a.csv"), "new");
            assertThat(Files.readString(out.resolve("a.csv"))).isEqualTo("old a.csv");
            output.commit();
        }
        assertThat(Files.readString(out.resolve("a.csv"))).isEqualTo("new");
        assertThat(Files.exists(out.resolve("single-eigenvalue.png"))).isFalse();
        assertThat(names()).containsExactly("out");
        assertThat(OutputManifest.readFrom(out)).contains(new OutputManifest("dmflab test", "dmflab 0",
                List.of("a.csv")));
    }

    @Test
    void anEmptyExistingDirectoryIsFilled() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        try (OutputDirectory output = open(out, false)) {
            Files.writeString(output.file("a.csv"), "new");
            output.commit();
        }
        assertThat(Files.readString(out.resolve("a.csv"))).isEqualTo("new");
    }

    @Test
    void directoriesAndFilesGetTheDefaultPermissionsOfTheUmask() throws IOException {
        Path probeDir = Files.createDirectory(dir.resolve("probe"));
        Path probeFile = Files.createFile(dir.resolve("probe.txt"));
        Path out = dir.resolve("out");
        try (OutputDirectory output = open(out, false)) {
            Files.writeString(output.file("a.csv"), "x");
            output.commit();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(probeDir)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("a.csv"))))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(probeFile)));
    }

    @Test
    void stagingOfDeadOrReusedProcessesIsRemovedAndLiveStagingIsKept() throws IOException, InterruptedException {
        Process finished = new ProcessBuilder("true").start();
        long deadPid = finished.pid();
        finished.waitFor();
        ProcessHandle self = ProcessHandle.current();
        long selfStart = self.info().startInstant().orElseThrow().toEpochMilli();
        Path dead = Files.createDirectories(dir.resolve(".out.partial-" + deadPid + "-" + selfStart));
        Files.writeString(dead.resolve("trace.csv"), "big");
        Path reused = Files.createDirectories(dir.resolve(".run.partial-" + self.pid() + "-" + (selfStart - 5000)));
        Path live = Files.createDirectories(dir.resolve(".gt.partial-" + self.pid() + "-" + selfStart + "-3"));
        Path foreign = Files.createDirectories(dir.resolve(".other.partial-12345"));

        OutputDirectory.removeAbandoned(dir);

        assertThat(dead).doesNotExist();
        assertThat(reused).doesNotExist();
        assertThat(live).exists();
        assertThat(foreign).exists();
    }

    @Test
    void aReplacedDirectoryOfAKilledRunIsRestoredWhenItsOutputIsMissing() throws IOException, InterruptedException {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path aside = Files.createDirectories(dir.resolve(".exp.replaced-" + finished.pid() + "-1"));
        Files.writeString(aside.resolve("report.html"), "old report");
        OutputDirectory.removeAbandoned(dir);
        assertThat(Files.readString(dir.resolve("exp").resolve("report.html"))).isEqualTo("old report");
        assertThat(aside).doesNotExist();
    }

    @Test
    void overwriteRefusesAFolderDmfLabDidNotWriteAndLeavesItAsItWas() throws IOException {
        Path own = Files.createDirectories(dir.resolve("thesis"));
        Files.writeString(own.resolve("thesis.tex"), "years of work");
        assertThatThrownBy(() -> open(own, true)).isInstanceOf(InvalidInputException.class)
                .hasMessage("out: " + own.toRealPath() + " was not written by DMF Lab (it has no .dmflab-output), so "
                        + "--overwrite will not empty it; give a new folder, or move its contents away yourself");
        assertThat(Files.readString(own.resolve("thesis.tex"))).isEqualTo("years of work");
        assertThat(names()).containsExactly("thesis");
    }

    @Test
    void overwriteRefusesAPreviousOutputHoldingAFileTheUserAdded() throws IOException {
        Path out = previousOutput("run", "trace.csv", "product.csv");
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> open(out, true)).hasMessage("out: " + out.toRealPath() + " holds notes.txt, which "
                + "DMF Lab did not write there, so --overwrite will not delete it; move it away or give a new folder");
        assertThat(names()).containsExactly("run");
        assertThat(Files.readString(out.resolve("trace.csv"))).isEqualTo("old trace.csv");
    }

    @Test
    void theWorkingDirectoryItsAncestorsTheHomeAndInputFoldersAreRefusedEvenWhenEmptyOrMarked() throws IOException {
        Path work = Files.createDirectories(dir.resolve("a").resolve("work"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Path data = previousOutput("data", "matrix.csv");
        Path link = Files.createSymbolicLink(dir.resolve("link"), data);
        List<String> refused = List.of(work.toString(), work.getParent().toString(), home.toString(),
                data.toString(), link.toString(), work.resolve("..").toString());
        for (String out : refused) {
            assertThatThrownBy(() -> OutputDirectory.open(Path.of(out), true, "dmflab test", "dmflab 0",
                    List.of(link.resolve("matrix.csv")), work, home)).as(out)
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("out: ")
                    .hasMessageContaining("give a");
        }
        assertThat(Files.readString(data.resolve("matrix.csv"))).isEqualTo("old matrix.csv");
        assertThat(names()).containsExactlyInAnyOrder("a", "home", "data", "link");
    }

    @Test
    void aRunThatEndsWithoutCommitRemovesTheParentFoldersItCreated() throws IOException {
        Files.createDirectories(dir.resolve("kept"));
        try (OutputDirectory output = open(dir.resolve("kept").resolve("new").resolve("deeper").resolve("out"),
                false)) {
            Files.writeString(output.file("a.csv"), "x");
            assertThat(dir.resolve("kept").resolve("new").resolve("deeper")).isDirectory();
        }
        assertThat(names()).containsExactly("kept");
        assertThat(dir.resolve("kept")).isEmptyDirectory();
    }

    @Test
    void stagingWithoutAProcessIdIsRemovedOnlyWhenItCarriesTheManifest() throws IOException {
        Path older = Files.createDirectories(dir.resolve(".run.partial-123"));
        new OutputManifest("dmflab train", "dmflab 0.0.9", List.of()).writeTo(older);
        Path foreign = Files.createDirectories(dir.resolve(".mine.partial-123"));
        OutputDirectory.removeAbandoned(dir);
        assertThat(older).doesNotExist();
        assertThat(foreign).exists();
    }
}
