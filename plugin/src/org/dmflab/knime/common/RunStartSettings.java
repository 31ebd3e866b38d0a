package org.dmflab.knime.common;

import org.dmflab.core.model.Initialization;
import org.dmflab.core.train.TrainSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The run the Deep Factorization Trainer makes and the Theoretical Bound Predictor predicts: depth N, step η, the
 * start and its scales α and β (the same docs/design.md §3 keys in both nodes), with the trainer's defaults so that a
 * new predictor predicts the run a new trainer makes.
 */
public final class RunStartSettings {
    public final SettingsModelIntegerBounded depth;
    public final SettingsModelDoubleBounded step;
    public final SettingsModelString init;
    public final SettingsModelDoubleBounded alpha;
    public final SettingsModelDoubleBounded beta;

    /** Registers the five settings in {@code group}, in this order. */
    public RunStartSettings(NodeSettingsGroup group) {
        depth = group.integer(TrainSettings.DEPTH, TrainSettings.DEFAULT_DEPTH, 1, 1000);
        step = group.number(TrainSettings.STEP, TrainSettings.DEFAULT_STEP, Double.MIN_VALUE, Double.MAX_VALUE);
        init = group.string(TrainSettings.INIT, Initialization.parse(null).key());
        alpha = group.number(TrainSettings.ALPHA, TrainSettings.DEFAULT_ALPHA, Double.MIN_VALUE, Double.MAX_VALUE);
        // the engine's default β is α/2 (TrainSettings.parse)
        beta = group.number(TrainSettings.BETA, TrainSettings.DEFAULT_ALPHA / 2, Double.MIN_VALUE, Double.MAX_VALUE);
    }
}
