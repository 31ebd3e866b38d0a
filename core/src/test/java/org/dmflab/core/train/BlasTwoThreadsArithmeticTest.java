package org.dmflab.core.train;

import org.dmflab.core.linalg.StepArithmetic;

/** OpenBLAS as the trainer runs it on two threads: split from the measured thresholds on. */
class BlasTwoThreadsArithmeticTest extends BlasArithmeticCheck {
    @Override
    StepArithmetic create(int size) {
        return BlasArithmetic.withThreads(2);
    }
}
