package org.dmflab.core.train;

import org.dmflab.core.linalg.StepArithmetic;

/** The pure-Java arithmetic splitting every product of two rows or more between two threads. */
class JavaTwoThreadsArithmeticTest extends StepArithmeticCheck {
    @Override
    StepArithmetic create(int size) {
        return JavaArithmetic.with(DenseKernel.withParallelThreshold(2), size);
    }
}
