package org.dmflab.knime.train;

import org.dmflab.core.model.Initialization;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** The Deep Factorization Trainer's dialog; every setting can also be set by a flow variable of the same key. */
final class DeepFactorizationTrainerNodeDialog extends DefaultNodeSettingsPane {

    DeepFactorizationTrainerNodeDialog() {
        TrainerNodeSettings settings = new TrainerNodeSettings();
        createNewGroup("Model and step");
        addDialogComponent(new DialogComponentNumber(settings.run.depth, "Depth N", 1, 6));
        addDialogComponent(new DialogComponentNumber(settings.run.step, "Step size η", 0.001, 12));
        addDialogComponent(new DialogComponentNumber(settings.width, "Inner width (0 = columns of the target)", 1, 8));
        createNewGroup("Initialization");
        addDialogComponent(new DialogComponentStringSelection(settings.run.init, "Initialization",
                TrainerNodeSettings.INITS));
        addDialogComponent(new DialogComponentNumber(settings.run.alpha, "Scale α (identity, perturbed)", 0.001, 12));
        addDialogComponent(new DialogComponentNumber(settings.run.beta, "Perturbed factor β (0 < β < α)", 0.001, 12));
        addDialogComponent(new DialogComponentNumber(settings.sigma, "Standard deviation σ (gaussian)", 0.001, 12));
        addDialogComponent(new DialogComponentNumber(settings.seed, "Seed (gaussian)", 1, 12));
        createNewGroup("Run");
        addDialogComponent(new DialogComponentNumber(settings.iterations, "Iterations", 1000, 12));
        addDialogComponent(new DialogComponentNumber(settings.tolerance, "Stop when the loss is at most (0 = never)",
                1e-6, 12));
        addDialogComponent(new DialogComponentString(settings.record, "Record (every:K or log:P)", true, 12));
        addDialogComponent(new DialogComponentStringSelection(settings.solver, "Solver", TrainerNodeSettings.SOLVERS));
        addDialogComponent(new DialogComponentStringSelection(settings.loss, "Loss", TrainerNodeSettings.LOSSES));
        closeCurrentGroup();

        Runnable updateEnabled = () -> {
            String init = settings.run.init.getStringValue();
            boolean gaussian = Initialization.GAUSSIAN.key().equals(init);
            settings.run.alpha.setEnabled(!gaussian);
            settings.run.beta.setEnabled(Initialization.PERTURBED.key().equals(init));
            settings.sigma.setEnabled(gaussian);
            settings.seed.setEnabled(gaussian);
        };
        settings.run.init.addChangeListener(event -> updateEnabled.run());
        updateEnabled.run();
    }
}
