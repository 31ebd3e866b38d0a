package org.dmflab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dmflab.cli.io.OutputManifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the place an output goes, met by real processes: an old output this user cannot delete (an immutable file,
 * as permissions do not bind root), a leftover of an earlier run that cannot be removed, an empty and a non-empty mount
 * point, a read-only mount. Each is refused before the run (exit 2, one line) or written correctly, and never leaves
 * the place unusable for the next run. Cases the machine cannot set up (no chattr, no mount) are skipped with a message.
 */
class OutputFaultsTest {

    @TempDir
    Path dir;

    private final List<Path> immutable = new ArrayList<>();
    private final List<Path> mounted = new ArrayList<>();

    @AfterEach
    void undo() throws Exception {
        for (Path file : immutable) {
            run("chattr", "-i", file.toString());
        }
        for (Path mount : mounted) {
            run("umount", mount.toString());
        }
    }

    private void makeImmutable(Path file) throws Exception {
        Assumptions.assumeTrue(run("chattr", "+i", file.toString()), "chattr +i is refused on this machine "
                + "(file system or privileges): case skipped");
        immutable.add(file);
    }

    private void mount(Path at, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("mount"));
        command.addAll(List.of(options));
        command.add(at.toString());
        Assumptions.assumeTrue(run(command.toArray(String[]::new)), "mount is refused on this machine (not root or "
                + "no CAP_SYS_ADMIN): case skipped");
        mounted.add(0, at);
    }

    private CliProcess generate(String out, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("generate", "--spectrum", "2,1", "--seed", "1", "--out", out));
        args.addAll(List.of(more));
        return CliProcess.run(dir, args.toArray(String[]::new));
    }

    private static void assertRefusedBeforeTheRun(CliProcess run, String fragment) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains(fragment);
        assertThat(run.out()).isEmpty();
    }

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anOldOutputThatCannotBeDeletedIsRefusedUpFrontAndReplacedOnceItCanBe() throws Exception {
        assertThat(generate("gt").exitCode()).isZero();
        makeImmutable(dir.resolve("gt").resolve("matrix.csv"));
        assertRefusedBeforeTheRun(generate("gt", "--overwrite"), "out: the old output " + dir.toRealPath()
                .resolve("gt") + " cannot be replaced: matrix.csv is not writable for this user");
        assertThat(names(dir)).containsExactly("gt");

        run("chattr", "-i", dir.resolve("gt").resolve("matrix.csv").toString());
        CliProcess again = generate("gt", "--overwrite");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(names(dir)).containsExactly("gt");
    }

    @Test
    void aLeftoverThatCannotBeRemovedNeverBlocksLaterRuns() throws Exception {
        assertThat(generate("gt").exitCode()).isZero();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path leftover = Files.createDirectories(dir.resolve(".gt.replaced-" + gone.pid() + "-1"));
        new OutputManifest("dmflab generate", DmfLab.VERSION, List.of("matrix.csv")).writeTo(leftover);
        Files.writeString(leftover.resolve("matrix.csv"), "old");
        makeImmutable(leftover.resolve("matrix.csv"));
        CliProcess first = generate("gt", "--overwrite");
        assertThat(first.exitCode()).as(first.err()).isZero();
        CliProcess second = generate("gt", "--overwrite");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(names(dir.resolve("gt"))).containsExactly(OutputManifest.NAME, "matrix.csv", "spectrum.csv", "summary.json");
        assertThat(leftover).exists();
    }

    @Test
    void anEmptyMountPointIsFilledInPlaceAndANonEmptyOneIsRefusedBeforeTheRun() throws Exception {
        Path volume = Files.createDirectories(dir.resolve("volume"));
        mount(volume, "-t", "tmpfs", "-o", "size=4m", "dmflab-test");
        CliProcess first = generate("volume");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(names(volume)).containsExactly(OutputManifest.NAME, "matrix.csv", "spectrum.csv", "summary.json");
        assertRefusedBeforeTheRun(generate("volume", "--overwrite"), "is a mount point (another file system) and "
                + "not empty");
        CliProcess inside = generate("volume/run");
        assertThat(inside.exitCode()).as(inside.err()).isZero();
        assertThat(names(volume.resolve("run"))).containsExactly(OutputManifest.NAME, "matrix.csv", "spectrum.csv", "summary.json");
    }

    @Test
    void aReadOnlyMountIsRefusedBeforeTheRunAndNothingIsCreated() throws Exception {
        Path readOnly = Files.createDirectories(dir.resolve("ro"));
        mount(readOnly, "-t", "tmpfs", "-o", "size=1m,ro", "dmflab-test");
        assertRefusedBeforeTheRun(generate("ro/deep/run"), "out: cannot create files next to");
        assertThat(names(readOnly)).isEmpty();
    }

    static boolean run(String... command) throws IOException, InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor() == 0;
        } catch (IOException missing) {
            return false;
        }
    }
}
