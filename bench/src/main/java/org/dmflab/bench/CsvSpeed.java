package org.dmflab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.dmflab.core.Progress;
import org.dmflab.core.csv.CsvMatrixReader;
import org.dmflab.core.csv.CsvTableWriter;
import org.dmflab.core.table.MatrixTables;
import org.ejml.data.DMatrixRMaj;

/**
 * The CSV speed of {@link CsvBenchmark} as a plain main that also reports the thread's CPU time, so that a measurement
 * on a shared, loaded machine still says what one core does: {@code java -cp bench/target/dmflab-bench.jar
 * org.dmflab.bench.CsvSpeed [n] [rounds]}. Prints, per direction, the median wall time and CPU time of the rounds after
 * two warm-up rounds, and MB/s (10⁶ bytes) for both.
 */
public final class CsvSpeed {
    private CsvSpeed() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        DMatrixRMaj matrix = new DMatrixRMaj(n, n);
        Random random = new Random(1);
        for (int k = 0; k < matrix.data.length; k++) {
            matrix.data[k] = random.nextGaussian();
        }
        Path file = Files.createTempFile("dmflab-csv-speed", ".csv");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try {
            double[][] write = new double[2][rounds];
            double[][] read = new double[2][rounds];
            for (int round = -2; round < rounds; round++) {
                long wall = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                CsvTableWriter.write(MatrixTables.toTable(matrix), file, Progress.NONE);
                record(write, round, wall, cpu, threads);
                wall = System.nanoTime();
                cpu = threads.getCurrentThreadCpuTime();
                DMatrixRMaj back = CsvMatrixReader.read(file, Progress.NONE);
                record(read, round, wall, cpu, threads);
                if (back.get(n - 1, n - 1) != matrix.get(n - 1, n - 1)) {
                    throw new AssertionError("round trip changed a value");
                }
            }
            double megabytes = Files.size(file) / 1e6;
            System.out.printf(Locale.ROOT, "%d×%d matrix, %.1f MB, median of %d rounds, %s%n", n, n, megabytes, rounds,
                    Runtime.version());
            print("write", write, megabytes);
            print("read ", read, megabytes);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void record(double[][] seconds, int round, long wall, long cpu, ThreadMXBean threads) {
        if (round >= 0) {
            seconds[0][round] = (System.nanoTime() - wall) / 1e9;
            seconds[1][round] = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        }
    }

    private static void print(String what, double[][] seconds, double megabytes) {
        double wall = median(seconds[0]);
        double cpu = median(seconds[1]);
        System.out.printf(Locale.ROOT, "%s: %.2f s wall (%.0f MB/s), %.2f s CPU of the thread (%.0f MB/s)%n", what,
                wall, megabytes / wall, cpu, megabytes / cpu);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
