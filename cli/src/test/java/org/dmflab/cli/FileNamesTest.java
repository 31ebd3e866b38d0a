package org.dmflab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Non-ASCII file names as a real process meets them: under {@code LANG=C} Java receives them already spoilt, so the run
 * is refused with one line saying which locale to use (exit 2, not Java's text); under a UTF-8 locale they read and
 * write.
 */
class FileNamesTest {

    @TempDir
    Path dir;

    @Test
    void nonAsciiNamesReadUnderUtf8AndAreRefusedWithTheFixUnderLangC() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("größe λ"));
        Files.writeString(folder.resolve("m.csv"), "c1,c2\n2,0\n0,1\n");
        String[] args = {"train", "--target", "größe λ/m.csv", "--iterations", "5", "--out", "lauf-ü"};

        CliProcess ascii = CliProcess.run(dir, Map.of("LANG", "C", "LC_ALL", "C"), List.of("-Xmx128m"), args);
        assertThat(ascii.exitCode()).as(ascii.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(ascii.err().lines()).hasSize(1);
        assertThat(ascii.err()).startsWith("dmflab train: Invalid value for option '--target': ")
                .contains("cannot be a file name in this system's encoding for file names")
                .contains("run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8");
        assertThat(dir.resolve("lauf-ü")).doesNotExist();

        CliProcess utf8 = CliProcess.run(dir, Map.of("LANG", "C.UTF-8", "LC_ALL", "C.UTF-8"), List.of("-Xmx128m"),
                args);
        assertThat(utf8.exitCode()).as(utf8.err()).isZero();
        assertThat(dir.resolve("lauf-ü").resolve("trace.csv")).exists();
    }
}
