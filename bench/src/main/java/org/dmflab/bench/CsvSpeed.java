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
 * on a shared, loaded machine still says what the work costs: {@code java -cp bench/target/dmflab-bench.jar
 * org.dmflab.bench.CsvSpeed [n] [rounds]}. Prints, per direction, the median of the rounds after two warm-up rounds of
 * the wall time, the CPU time of the thread, and the CPU time of the whole process (the thread plus garbage
 * collection and compilation), each with MB/s (10⁶ bytes).
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
            double[][] write = new double[3][rounds];
            double[][] read = new double[3][rounds];
            for (int round = -2; round < rounds; round++) {
                long wall = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                long process = processCpu();
                CsvTableWriter.write(MatrixTables.toTable(matrix), file, Progress.NONE);
                record(write, round, wall, cpu, process, threads);
                wall = System.nanoTime();
                cpu = threads.getCurrentThreadCpuTime();
                process = processCpu();
                DMatrixRMaj back = CsvMatrixReader.read(file, Progress.NONE);
                record(read, round, wall, cpu, process, threads);
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

    private static void record(double[][] seconds, int round, long wall, long cpu, long process,
                               ThreadMXBean threads) {
        if (round >= 0) {
            seconds[0][round] = (System.nanoTime() - wall) / 1e9;
            seconds[1][round] = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            seconds[2][round] = (processCpu() - process) / 1e9;
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void print(String what, double[][] seconds, double megabytes) {
        double wall = median(seconds[0]);
        double cpu = median(seconds[1]);
        double process = median(seconds[2]);
        System.out.printf(Locale.ROOT, "%s: %.2f s wall (%.0f MB/s), %.2f s CPU of the thread (%.0f MB/s), %.2f s CPU "
                + "of the process (%.0f MB/s)%n", what, wall, megabytes / wall, cpu, megabytes / cpu, process,
                megabytes / process);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
