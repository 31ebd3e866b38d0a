package org.dmflab.core.train;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.dmflab.core.linalg.NativeBlas;
import org.junit.jupiter.api.BeforeAll;

/** OpenBLAS as the trainer runs it on two threads: split from the measured thresholds on; skipped without OpenBLAS. */
class BlasTwoThreadsArithmeticTest extends StepArithmeticCheck {
    @BeforeAll
    static void nativeBlasLoads() {
        assumeTrue(NativeBlas.failure().isEmpty(), () -> "OpenBLAS did not load here: " + NativeBlas.failure().orElse(""));
    }

    @Override
    StepArithmetic create(int size) {
        return BlasArithmetic.withThreads(2);
    }
}
