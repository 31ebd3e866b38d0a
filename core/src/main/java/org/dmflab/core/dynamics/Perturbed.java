package org.dmflab.core.dynamics;

import org.dmflab.core.InvalidInputException;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.settings.Setting;
import org.ejml.data.DMatrixRMaj;

/** The first factor starts at βI, the others at αI, 0 &lt; β &lt; α (docs/theory.md §1.5, (13)). */
public record Perturbed(double alpha, double beta) implements Start {
    static final String BETA = "beta";
    /** The scale β of the perturbed factor; empty means α/2. */
    static final Setting BETA_SETTING = Setting.number(BETA, "Perturbed factor β", Identity.DEFAULT_ALPHA / 2,
            Double.MIN_VALUE, Double.MAX_VALUE, "0 < β < α").derived("α/2")
            .help("Perturbed start: W₁ starts at βI with 0 < β < α; empty means α/2.");

    public Perturbed {
        Identity.requireScale(alpha);
        if (!(beta > 0) || !(beta < alpha)) {
            throw new InvalidInputException(BETA, "must satisfy 0 < β < α = " + alpha + ", got " + beta
                    + " (docs/theory.md §1.5: the perturbed factor starts below the others); e.g. beta=" + alpha / 2);
        }
    }

    static Perturbed read(RawSettings settings) {
        double alpha = settings.number(Identity.ALPHA, Identity.DEFAULT_ALPHA);
        return new Perturbed(alpha, settings.number(BETA, alpha / 2));
    }

    @Override
    public Initialization init() {
        return Initialization.PERTURBED;
    }

    @Override
    public DMatrixRMaj[] initialFactors(int[] rows, int[] cols) {
        return Start.diagonalFactors(rows, cols, j -> j == 1 ? beta : alpha);
    }

    /** β: the bound (10′) of depth 1, whose only factor starts at βI; deeper runs use (14′) with α and β. */
    @Override
    public double stepScale(int depth, int m, int n, int width) {
        return beta;
    }

    @Override
    public String stepBoundName(int depth) {
        return hasOwnStepBound(depth) ? "(14′)" : "(10′)";
    }

    /** Whether a run of this depth has the perturbed start's own step bound (14′), i.e. N ≥ 2; depth 1 uses (10′). */
    public boolean hasOwnStepBound(int depth) {
        return depth >= 2;
    }
}
