package org.dmflab.core.linalg;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether OpenBLAS (through {@code org.bytedeco:openblas}, whose platform jars on Maven Central carry the native
 * library) can be used in this JVM, loaded once — the one loader of native code in the engine, used by the matrix
 * solver's arithmetic and by {@link Lapack}. Loading fails softly — no platform jar for this OS/CPU, a blocked
 * native-library extraction, or the classes missing altogether (the KNIME bundle imports them optionally) — and the
 * pure-Java code (the matrix solver's DenseKernel, EJML's decompositions) runs instead, which gives the same results
 * within rounding (BlasArithmeticTest, LapackTest).
 *
 * <p>OpenBLAS is switched to one thread at load: its own threading changes the last bits of a product with the thread
 * count (measured: n ≥ 100, 1 vs 2 threads), which would break "same settings, same machine → same bytes" whenever the
 * count differs between runs. Both cores are used instead by the matrix solver's RowSplit, whose split depends only on
 * the shape.
 *
 * <p>The system property {@value #PROPERTY} = {@code java} switches native code off (for comparisons and for machines
 * where native code is unwanted).
 */
public final class NativeBlas {
    /** {@code -Ddmflab.blas=java} forces the pure-Java code. */
    public static final String PROPERTY = "dmflab.blas";


    private static final Optional<String> FAILURE = load();

    private NativeBlas() {
    }

    /** Whether native BLAS is loaded and allowed. */
    public static boolean available() {
        return FAILURE.isEmpty() && !"java".equals(System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT));
    }

    /** Whether native code runs for a problem whose largest dimension is {@code size}: from {@link
     * KernelThresholds#NATIVE_FROM} on. */
    public static boolean usedFor(int size) {
        return size >= KernelThresholds.NATIVE_FROM && available();
    }

    /** Why native BLAS is not loaded (empty when it is). */
    public static Optional<String> failure() {
        return FAILURE;
    }

    private static Optional<String> load() {
        try {
            org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas.class);
            org.bytedeco.openblas.global.openblas.blas_set_num_threads(1);
            return Optional.empty();
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError, SecurityException, ...
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
