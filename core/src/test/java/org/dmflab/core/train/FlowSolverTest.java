package org.dmflab.core.train;

class FlowSolverTest extends SolverCheck {
    @Override
    String solver() {
        return "flow";
    }
}
