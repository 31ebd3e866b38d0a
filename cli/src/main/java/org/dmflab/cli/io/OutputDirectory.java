package org.dmflab.cli.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.dmflab.core.InvalidInputException;

/**
 * Writes a command's outputs all or nothing: files go to a hidden staging directory next to {@code --out}, and only when
 * every file is complete are they moved into place (a whole-directory rename when {@code --out} does not exist yet,
 * otherwise one atomic move per file). An interrupted or failed run leaves {@code --out} as it was.
 */
public final class OutputDirectory implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private final Thread cleanupOnExit;
    private boolean committed;

    private OutputDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
        // Ctrl-C ends the JVM without unwinding: remove the staged files then, too
        this.cleanupOnExit = new Thread(this::deleteStaging, "dmflab-output-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    /** Prepares a staging directory for {@code target}. */
    public static OutputDirectory open(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new InvalidInputException("out", absolute + " exists and is not a directory; choose a directory");
        }
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".partial-");
            return new OutputDirectory(absolute, staging);
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

    /** Moves every staged file into the output directory. */
    public synchronized void commit() throws IOException {
        if (!Files.exists(target)) {
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                committed = true;
                return;
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                // fall through to per-file moves
            }
        }
        Files.createDirectories(target);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
            for (Path file : files) {
                Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.delete(staging);
        committed = true;
    }

    /** Removes the staging directory if the outputs were not committed. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        deleteStaging();
    }

    private synchronized void deleteStaging() {
        if (committed || !Files.exists(staging)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(staging)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
