package org.dmflab.core.train;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.dmflab.core.linalg.NativeBlas;
import org.junit.jupiter.api.BeforeAll;

/** {@link StepArithmeticCheck} for the OpenBLAS arithmetics: skipped, with the loader's reason, where OpenBLAS does not load. */
abstract class BlasArithmeticCheck extends StepArithmeticCheck {
    @BeforeAll
    static void nativeBlasLoads() {
        assumeTrue(NativeBlas.failure().isEmpty(), () -> "OpenBLAS did not load here: " + NativeBlas.failure().orElse(""));
    }
}
