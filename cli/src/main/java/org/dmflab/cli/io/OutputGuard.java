package org.dmflab.cli.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dmflab.core.InvalidInputException;

/**
 * What {@code --out} may be, checked on real paths (symbolic links resolved) before anything is created (design.md
 * §4): never the working directory or a folder above it, never the home directory, never a folder holding one of the
 * run's inputs; and an existing non-empty folder is replaced only when DMF Lab wrote it ({@link OutputManifest}), it
 * holds nothing else, and this user can delete what is in it.
 */
final class OutputGuard {
    private static final String KEY = "out";

    private OutputGuard() {
    }

    /**
     * The real location of {@code absolute}: the real path of its deepest existing ancestor with the rest appended, so
     * a symbolic link anywhere on the way is followed to where the files would go.
     */
    static Path realLocation(Path absolute) {
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            throw new InvalidInputException(KEY, absolute + " cannot be resolved (" + e.getMessage() + "); choose "
                    + "another directory");
        }
    }

    /** Refuses the working directory and its ancestors, the home directory, and folders holding an input. */
    static void checkNotProtected(Path real, Path workingDirectory, Path home, List<Path> inputs) {
        Path cwd = realLocation(workingDirectory.toAbsolutePath().normalize());
        if (cwd.startsWith(real)) {
            throw new InvalidInputException(KEY, real + (cwd.equals(real) ? " is the working directory" : " holds "
                    + "the working directory " + cwd) + "; DMF Lab fills or replaces a whole folder, so give a new "
                    + "folder for the output, e.g. --out results");
        }
        if (realLocation(home.toAbsolutePath().normalize()).equals(real)) {
            throw new InvalidInputException(KEY, real + " is your home directory; give a new folder for the output, "
                    + "e.g. --out " + real.resolve("dmflab-results"));
        }
        for (Path input : inputs) {
            Path absolute = input.toAbsolutePath().normalize();
            if (absolute.startsWith(real) || realLocation(absolute).startsWith(real)) {
                throw new InvalidInputException(KEY, real + " holds this run's input " + input + ", which must "
                        + "survive the run; give another folder for the output");
            }
        }
    }

    /**
     * Checks that the non-empty folder {@code real} is a previous DMF Lab output holding only the files it lists, and
     * that this user may delete them.
     */
    static void checkReplaceable(Path real, List<String> entries) {
        Optional<OutputManifest> manifest = OutputManifest.readFrom(real);
        if (manifest.isEmpty()) {
            throw new InvalidInputException(KEY, real + " was not written by DMF Lab (it has no "
                    + OutputManifest.NAME + "), so --overwrite will not empty it; give a new folder, or move its "
                    + "contents away yourself");
        }
        for (String entry : entries) {
            if (!entry.equals(OutputManifest.NAME) && !manifest.get().files().contains(entry)) {
                throw new InvalidInputException(KEY, real + " holds " + entry + ", which DMF Lab did not write "
                        + "there, so --overwrite will not delete it; move it away or give a new folder");
            }
        }
        checkDeletable(real, real);
        for (String entry : entries) {
            checkDeletable(real, real.resolve(entry));
        }
    }

    private static void checkDeletable(Path output, Path path) {
        boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        if (!Files.isWritable(path) || directory && !Files.isExecutable(path)) {
            throw new InvalidInputException(KEY, "the old output " + output + " cannot be replaced: "
                    + (path.equals(output) ? "the folder" : path.getFileName()) + " is not writable for this user "
                    + "(permissions, an immutable file or a read-only mount); fix that, or give a new folder");
        }
    }
}
