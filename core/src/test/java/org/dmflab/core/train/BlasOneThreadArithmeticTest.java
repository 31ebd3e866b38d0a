package org.dmflab.core.train;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.dmflab.core.linalg.NativeBlas;
import org.junit.jupiter.api.BeforeAll;

/** OpenBLAS on one thread, no operation split; skipped where no OpenBLAS platform jar loads. */
class BlasOneThreadArithmeticTest extends StepArithmeticCheck {
    @BeforeAll
    static void nativeBlasLoads() {
        assumeTrue(NativeBlas.failure().isEmpty(), () -> "OpenBLAS did not load here: " + NativeBlas.failure().orElse(""));
    }

    @Override
    StepArithmetic create(int size) {
        return BlasArithmetic.forThresholds(false);
    }
}
