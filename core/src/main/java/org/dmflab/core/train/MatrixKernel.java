package org.dmflab.core.train;

import org.dmflab.core.linalg.KernelThresholds;
import org.dmflab.core.linalg.NativeBlas;
import org.dmflab.core.linalg.StepArithmetic;

/**
 * Which arithmetic the matrix solver runs (see {@link StepArithmetic}): {@link #AUTO}, the trainer's choice by size, or
 * one fixed kernel and thread count for benchmarks and tuning. Results do not depend on the thread count; Java and
 * OpenBLAS agree within rounding.
 */
public enum MatrixKernel {
    /** OpenBLAS from {@link KernelThresholds#NATIVE_FROM} on when it loads, two threads above the measured
     * thresholds. */
    AUTO,
    JAVA_ONE_THREAD,
    JAVA_TWO_THREADS,
    BLAS_ONE_THREAD,
    BLAS_TWO_THREADS,
    /** OpenBLAS on one thread with no operation split: the reference of bench {@code TwoThreadThreshold}. */
    BLAS_UNSPLIT,
    /** OpenBLAS with every product and sensing pass split in two, on two threads (bench {@code TwoThreadThreshold}). */
    BLAS_SPLIT_TWO_THREADS;

    /** Whether OpenBLAS loaded in this JVM (and is not switched off by {@code -Ddmflab.blas=java}). */
    public static boolean blasAvailable() {
        return NativeBlas.available();
    }

    /**
     * The kernel {@link #AUTO} runs the products on for a problem whose largest dimension is {@code size}:
     * {@code "openblas"} or {@code "java"} (the choice {@link #AUTO} makes). Lets the KNIME node and
     * the command line tell the user which kernel ran.
     */
    public static String autoKernelName(int size) {
        return autoUsesBlas(size) ? "openblas" : "java";
    }

    /** Whether {@link #AUTO} runs OpenBLAS at this size: from {@link KernelThresholds#NATIVE_FROM} on, when it loads.
     * */
    static boolean autoUsesBlas(int size) {
        return NativeBlas.usedFor(size);
    }

    StepArithmetic arithmetic(int size) {
        return switch (this) {
            case AUTO -> autoUsesBlas(size) ? BlasArithmetic.forSize(size) : JavaArithmetic.forSize(size);
            case JAVA_ONE_THREAD -> JavaArithmetic.with(DenseKernel.singleThreaded(), size);
            case JAVA_TWO_THREADS -> JavaArithmetic.with(DenseKernel.withParallelThreshold(2), size);
            case BLAS_ONE_THREAD -> BlasArithmetic.withThreads(1);
            case BLAS_TWO_THREADS -> BlasArithmetic.withThreads(2);
            case BLAS_UNSPLIT -> BlasArithmetic.forThresholds(false);
            case BLAS_SPLIT_TWO_THREADS -> BlasArithmetic.forThresholds(true);
        };
    }
}
