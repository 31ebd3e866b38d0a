package org.dmflab.core.train;

import org.dmflab.core.linalg.StepArithmetic;

/** OpenBLAS with every product and sensing pass split over two threads regardless of size (the split's hardest case). */
class BlasSplitArithmeticTest extends BlasArithmeticCheck {
    @Override
    StepArithmetic create(int size) {
        return BlasArithmetic.forThresholds(true);
    }
}
