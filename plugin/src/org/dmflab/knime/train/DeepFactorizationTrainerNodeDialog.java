package org.dmflab.knime.train;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** The Deep Factorization Trainer's dialog; every setting can also be set by a flow variable of the same key. */
final class DeepFactorizationTrainerNodeDialog extends DefaultNodeSettingsPane {

    DeepFactorizationTrainerNodeDialog() {
        TrainerNodeSettings settings = new TrainerNodeSettings();
        createNewGroup("Model and step");
        addDialogComponent(new DialogComponentNumber(settings.depth, "Depth N", 1, 6));
        addDialogComponent(new DialogComponentNumber(settings.step, "Step size η", 0.001, 12));
        addDialogComponent(new DialogComponentNumber(settings.width, "Inner width (0 = columns of the target)", 1, 8));
        createNewGroup("Initialization");
        addDialogComponent(new DialogComponentStringSelection(settings.init, "Initialization", "identity", "perturbed",
                "gaussian"));
        addDialogComponent(new DialogComponentNumber(settings.alpha, "Scale α (identity, perturbed)", 0.001, 12));
        addDialogComponent(new DialogComponentNumber(settings.beta, "Perturbed factor β (0 < β < α)", 0.001, 12));
        addDialogComponent(new DialogComponentNumber(settings.sigma, "Standard deviation σ (gaussian)", 0.001, 12));
        addDialogComponent(new DialogComponentNumber(settings.seed, "Seed (gaussian)", 1, 12));
        createNewGroup("Run");
        addDialogComponent(new DialogComponentNumber(settings.iterations, "Iterations", 1000, 12));
        addDialogComponent(new DialogComponentNumber(settings.tolerance, "Stop when the loss is at most (0 = never)",
                1e-6, 12));
        addDialogComponent(new DialogComponentString(settings.record, "Record (every:K or log:P)", true, 12));
        addDialogComponent(new DialogComponentStringSelection(settings.solver, "Solver", "auto", "matrix", "spectral",
                "flow"));
        addDialogComponent(new DialogComponentStringSelection(settings.loss, "Loss", "full", "sensing",
                "completion"));
        closeCurrentGroup();

        Runnable updateEnabled = () -> {
            String init = settings.init.getStringValue();
            settings.alpha.setEnabled(!"gaussian".equals(init));
            settings.beta.setEnabled("perturbed".equals(init));
            settings.sigma.setEnabled("gaussian".equals(init));
            settings.seed.setEnabled("gaussian".equals(init));
        };
        settings.init.addChangeListener(event -> updateEnabled.run());
        updateEnabled.run();
    }
}
