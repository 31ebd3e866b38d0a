package org.dmflab.core.linalg;

/**
 * Every size threshold of the numerical kernels in one place, as ojAlgo keeps its: when native code takes over, when a
 * product is split over two threads, how the Java kernel blocks its loops. Each cites the benchmark (under
 * {@code bench/}) whose measurement set it, or says why it is a design choice rather than a measurement. Results never
 * depend on them: every split computes each element with the same operations in the same order.
 */
public final class KernelThresholds {
    /**
     * Largest dimension from which OpenBLAS (and LAPACK) runs instead of the Java kernel and EJML. Measured with
     * {@code bench/side_by_side.py}'s {@code SideBySide} (bench/src/main/java/org/dmflab/bench/SideBySide.java; N = 3,
     * full loss, steps/s, Java one thread vs OpenBLAS one thread, 0.4 s after 0.4 s warm-up, two interleaved rounds,
     * load 10.5–10.8 on 2 cores): n = 10: 44k/69k vs 273k/94k, 16: 1.9k/2.6k vs 157k/212k, 20: 11k/32k vs 111k/112k,
     * 32: 18k/10k vs 41k/40k, 50: 0.4k/0.6k vs 13k/10k. Under load the Java kernel waits for the JIT (C2 compiles its
     * vectorised loops late), OpenBLAS does not; on a quiet machine the Java kernel ran 415k at n = 10 and 99k at
     * n = 20, so it keeps the smallest sizes. The decompositions and products of {@link Lapack} use the same threshold:
     * below it a call's fixed cost (copies through JavaCPP) is of the order of EJML's whole work.
     */
    public static final int NATIVE_FROM = 16;

    /**
     * OpenBLAS: rows of a product from which it is split in two (and run on two threads when there are two
     * processors). From bench {@code TwoThreadThreshold} (bench/src/main/java/org/dmflab/bench/TwoThreadThreshold.java)
     * on the quiet 2-core VM, {@code bench/two-thread-threshold-2026-12-02.txt} (only the benchmark running, load
     * 1.0–1.5; N = 3 full-loss steps/s, two threads split / one unsplit): n = 16–32: 0.29–0.63×, 48: 1.13×, 64: 0.59×,
     * 96: 1.36×, 128: 1.09×, 192–1000: 1.46–1.85×. Two threads win at 96 and every larger size measured; a product of
     * 96 rows takes ≈ 45 µs.
     */
    public static final int BLAS_TWO_THREADS_FROM = 96;

    /**
     * OpenBLAS: operator entries (M·mn) from which both sensing passes are split in two. From the same quiet
     * {@code TwoThreadThreshold} run, {@code bench/two-thread-threshold-2026-12-02.txt} (N = 3 sensing, M = 4n capped at
     * 2·10⁷ entries): 16 384 entries (n = 16): 0.29×, 55 296 (n = 24): 0.45×, 131 072 (n = 32): 1.18×, 442 368
     * (n = 48): 1.18×, then 1.25–1.86× up to n = 1000. So 2¹⁷ entries (1 MB of operators), the smallest measured size
     * from which two threads win everywhere.
     */
    public static final long BLAS_SENSING_TWO_THREADS_FROM = 1L << 17;

    /**
     * OpenBLAS: the cache budget of the fused sensing pass, in doubles: a block of rows of A and G together (768 kB,
     * three quarters of a Zen 4 core's 1 MB L2). Not measured but derived from the cache size: when at least two rows
     * of A fit beside G (mn ≤ 32 768, e.g. n ≤ 181), each block of A is read from memory once for rᵢ = ⟨Aᵢ, W⟩ − yᵢ and
     * again from the cache for G += A_Bᵀ r_B, so the step streams the operators once instead of twice (the sensing step
     * is memory-bound). Larger operators take the two separate passes, whose BLAS kernels read G once per several rows.
     */
    public static final int BLAS_SENSING_BLOCK_DOUBLES = 96 * 1024;

    /**
     * Java kernel: row count from which products are split between two threads. Measured with
     * {@code bench/side_by_side.py} ({@code -Ddmflab.blas=java}, N = 3, full loss; docs/development.md, table 1): two threads only
     * pay once a product takes milliseconds, well above the sizes the Java kernel runs when OpenBLAS is present.
     */
    public static final int JAVA_TWO_THREADS_FROM = 160;

    /**
     * Java kernel: columns of C (and B) processed per block. Not measured: keeps a block of B's rows within the L2
     * cache for the largest sizes the Java kernel runs (OpenBLAS takes over from {@link #NATIVE_FROM} where it loads).
     */
    public static final int JAVA_COLUMN_BLOCK = 512;

    /**
     * Java kernel: column counts from {@code JAVA_ONE_ROW_MIN_COLUMNS} to {@link #JAVA_ONE_ROW_MAX_COLUMNS} for which
     * one output row at a time is faster: C2 vectorises the one-row loop (a single store per iteration) but not the
     * two-row loop, while from about 80 columns the two-row loop's halved B traffic wins. Both paths evaluate every
     * element with the same expression, so results are bit-identical. Measured with {@code MatrixStepBenchmark}
     * (bench/src/main/java/org/dmflab/bench/MatrixStepBenchmark.java; N = 3, steps/s, one-row vs two-row): n = 10 267k
     * vs 408k, 20 124k vs 68k, 32 38k vs 25k, 50 11.1k vs 7.4k, 64 6.8k vs 3.7k, 80 3.1k vs 4.6k, 100 1.5k vs 2.5k.
     */
    public static final int JAVA_ONE_ROW_MIN_COLUMNS = 16;
    /** See {@link #JAVA_ONE_ROW_MIN_COLUMNS}. */
    public static final int JAVA_ONE_ROW_MAX_COLUMNS = 72;

    /**
     * Both kernels: how long the second thread spins for the next product before it parks. Not measured but set by
     * the orders of magnitude: longer than the gaps between the products of a step (the element-wise work between them
     * is O(n²), microseconds), far shorter than a scheduler time slice.
     */
    public static final long WORKER_SPIN_NANOS = 200_000;

    /**
     * Matrix solver: the size of one product (flops, largest dimension cubed) from which the run's cancel check also
     * runs between the products of a step. Not measured: about a millisecond of work, so that a cancel is seen within
     * the 100 ms budget however large the matrices.
     */
    public static final long CANCEL_BETWEEN_PRODUCTS_FLOPS = 5_000_000L;

    private KernelThresholds() {
    }
}
