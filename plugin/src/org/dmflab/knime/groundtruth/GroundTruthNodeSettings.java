package org.dmflab.knime.groundtruth;

import static org.dmflab.core.groundtruth.GroundTruthSettings.DIVIDE_BY;
import static org.dmflab.core.groundtruth.GroundTruthSettings.EIGENVECTORS;
import static org.dmflab.core.groundtruth.GroundTruthSettings.INPUT;
import static org.dmflab.core.groundtruth.GroundTruthSettings.M;
import static org.dmflab.core.groundtruth.GroundTruthSettings.MAX_SIZE;
import static org.dmflab.core.groundtruth.GroundTruthSettings.MEASUREMENTS;
import static org.dmflab.core.groundtruth.GroundTruthSettings.N;
import static org.dmflab.core.groundtruth.GroundTruthSettings.NOISE;
import static org.dmflab.core.groundtruth.GroundTruthSettings.OBSERVATIONS;
import static org.dmflab.core.groundtruth.GroundTruthSettings.SEED;
import static org.dmflab.core.groundtruth.GroundTruthSettings.SPECTRUM;
import static org.dmflab.core.groundtruth.GroundTruthSettings.SYMMETRIZE_NOISE;

import java.util.List;
import org.dmflab.core.groundtruth.EigenvectorBasis;
import org.dmflab.core.groundtruth.InputDivisor;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.knime.common.EngineChoices;
import org.dmflab.knime.common.NodeSettingsGroup;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The Ground Truth Generator's settings (docs/design.md §3), defined once for the model and the dialog. */
final class GroundTruthNodeSettings {
    final NodeSettingsGroup group = new NodeSettingsGroup();
    final SettingsModelString spectrum = group.string(SPECTRUM, "8,4,2,1,0.5,0.25");
    final SettingsModelIntegerBounded n = group.integer(N, 0, 0, MAX_SIZE);
    final SettingsModelIntegerBounded m = group.integer(M, 0, 0, MAX_SIZE);
    final SettingsModelString eigenvectors = group.string(EIGENVECTORS,
            GroundTruthSettings.DEFAULT_EIGENVECTORS.key());
    final SettingsModelIntegerBounded seed = group.integer(SEED, 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
    final SettingsModelString noise = group.string(NOISE, GroundTruthSettings.DEFAULT_NOISE);
    final SettingsModelBoolean symmetrizeNoise = group.flag(SYMMETRIZE_NOISE, false);
    final SettingsModelIntegerBounded measurements = group.integer(MEASUREMENTS,
            GroundTruthSettings.DEFAULT_MEASUREMENTS, 0, Integer.MAX_VALUE);
    /** Added with matrix completion (issue 12): workflows saved before it load with "0", no observations. */
    final SettingsModelString observations = group.addedLater(group.string(OBSERVATIONS, "0"));
    final SettingsModelBoolean input = group.flag(INPUT, false);
    /**
     * Any double here: the engine's {@code InputDivisor} alone says what is allowed (positive, finite). Added with the
     * MNIST example (issue 12): workflows saved before it load with 1, the input table as it is.
     */
    final SettingsModelDoubleBounded divideBy = group.addedLater(group.number(DIVIDE_BY, InputDivisor.NONE.value(),
            -Double.MAX_VALUE, Double.MAX_VALUE));
    /** The dialog's choices of eigenvector basis: the engine's enum. */
    static final List<String> BASES = EngineChoices.keys(EigenvectorBasis.values(), EigenvectorBasis::key);
}
