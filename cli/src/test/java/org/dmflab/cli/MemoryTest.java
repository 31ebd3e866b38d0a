package org.dmflab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dmflab.core.MemoryBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory before work, in real processes with a small heap: a matrix or table file too large for the heap, and a shape
 * whose factors cannot fit, are refused at once with the numbers and the {@code -Xmx} to use — exit 2, one line, no
 * stack trace, nothing written.
 */
class MemoryTest {

    @TempDir
    Path dir;

    private static void assertRefusedInOneLine(CliProcess run, String start) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).startsWith(start).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    /** A file of {@code rows} lines after {@code header}, each {@code line}. */
    private Path file(String name, String header, String line, int rows) throws IOException {
        Path path = dir.resolve(name);
        try (BufferedWriter out = Files.newBufferedWriter(path)) {
            out.write(header);
            for (int r = 0; r < rows; r++) {
                out.write(line);
            }
        }
        return path;
    }

    @Test
    void aMatrixLargerThanTheHeapAllowsIsRefusedBeforeItIsRead() throws Exception {
        StringBuilder header = new StringBuilder("c1");
        StringBuilder zeros = new StringBuilder("0");
        for (int c = 2; c <= 2000; c++) {
            header.append(",c").append(c);
            zeros.append(",0");
        }
        Path matrix = file("big.csv", header + "\n", zeros + "\r\n", 2000);
        CliProcess run = CliProcess.run(dir, Map.of(), List.of("-Xmx48m"), "train", "--target", "big.csv", "--out",
                "run");
        // 2000 × 2000 entries × 8 bytes = 30.5 MB, more than half of a 48 MB heap
        assertRefusedInOneLine(run, "dmflab train: big.csv: the 2000×2000 matrix in this file needs about 30.5 MB of "
                + "memory, but this Java process may use only ");
        assertThat(run.err()).contains("give Java more memory: java -Xmx1g -jar dmflab.jar …, or -Xmx1g in knime.ini");
        assertThat(matrix).exists();
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void aTableLargerThanTheHeapAllowsIsRefusedBeforeItIsRead() throws Exception {
        long size = Files.size(file("trace.csv", "iteration,loss\n", "1,0.123456789\n", 600_000));
        CliProcess run = CliProcess.run(dir, Map.of(), List.of("-Xmx48m"), "track", "--trace", "trace.csv", "--out",
                "t");
        assertRefusedInOneLine(run, "dmflab track: trace.csv: reading this " + MemoryBudget.human(size) + " table "
                + "(about 5 bytes of memory per byte of file while its cells are typed) needs about "
                + MemoryBudget.human(5 * size) + " of memory, but this Java process may use only ");
    }

    @Test
    void shapesWhoseFactorsCannotFitAreRefusedAtOnce() throws Exception {
        Files.writeString(dir.resolve("o.csv"), "row,column,value\n1,1,0.5\n");
        CliProcess huge = CliProcess.run(dir, "train", "--loss", "completion", "--shape", "100000x100000",
                "--observations", "o.csv", "--out", "run");
        assertRefusedInOneLine(huge, "dmflab train: --shape: a 100000×100000 matrix has 10000000000 entries, more "
                + "than the 2147483639 one dense matrix can hold");
        CliProcess large = CliProcess.run(dir, "train", "--loss", "completion", "--shape", "20000x20000",
                "--observations", "o.csv", "--out", "run");
        // 8 · (2·3 + 6) · 20000² bytes = 35.8 GB
        assertRefusedInOneLine(large, "dmflab train: --shape: training a 20000×20000 matrix with 3 factors of up to "
                + "20000×20000 (with their products and workspaces) needs about 35.8 GB of memory");
        assertThat(large.err()).contains("give Java more memory (-Xmx79g)");
        assertThat(dir.resolve("run")).doesNotExist();
    }
}
