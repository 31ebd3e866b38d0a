package org.dmflab.core.train;

/** OpenBLAS on one thread, no operation split. */
class BlasOneThreadArithmeticTest extends BlasArithmeticCheck {
    @Override
    StepArithmetic create(int size) {
        return BlasArithmetic.forThresholds(false);
    }
}
