package org.dmflab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.dmflab.core.Progress;
import org.dmflab.core.csv.CsvMatrixReader;
import org.dmflab.core.csv.CsvTableWriter;
import org.dmflab.core.table.MatrixTables;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading and writing an n×n matrix CSV the way every command does: {@code write} = matrix table + CSV writer (what
 * generate and train do for matrix.csv / product.csv), {@code read} = the strict matrix reader (train --target,
 * generate --input, …). Entries are Gaussian (≈ 19–20 characters each in Double.toString form), so the file of n =
 * 2000 is ≈ 80 MB. MB/s = file size / time; the file size is printed at setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class CsvBenchmark {
    @Param({"2000"})
    public int n;

    private DMatrixRMaj matrix;
    private Path readFile;
    private Path writeFile;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        matrix = new DMatrixRMaj(n, n);
        Random random = new Random(1);
        for (int k = 0; k < matrix.data.length; k++) {
            matrix.data[k] = random.nextGaussian();
        }
        readFile = Files.createTempFile("dmflab-bench-read", ".csv");
        writeFile = Files.createTempFile("dmflab-bench-write", ".csv");
        CsvTableWriter.write(MatrixTables.toTable(matrix), readFile, Progress.NONE);
        System.out.printf("%n# file size %.1f MB (%d bytes)%n", Files.size(readFile) / 1e6, Files.size(readFile));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(readFile);
        Files.deleteIfExists(writeFile);
    }

    @Benchmark
    public long write() throws IOException {
        CsvTableWriter.write(MatrixTables.toTable(matrix), writeFile, Progress.NONE);
        return Files.size(writeFile);
    }

    @Benchmark
    public DMatrixRMaj read() {
        return CsvMatrixReader.read(readFile, Progress.NONE);
    }
}
