package org.dmflab.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.dmflab.cli.io.OutputDirectory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --overwrite} switch every command with {@code --out} shares (design.md §4). */
final class OutputOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--overwrite", description = "Replace a previous DMF Lab output in --out as a whole, once the new "
            + "output is complete. Only a folder DMF Lab wrote (marked by its .dmflab-output file) holding nothing "
            + "else is replaced; never the working directory, the home directory or a folder holding an input.")
    boolean overwrite;

    /**
     * Checks {@code out} and prepares its staging directory, before the run starts.
     *
     * @param inputs the run's input files (null for an absent option): no folder holding one is accepted as output
     */
    OutputDirectory open(Path out, Path... inputs) {
        return OutputDirectory.open(out, overwrite, command.qualifiedName(), DmfLab.VERSION,
                Arrays.stream(inputs).filter(Objects::nonNull).toList());
    }
}
