package org.dmflab.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.dmflab.core.linalg.RandomMatrices;
import org.dmflab.core.train.DenseKernel;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * C = A·B for n×n matrices: EJML's CommonOps_DDRM.mult against the Java DenseKernel with one and two threads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KernelBenchmark {
    @Param({"32", "64", "100", "200"})
    public int n;

    private DMatrixRMaj a;
    private DMatrixRMaj b;
    private DMatrixRMaj c;
    private double[][] aRows;
    private double[][] bRows;
    private double[][] cRows;
    private DenseKernel single;
    private DenseKernel twoThreads;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(1);
        a = RandomMatrices.gaussian(n, n, 1, random);
        b = RandomMatrices.gaussian(n, n, 1, random);
        c = new DMatrixRMaj(n, n);
        aRows = DenseKernel.rows(a);
        bRows = DenseKernel.rows(b);
        cRows = new double[n][n];
        single = DenseKernel.singleThreaded();
        twoThreads = DenseKernel.withParallelThreshold(2);
    }

    @Benchmark
    public DMatrixRMaj ejml() {
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }

    @Benchmark
    public double[][] kernelOneThread() {
        single.multiply(aRows, bRows, cRows, n, n, n);
        return cRows;
    }

    @Benchmark
    public double[][] kernelTwoThreads() {
        twoThreads.multiply(aRows, bRows, cRows, n, n, n);
        return cRows;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        single.close();
        twoThreads.close();
    }
}
