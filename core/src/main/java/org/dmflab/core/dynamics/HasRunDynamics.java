package org.dmflab.core.dynamics;

/**
 * A stage's configuration that composes a {@link RunDynamics} (the trainer's and the predictor's): depth, step, kind
 * of start and α read through, written once for both.
 */
public interface HasRunDynamics {
    /** The run's dynamics. */
    RunDynamics dynamics();

    /** Depth N. */
    default int depth() {
        return dynamics().depth();
    }

    /** Step size η. */
    default double step() {
        return dynamics().step();
    }

    /** The kind of start. */
    default Initialization init() {
        return dynamics().init();
    }

    /** α of an identity or perturbed start; NaN for the other starts, which have none. */
    default double alpha() {
        return dynamics().alpha();
    }
}
