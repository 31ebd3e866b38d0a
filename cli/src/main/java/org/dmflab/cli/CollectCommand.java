package org.dmflab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dmflab.cli.io.SweepDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dmflab collect SWEEP [PART…]}: merges the shards of a sweep. The points of each PART (another folder of the
 * same sweep, e.g. written on another machine) that SWEEP lacks are copied into it; then, with every point there,
 * SWEEP gets the table and charts an unsharded {@code dmflab sweep} writes, byte for byte.
 */
@Command(name = "collect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Merge the shards of a sweep (dmflab sweep --shard I/K): copy the points of each PART into "
                + "SWEEP, then write sweep.csv and the charts, as an unsharded sweep writes them."})
final class CollectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP", description = "The sweep's folder (shards on a shared file "
            + "system all write into it).")
    Path sweep;

    @Parameters(index = "1..*", paramLabel = "PART", description = "Folders of the same sweep written elsewhere.")
    List<Path> parts = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        SweepDirectory folder = SweepDirectory.existing(sweep);
        for (Path part : parts) {
            int copied = folder.takeFrom(SweepDirectory.existing(part), SweepCommand.COMMAND, DmfLab.VERSION,
                    name -> { });
            spec.commandLine().getErr().printf(Locale.ROOT, "collect: %d points from %s%n", copied, part);
        }
        SweepCommand.collect(folder, spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
