package org.dmflab.cli.io;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * {@code --out}; on {@link #commit()} it becomes {@code --out} by one rename, marked with an {@link OutputManifest}.
 * What {@code --out} may be is checked first, before anything is created ({@link OutputGuard}): an existing non-empty
 * {@code --out} is refused unless {@code overwrite} is set and it is a previous DMF Lab output; then the old directory
 * is renamed aside, the staging directory renamed into place and the old one deleted — old and new files never mix.
 * An interrupted or failed run leaves {@code --out} as it was, and removes the parent folders it created.
 *
 * <p>An empty {@code --out} on another file system than its parent (a mount point, e.g. a container volume) cannot be
 * renamed: then the staging directory lies inside it and the files are moved into it one by one on commit; a
 * non-empty mount point is refused up front.
 *
 * <p>Staging names carry the owner's process id and start time ({@code .NAME.partial-PID-START}); every
 * {@link #open} removes the staging directories beside it whose process is gone (a killed run), and never one whose
 * process still runs; a staging directory without a readable process id is removed when it carries the manifest.
 * Cleaning is best effort: what cannot be removed is left for a later run and never fails this one. Directories and
 * files are created with the default permissions, so they follow the umask.
 */
public final class OutputDirectory implements AutoCloseable {
    private static final String PARTIAL = "partial";
    private static final String REPLACED = "replaced";
    /** {@code .NAME.partial-SUFFIX} or {@code .NAME.replaced-SUFFIX}. */
    private static final Pattern STAGING = Pattern.compile("\\.(.+)\\.(" + PARTIAL + "|" + REPLACED + ")-(.*)");
    /** The suffix of this version's staging names: {@code PID-START[-N]}. */
    private static final Pattern OWNER = Pattern.compile("(\\d+)-(\\d+)(-\\d+)?");
    private static final Set<OutputDirectory> OPEN = ConcurrentHashMap.newKeySet();

    private final Path target;
    private final Path staging;
    private final boolean overwrite;
    private final boolean inPlace;
    private final String command;
    private final String version;
    private final List<Path> createdParents;
    private boolean committed;
    private String interrupted = "";

    private OutputDirectory(Path target, Path staging, boolean overwrite, boolean inPlace, String command,
                            String version, List<Path> createdParents) {
        this.target = target;
        this.staging = staging;
        this.overwrite = overwrite;
        this.inPlace = inPlace;
        this.command = command;
        this.version = version;
        this.createdParents = createdParents;
        OPEN.add(this);
    }

    /**
     * Checks {@code --out} and prepares a staging directory for it, before any work starts.
     *
     * @param overwrite whether an existing previous output may be replaced (as a whole, on commit)
     * @param command   the command writing, e.g. {@code dmflab train} (for the manifest)
     * @param version   the version writing, e.g. {@code dmflab 0.1.0}
     * @param inputs    the run's input files: no folder holding one of them is accepted
     * @throws InvalidInputException when {@code --out} may not be written; nothing is created then
     */
    public static OutputDirectory open(Path target, boolean overwrite, String command, String version,
                                       List<Path> inputs) {
        return open(target, overwrite, command, version, inputs, Path.of(""),
                Path.of(System.getProperty("user.home")));
    }

    static OutputDirectory open(Path target, boolean overwrite, String command, String version, List<Path> inputs,
                                Path workingDirectory, Path home) {
        if (target.toString().isBlank()) {
            throw new InvalidInputException("out", "is empty; give the output directory, e.g. --out results");
        }
        Path absolute = OutputGuard.realLocation(target.toAbsolutePath().normalize());
        if (absolute.getParent() == null) {
            throw new InvalidInputException("out", absolute + " is the root directory; choose a directory below it");
        }
        // first repair what a killed run left beside --out (an old output it had renamed aside comes back)
        removeAbandoned(absolute.getParent());
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new InvalidInputException("out", absolute + " exists and is not a directory; choose a directory");
        }
        OutputGuard.checkNotProtected(absolute, workingDirectory, home, inputs);
        boolean mountPoint = Files.isDirectory(absolute) && !sameFileSystem(absolute, absolute.getParent());
        if (mountPoint) {
            removeAbandoned(absolute);
        }
        List<String> existing = entries(absolute);
        if (!existing.isEmpty() && !overwrite) {
            throw new InvalidInputException("out", absolute + " already exists and is not empty (" + existing.size()
                    + (existing.size() == 1 ? " entry: " : " entries, e.g. ") + existing.get(0) + "); choose a new "
                    + "directory, or add --overwrite to replace a previous DMF Lab output once the new one is "
                    + "complete");
        }
        if (!existing.isEmpty()) {
            OutputGuard.checkReplaceable(absolute, existing);
            if (mountPoint) {
                throw new InvalidInputException("out", absolute + " is a mount point (another file system) and not "
                        + "empty; DMF Lab writes into a mount point only while it is empty: empty it, or give a new "
                        + "folder inside it, e.g. --out " + absolute.resolve("run"));
            }
        }
        Path parent = absolute.getParent();
        List<Path> created = missingFolders(parent);
        try {
            Files.createDirectories(parent);
            Path staging = mountPoint ? createStaging(absolute, absolute.getFileName().toString(), PARTIAL)
                    : createStaging(parent, absolute.getFileName().toString(), PARTIAL);
            new OutputManifest(command, version, List.of()).writeTo(staging);
            return new OutputDirectory(absolute, staging, overwrite, mountPoint, command, version, created);
        } catch (IOException e) {
            removeEmpty(created);
            throw new InvalidInputException("out", "cannot create files " + (mountPoint ? "in " : "next to ")
                    + absolute + " (" + e.getMessage() + "); choose a writable directory");
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

    /**
     * Makes the staged files the output directory of a run stopped by Ctrl-C: complete as far as it went, its manifest
     * saying {@code where} it stopped (e.g. {@code at iteration 1200 of 20000}).
     */
    public synchronized void commitInterrupted(String where) throws IOException {
        interrupted = where;
        commit();
    }

    /** Makes the staged files the output directory, replacing an old one as a whole (if allowed at open). */
    public synchronized void commit() throws IOException {
        if (committed) {
            return;
        }
        List<String> files;
        try (Stream<Path> list = Files.list(staging)) {
            files = list.map(path -> path.getFileName().toString()).filter(name -> !name.equals(OutputManifest.NAME))
                    .sorted().toList();
        }
        new OutputManifest(command, version, files, interrupted).writeTo(staging);
        if (inPlace) {
            moveFilesIntoPlace(files);
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
                    + "nothing was written there (add --overwrite to replace a previous DMF Lab output)");
        }
        OutputGuard.checkReplaceable(target, existing);
        Path old = createStaging(target.getParent(), target.getFileName().toString(), REPLACED);
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            moveIntoPlace();
        } catch (IOException | RuntimeException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteQuietly(old);
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

    /** The in-place commit into an empty mount point: each file by its own rename, the manifest last. */
    private void moveFilesIntoPlace(List<String> files) throws IOException {
        List<String> existing = new ArrayList<>(entries(target));
        existing.remove(staging.getFileName().toString());
        if (!existing.isEmpty()) {
            throw new InvalidInputException("out", target + " was filled by something else while this run worked; "
                    + "nothing was written there (empty it, or give a new folder inside it)");
        }
        for (String file : files) {
            Files.move(staging.resolve(file), target.resolve(file), StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging.resolve(OutputManifest.NAME), target.resolve(OutputManifest.NAME),
                StandardCopyOption.ATOMIC_MOVE);
        Files.delete(staging);
        committed = true;
        OPEN.remove(this);
    }

    /** Removes the staging directory if the outputs were not committed. */
    @Override
    public synchronized void close() {
        OPEN.remove(this);
        if (!committed) {
            deleteQuietly(staging);
            removeEmpty(createdParents);
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
     * directory whose output is missing (the run was killed between its two renames) is renamed back instead. Best
     * effort: what cannot be listed or removed stays for a later run.
     */
    static void removeAbandoned(Path parent) {
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, ".*")) {
            for (Path entry : entries) {
                candidates.add(entry);
            }
        } catch (IOException unreadable) {
            return;
        }
        for (Path entry : candidates) {
            Matcher name = STAGING.matcher(entry.getFileName().toString());
            if (!name.matches() || !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) || !abandoned(entry,
                    name.group(3))) {
                continue;
            }
            Path output = parent.resolve(name.group(1));
            try {
                if (name.group(2).equals(REPLACED) && !Files.exists(output)) {
                    Files.move(entry, output, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    deleteTree(entry);
                }
            } catch (IOException | RuntimeException stays) {
                // permissions or a concurrent cleanup: a later run tries again, this one goes on
            }
        }
    }

    /**
     * Whether the staging directory {@code entry} with the name suffix {@code owner} was left by a run that is gone:
     * its process ({@code PID-START}) no longer runs, or it has no process id but carries the manifest (an older
     * version's staging).
     */
    private static boolean abandoned(Path entry, String owner) {
        Matcher process = OWNER.matcher(owner);
        if (process.matches()) {
            return !ownerRuns(Long.parseLong(process.group(1)), Long.parseLong(process.group(2)));
        }
        return Files.isRegularFile(entry.resolve(OutputManifest.NAME));
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

    /** Deletes {@code directory} as far as possible; what cannot be deleted is left for a later run to clean. */
    static void deleteQuietly(Path directory) {
        try {
            deleteTree(directory);
        } catch (IOException | RuntimeException stays) {
            // removeAbandoned of a later run tries again
        }
    }

    /** Whether two existing paths lie on the same file system (a rename between them can work). */
    private static boolean sameFileSystem(Path a, Path b) {
        try {
            return Files.getAttribute(a, "unix:dev").equals(Files.getAttribute(b, "unix:dev"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException unknown) {
            return true;
        }
    }

    /** {@code folder} and its ancestors that do not exist yet, deepest first. */
    private static List<Path> missingFolders(Path folder) {
        List<Path> missing = new ArrayList<>();
        for (Path p = folder; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.add(p);
        }
        return missing;
    }

    /** Removes the given folders, deepest first, as long as they are empty. */
    private static void removeEmpty(List<Path> folders) {
        for (Path folder : folders) {
            try {
                Files.deleteIfExists(folder);
            } catch (IOException | RuntimeException inUse) {
                return;
            }
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
