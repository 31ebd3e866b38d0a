package org.dmflab.knime.predict;

import org.dmflab.core.model.Initialization;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** The Theoretical Bound Predictor's dialog; every setting can also be set by a flow variable of the same key. */
final class BoundPredictorNodeDialog extends DefaultNodeSettingsPane {

    BoundPredictorNodeDialog() {
        BoundPredictorNodeSettings settings = new BoundPredictorNodeSettings();
        createNewGroup("Training settings (as in the Deep Factorization Trainer)");
        addDialogComponent(new DialogComponentNumber(settings.run.depth, "Depth N", 1, 6));
        addDialogComponent(new DialogComponentNumber(settings.run.step, "Step size η", 0.001, 12));
        addDialogComponent(new DialogComponentStringSelection(settings.run.init, "Initialization",
                BoundPredictorNodeSettings.INITS));
        addDialogComponent(new DialogComponentNumber(settings.run.alpha, "Scale α", 0.001, 12));
        addDialogComponent(new DialogComponentNumber(settings.run.beta, "Perturbed factor β (0 < β < α)", 0.001, 12));
        createNewGroup("Accuracy");
        addDialogComponent(new DialogComponentNumber(settings.epsilon, "Relative accuracy ε", 0.001, 10));
        addDialogComponent(new DialogComponentString(settings.delta, "Tail level δ for plateaus (empty with τ)", false,
                10));
        addDialogComponent(new DialogComponentString(settings.targetAccuracy,
                "Target accuracy τ of the effective rank (chooses ε and δ; leave δ empty)", false, 10));
        addDialogComponent(new DialogComponentNumber(settings.horizon, "Horizon of the exact recursion (iterations)",
                100000, 12));
        closeCurrentGroup();
        Runnable updateEnabled = () -> settings.run.beta.setEnabled(Initialization.PERTURBED.key().equals(
                settings.run.init.getStringValue()));
        settings.run.init.addChangeListener(event -> updateEnabled.run());
        updateEnabled.run();
    }
}
