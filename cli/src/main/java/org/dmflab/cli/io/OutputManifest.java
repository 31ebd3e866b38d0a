package org.dmflab.cli.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mark of a folder DMF Lab wrote (design.md §4): a small text file {@value #NAME} naming the command, the version
 * and the files it wrote. {@code --overwrite} replaces a folder only while it carries this mark and holds nothing but
 * the files listed in it, so a user's own folder, or a file a user added to an output, is never deleted.
 *
 * @param command the command line that wrote the folder, e.g. {@code dmflab train}
 * @param version the version that wrote it, e.g. {@code dmflab 0.1.0}
 * @param files   the names of the files written (the manifest itself not included)
 * @param interrupted empty for a finished run; for a run stopped by Ctrl-C, where it stopped (e.g. {@code at iteration
 *                    1200 of 20000}): its files hold what was computed up to there
 */
public record OutputManifest(String command, String version, List<String> files, String interrupted) {
    /** The file name of the manifest inside an output folder. */
    public static final String NAME = ".dmflab-output";
    private static final String HEADER = "# Written by DMF Lab. dmflab --overwrite replaces this folder only while it "
            + "holds nothing but the files listed here.";

    public OutputManifest {
        files = List.copyOf(files);
    }

    /** The manifest of a finished run. */
    public OutputManifest(String command, String version, List<String> files) {
        this(command, version, files, "");
    }

    /**
     * Where the run that wrote {@code directory} was interrupted, if it was (empty for a finished run and for a folder
     * DMF Lab did not write).
     */
    public static Optional<String> interruption(Path directory) {
        return readFrom(directory).map(OutputManifest::interrupted).filter(where -> !where.isEmpty());
    }

    /** Writes the manifest into {@code directory}. */
    public void writeTo(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add("command: " + command);
        lines.add("version: " + version);
        if (!interrupted.isEmpty()) {
            lines.add("interrupted: " + interrupted);
        }
        files.forEach(file -> lines.add("file: " + file));
        Files.write(directory.resolve(NAME), lines, StandardCharsets.UTF_8);
    }

    /** The manifest in {@code directory}, if it carries one that reads. */
    public static Optional<OutputManifest> readFrom(Path directory) {
        Path file = directory.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String command = null;
            String version = null;
            List<String> files = new ArrayList<>();
            String interrupted = "";
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("command: ")) {
                    command = line.substring("command: ".length());
                } else if (line.startsWith("version: ")) {
                    version = line.substring("version: ".length());
                } else if (line.startsWith("interrupted: ")) {
                    interrupted = line.substring("interrupted: ".length());
                } else if (line.startsWith("file: ")) {
                    files.add(line.substring("file: ".length()));
                }
            }
            return command == null || version == null ? Optional.empty()
                    : Optional.of(new OutputManifest(command, version, files, interrupted));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
