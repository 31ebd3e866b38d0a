package org.dmflab.cli;

import java.nio.file.Path;
import org.dmflab.cli.io.OutputDirectory;
import picocli.CommandLine.Option;

/** The {@code --overwrite} switch every command with {@code --out} shares (design.md §4). */
final class OutputOptions {
    @Option(names = "--overwrite", description = "Replace an existing non-empty --out directory as a whole, once the "
            + "new output is complete (without it, such a directory is refused).")
    boolean overwrite;

    /** Checks {@code out} and prepares its staging directory, before the run starts. */
    OutputDirectory open(Path out) {
        return OutputDirectory.open(out, overwrite);
    }
}
