package org.dmflab.knime.groundtruth;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** The Ground Truth Generator's dialog; every setting can also be set by a flow variable of the same key. */
final class GroundTruthGeneratorNodeDialog extends DefaultNodeSettingsPane {

    GroundTruthGeneratorNodeDialog() {
        GroundTruthNodeSettings settings = new GroundTruthNodeSettings();
        createNewGroup("Target");
        addDialogComponent(new DialogComponentBoolean(settings.input, "Use the input table instead of a spectrum"));
        addDialogComponent(new DialogComponentNumber(settings.divideBy,
                "Divide the input table by (e.g. 255 for pixels; 1 = as it is)", 1, 8));
        DialogComponentString spectrum = new DialogComponentString(settings.spectrum,
                "Spectrum (list, geometric:first,ratio,count, linear:first,last,count, lowrank:r,value,n, "
                        + "gaussian-factors:r,norm)", true, 30);
        addDialogComponent(spectrum);
        addDialogComponent(new DialogComponentNumber(settings.n, "Size n (0 = length of the spectrum)", 1, 8));
        addDialogComponent(new DialogComponentNumber(settings.m, "Rows m for a rectangular target (0 = square)", 1, 8));
        addDialogComponent(new DialogComponentStringSelection(settings.eigenvectors, "Eigenvectors",
                GroundTruthNodeSettings.BASES));
        createNewGroup("Randomness and noise");
        addDialogComponent(new DialogComponentNumber(settings.seed, "Seed", 1, 12));
        addDialogComponent(new DialogComponentString(settings.noise, "Noise (none, gaussian:σ, uniform:a)", true, 20));
        addDialogComponent(new DialogComponentBoolean(settings.symmetrizeNoise, "Symmetrize the noise"));
        createNewGroup("Matrix sensing");
        addDialogComponent(new DialogComponentNumber(settings.measurements, "Number of measurements (0 = none)", 1, 8));
        createNewGroup("Matrix completion");
        addDialogComponent(new DialogComponentString(settings.observations,
                "Observed entries (count, or fraction such as 0.2; 0 = none)", true, 12));
        closeCurrentGroup();

        Runnable updateEnabled = () -> {
            boolean fromSpectrum = !settings.input.getBooleanValue();
            settings.spectrum.setEnabled(fromSpectrum);
            settings.n.setEnabled(fromSpectrum);
            settings.m.setEnabled(fromSpectrum);
            settings.eigenvectors.setEnabled(fromSpectrum);
            settings.divideBy.setEnabled(!fromSpectrum);
        };
        settings.input.addChangeListener(event -> updateEnabled.run());
        updateEnabled.run();
    }
}
