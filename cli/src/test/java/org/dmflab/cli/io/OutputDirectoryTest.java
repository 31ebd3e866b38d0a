package org.dmflab.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void nothingAppearsUntilCommitAndAnAbortedRunLeavesNoTrace() throws IOException {
        Path out = dir.resolve("out");
        try (OutputDirectory output = OutputDirectory.open(out)) {
            Files.writeString(output.file("a.csv"), "x\n");
            assertThat(Files.exists(out)).isFalse();
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void commitIntoAnExistingDirectoryReplacesOnlyTheWrittenFiles() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "keep");
        Files.writeString(out.resolve("a.csv"), "old");
        try (OutputDirectory output = OutputDirectory.open(out)) {
            Files.writeString(output.file("a.csv"), "new");
            output.commit();
        }
        assertThat(Files.readString(out.resolve("a.csv"))).isEqualTo("new");
        assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("keep");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(out);
        }
    }
}
