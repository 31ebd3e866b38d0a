package org.dmflab.core.dynamics;

import org.dmflab.core.Checks;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.settings.Setting;
import org.ejml.data.DMatrixRMaj;

/** Every factor starts at αI (docs/theory.md §1.4, (7)). */
public record Identity(double alpha) implements Start {
    static final String ALPHA = "alpha";
    static final double DEFAULT_ALPHA = 0.02;
    /** The scale α, read by the identity and the perturbed start. */
    static final Setting ALPHA_SETTING = Setting.number(ALPHA, "Scale α", DEFAULT_ALPHA, Double.MIN_VALUE,
            Double.MAX_VALUE, "> 0").help("Initialization scale α: every factor starts at αI.");

    public Identity {
        requireScale(alpha);
    }

    static Identity read(RawSettings settings) {
        return new Identity(settings.number(ALPHA, DEFAULT_ALPHA));
    }

    @Override
    public Initialization init() {
        return Initialization.IDENTITY;
    }

    @Override
    public DMatrixRMaj[] initialFactors(int[] rows, int[] cols) {
        return Start.diagonalFactors(rows, cols, j -> alpha);
    }

    @Override
    public double stepScale(int depth, int m, int n, int width) {
        return alpha;
    }

    @Override
    public String stepBoundName(int depth) {
        return "(10′)";
    }

    /** The check of α, shared with the perturbed start. */
    static void requireScale(double alpha) {
        Checks.positive(ALPHA, alpha, "the initialization scale α", "e.g. alpha=0.02");
    }
}
