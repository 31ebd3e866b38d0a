package org.dmflab.core.train;

import org.dmflab.core.linalg.StepArithmetic;

/** OpenBLAS on one thread, no operation split. */
class BlasOneThreadArithmeticTest extends BlasArithmeticCheck {
    @Override
    StepArithmetic create(int size) {
        return BlasArithmetic.forThresholds(false);
    }
}
