package org.dmflab.core.train;

class MatrixSolverTest extends SolverCheck {
    @Override
    String solver() {
        return "matrix";
    }
}
