package org.dmflab.core.train;

import org.dmflab.core.linalg.StepArithmetic;

/** The pure-Java arithmetic on one thread. */
class JavaOneThreadArithmeticTest extends StepArithmeticCheck {
    @Override
    StepArithmetic create(int size) {
        return JavaArithmetic.with(DenseKernel.singleThreaded(), size);
    }
}
