package org.dmflab.core.train;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.dmflab.core.linalg.NativeBlas;
import org.junit.jupiter.api.BeforeAll;

/**
 * OpenBLAS with every product and sensing pass split over two threads regardless of size (the hardest case for the
 * split); skipped, with the loader's reason, where no OpenBLAS platform jar loads. One thread without splits is
 * {@link BlasOneThreadArithmeticTest}.
 */
class BlasSplitArithmeticTest extends StepArithmeticCheck {
    @BeforeAll
    static void nativeBlasLoads() {
        assumeTrue(NativeBlas.failure().isEmpty(), () -> "OpenBLAS did not load here: " + NativeBlas.failure().orElse(""));
    }

    @Override
    StepArithmetic create(int size) {
        return BlasArithmetic.forThresholds(true);
    }
}
