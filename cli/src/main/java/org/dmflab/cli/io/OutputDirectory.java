package org.dmflab.cli.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dmflab.core.InvalidInputException;

/**
 * Writes a command's outputs all or nothing (design.md §4). Files go to a hidden staging directory beside
 * {@code --out}; on {@link #commit()} it becomes {@code --out} by one rename. An existing non-empty {@code --out} is
 * refused unless {@code overwrite} is set; then the old directory is renamed aside, the staging directory renamed into
 * place and the old one deleted — old and new files never mix. An interrupted or failed run leaves {@code --out} as it
 * was.
 *
 * <p>Staging names carry the owner's process id and start time ({@code .NAME.partial-PID-START}); every
 * {@link #open} removes the staging directories beside it whose process is gone (a killed run), and never one whose
 * process still runs. Directories and files are created with the default permissions, so they follow the umask.
 */
public final class OutputDirectory implements AutoCloseable {
    private static final String PARTIAL = "partial";
    private static final String REPLACED = "replaced";
    /** {@code .NAME.partial-PID-START[-N]} or {@code .NAME.replaced-PID-START[-N]}. */
    private static final Pattern STAGING = Pattern.compile("\\.(.+)\\.(" + PARTIAL + "|" + REPLACED
            + ")-(\\d+)-(\\d+)(-\\d+)?");
    private static final Set<OutputDirectory> OPEN = ConcurrentHashMap.newKeySet();

    private final Path target;
    private final Path staging;
    private final boolean overwrite;
    private boolean committed;

    private OutputDirectory(Path target, Path staging, boolean overwrite) {
        this.target = target;
        this.staging = staging;
        this.overwrite = overwrite;
        OPEN.add(this);
    }

    /**
     * Checks {@code --out} and prepares a staging directory for it, before any work starts.
     *
     * @param overwrite whether an existing non-empty directory may be replaced (as a whole, on commit)
     * @throws InvalidInputException when {@code --out} is empty, a file, or a non-empty directory without overwrite
     */
    public static OutputDirectory open(Path target, boolean overwrite) {
        if (target.toString().isBlank()) {
            throw new InvalidInputException("out", "is empty; give the output directory, e.g. --out results");
        }
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.getParent() == null) {
            throw new InvalidInputException("out", absolute + " is the root directory; choose a directory below it");
        }
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new InvalidInputException("out", absolute + " exists and is not a directory; choose a directory");
        }
        List<String> existing = entries(absolute);
        if (!existing.isEmpty() && !overwrite) {
            throw new InvalidInputException("out", absolute + " already exists and is not empty (" + existing.size()
                    + (existing.size() == 1 ? " entry: " : " entries, e.g. ") + existing.get(0) + "); choose a new "
                    + "directory, or add --overwrite to replace its contents once the new output is complete");
        }
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
            removeAbandoned(parent);
            return new OutputDirectory(absolute, createStaging(parent, absolute.getFileName().toString(), PARTIAL),
                    overwrite);
        } catch (IOException e) {
            throw new InvalidInputException("out", "cannot create files next to " + absolute + " (" + e.getMessage()
                    + "); choose a writable directory");
        }
    }

    /** Where to write the file {@code name} now; it appears in the output directory on {@link #commit()}. */
    public Path file(String name) {
        return staging.resolve(name);
    }

    /** The final location of {@code name} after commit. */
    public Path finalFile(String name) {
        return target.resolve(name);
    }

    /** The staging directory (for tests and messages). */
    Path staging() {
        return staging;
    }

    /** Makes the staged files the output directory, replacing an old one as a whole (if allowed at open). */
    public synchronized void commit() throws IOException {
        if (committed) {
            return;
        }
        List<String> existing = entries(target);
        if (Files.isDirectory(target) && existing.isEmpty()) {
            Files.delete(target);
        }
        if (!Files.exists(target)) {
            moveIntoPlace();
            return;
        }
        if (!overwrite) {
            throw new InvalidInputException("out", target + " was filled by something else while this run worked; "
                    + "nothing was written there (add --overwrite to replace it)");
        }
        Path old = createStaging(target.getParent(), target.getFileName().toString(), REPLACED);
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            moveIntoPlace();
        } catch (IOException | RuntimeException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(old);
    }

    private void moveIntoPlace() throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            throw new InvalidInputException("out", target + " appeared while this run worked; nothing was written "
                    + "there (run again, with --overwrite to replace it)");
        }
        committed = true;
        OPEN.remove(this);
    }

    /** Removes the staging directory if the outputs were not committed. */
    @Override
    public synchronized void close() {
        OPEN.remove(this);
        if (!committed) {
            deleteQuietly(staging);
        }
    }

    /** Deletes the staging directories of every output not yet committed (a shutdown that cannot wait for the run). */
    public static void abandonAll() {
        for (OutputDirectory output : List.copyOf(OPEN)) {
            output.close();
        }
    }

    /**
     * Removes the staging directories in {@code parent} left by runs whose process is gone; a {@code replaced}
     * directory whose output is missing (the run was killed between its two renames) is renamed back instead.
     */
    static void removeAbandoned(Path parent) throws IOException {
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, ".*")) {
            for (Path entry : entries) {
                candidates.add(entry);
            }
        }
        for (Path entry : candidates) {
            Matcher name = STAGING.matcher(entry.getFileName().toString());
            if (!name.matches() || !Files.isDirectory(entry) || ownerRuns(Long.parseLong(name.group(3)),
                    Long.parseLong(name.group(4)))) {
                continue;
            }
            Path output = parent.resolve(name.group(1));
            if (name.group(2).equals(REPLACED) && !Files.exists(output)) {
                Files.move(entry, output, StandardCopyOption.ATOMIC_MOVE);
            } else {
                deleteQuietly(entry);
            }
        }
    }

    /**
     * Whether the process {@code pid} that started at {@code startMillis} still runs. A process of that id with
     * another start time is a reused id (the owner is gone); when the start time cannot be read, the owner is assumed
     * to run, so a directory in use is never removed.
     */
    static boolean ownerRuns(long pid, long startMillis) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        return process.get().info().startInstant().map(start -> start.toEpochMilli() == startMillis).orElse(true);
    }

    private static Path createStaging(Path parent, String name, String kind) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(instant -> instant.toEpochMilli()).orElse(0L);
        String base = "." + name + "." + kind + "-" + self.pid() + "-" + start;
        for (int attempt = 0; ; attempt++) {
            Path candidate = parent.resolve(attempt == 0 ? base : base + "-" + attempt);
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException taken) {
                // another output of this process beside the same name: try the next number
            }
        }
    }

    private static List<String> entries(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException("out", directory + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            deleteTree(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(path);
                } catch (NoSuchFileException | DirectoryNotEmptyException raced) {
                    // removed by a concurrent cleanup, or a file appeared: the next run cleans it
                }
            }
        }
    }
}
