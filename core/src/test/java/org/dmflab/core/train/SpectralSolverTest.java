package org.dmflab.core.train;

class SpectralSolverTest extends SolverCheck {
    @Override
    String solver() {
        return "spectral";
    }
}
