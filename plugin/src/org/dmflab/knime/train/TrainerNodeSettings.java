package org.dmflab.knime.train;

import static org.dmflab.core.train.TrainSettings.ITERATIONS;
import static org.dmflab.core.train.TrainSettings.LOSS;
import static org.dmflab.core.train.TrainSettings.RECORD;
import static org.dmflab.core.train.TrainSettings.SEED;
import static org.dmflab.core.train.TrainSettings.SIGMA;
import static org.dmflab.core.train.TrainSettings.SOLVER;
import static org.dmflab.core.train.TrainSettings.TOLERANCE;
import static org.dmflab.core.train.TrainSettings.WIDTH;

import java.util.List;
import org.dmflab.core.model.Initialization;
import org.dmflab.core.train.LossKind;
import org.dmflab.core.train.RecordSchedule;
import org.dmflab.core.train.SolverKind;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.knime.common.EngineChoices;
import org.dmflab.knime.common.NodeSettingsGroup;
import org.dmflab.knime.common.RunStartSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The Deep Factorization Trainer's settings (docs/design.md §3), defined once for the model and the dialog. */
final class TrainerNodeSettings {
    final NodeSettingsGroup group = new NodeSettingsGroup();
    final RunStartSettings run = new RunStartSettings(group);
    final SettingsModelDoubleBounded sigma = group.number(SIGMA, TrainSettings.DEFAULT_SIGMA, Double.MIN_VALUE,
            Double.MAX_VALUE);
    final SettingsModelIntegerBounded seed = group.integer(SEED, 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
    final SettingsModelIntegerBounded iterations = group.integer(ITERATIONS,
            (int) TrainSettings.DEFAULT_ITERATIONS, 1, Integer.MAX_VALUE);
    final SettingsModelDoubleBounded tolerance = group.number(TOLERANCE, 0, 0, Double.MAX_VALUE);
    final SettingsModelString record = group.string(RECORD, RecordSchedule.DEFAULT.text());
    final SettingsModelString solver = group.string(SOLVER, SolverKind.parse(null).key());
    final SettingsModelString loss = group.string(LOSS, LossKind.parse(null).key());
    /** The dialog's choices: the engine's enums. */
    static final List<String> INITS = EngineChoices.keys(Initialization.values(), Initialization::key);
    static final List<String> SOLVERS = EngineChoices.keys(SolverKind.values(), SolverKind::key);
    static final List<String> LOSSES = EngineChoices.keys(LossKind.values(), LossKind::key);

    final SettingsModelIntegerBounded width = group.integer(WIDTH, 0, 0, Integer.MAX_VALUE);
}
