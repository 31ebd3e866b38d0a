package org.dmflab.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.dmflab.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {

    @TempDir
    Path dir;

    private Stream<String> names() throws IOException {
        return Files.list(dir).map(path -> path.getFileName().toString()).toList().stream();
    }

    @Test
    void nothingAppearsUntilCommitAndAnAbortedRunLeavesNoTrace() throws IOException {
        Path out = dir.resolve("out");
        try (OutputDirectory output = OutputDirectory.open(out, false)) {
            Files.writeString(output.file("a.csv"), "x\n");
            assertThat(Files.exists(out)).isFalse();
        }
        assertThat(names()).isEmpty();
    }

    @Test
    void aNonEmptyDirectoryIsRefusedWithoutOverwrite() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "keep");
        assertThatThrownBy(() -> OutputDirectory.open(out, false)).isInstanceOf(InvalidInputException.class)
                .hasMessage("out: " + out + " already exists and is not empty (1 entry: keep.txt); choose a new "
                        + "directory, or add --overwrite to replace its contents once the new output is complete");
        assertThat(names()).containsExactly("out");
        assertThatThrownBy(() -> OutputDirectory.open(Path.of(""), true)).hasMessageStartingWith("out: is empty");
    }

    @Test
    void overwriteReplacesTheOldContentsAsAWholeOnlyOnCommit() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("single-eigenvalue.png"), "old chart");
        Files.writeString(out.resolve("a.csv"), "old");
        try (OutputDirectory output = OutputDirectory.open(out, true)) {
            Files.writeString(output.file("a.csv"), "new");
            assertThat(Files.readString(out.resolve("a.csv"))).isEqualTo("old");
            output.commit();
        }
        assertThat(Files.readString(out.resolve("a.csv"))).isEqualTo("new");
        assertThat(Files.exists(out.resolve("single-eigenvalue.png"))).isFalse();
        assertThat(names()).containsExactly("out");
    }

    @Test
    void anEmptyExistingDirectoryIsFilled() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        try (OutputDirectory output = OutputDirectory.open(out, false)) {
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
        try (OutputDirectory output = OutputDirectory.open(out, false)) {
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
}
