package org.dmflab.knime.predict;

import static org.dmflab.core.predict.PredictSettings.ALPHA;
import static org.dmflab.core.predict.PredictSettings.BETA;
import static org.dmflab.core.predict.PredictSettings.DELTA;
import static org.dmflab.core.predict.PredictSettings.DEPTH;
import static org.dmflab.core.predict.PredictSettings.EPSILON;
import static org.dmflab.core.predict.PredictSettings.HORIZON;
import static org.dmflab.core.predict.PredictSettings.INIT;
import static org.dmflab.core.predict.PredictSettings.STEP;
import static org.dmflab.core.predict.PredictSettings.TARGET_ACCURACY;

import java.util.List;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import org.dmflab.core.settings.Setting;
import org.dmflab.knime.common.RunVariables;
import org.dmflab.knime.dialog.SettingsDialog;

/**
 * The Theoretical Bound Predictor's dialog: the run to predict (the trainer's settings, which a button binds to the
 * flow variables a Deep Factorization Trainer pushes, so that the two cannot drift apart) and the accuracy of the
 * plateaus, from ε and the tail level δ or from a target accuracy τ (a radio choice: the engine takes one or the other).
 */
final class BoundPredictorNodeDialog extends SettingsDialog {
    private final JRadioButton fromDelta = new JRadioButton("Plateaus from ε and the tail level δ");
    private final JRadioButton fromTau = new JRadioButton("Plateaus from a target accuracy τ (chooses ε and δ per "
            + "plateau)");

    BoundPredictorNodeDialog() {
        super(new BoundPredictorNodeSettings().group, BoundPredictorNodeSettings::check);
        JPanel run = group("Run to predict (as in the Deep Factorization Trainer)", DEPTH, STEP, INIT, ALPHA, BETA);
        JButton fromTrainer = new JButton("Take these from the trainer's flow variables");
        fromTrainer.setToolTipText("<html>Sets depth, step, start, α and β from the flow variables "
                + String.join(", ", RunVariables.NAMES.values()) + " that a Deep Factorization Trainer pushes: "
                + "connect its output (or its flow variable port) to this node.</html>");
        fromTrainer.addActionListener(event -> RunVariables.NAMES.forEach(this::bindToVariable));
        addWide(run, fromTrainer);
        JPanel accuracy = group("Accuracy", EPSILON);
        ButtonGroup choice = new ButtonGroup();
        choice.add(fromDelta);
        choice.add(fromTau);
        addWide(accuracy, fromDelta);
        addRow(accuracy, DELTA);
        addWide(accuracy, fromTau);
        addRow(accuracy, TARGET_ACCURACY);
        addRow(accuracy, HORIZON);
        fromDelta.setSelected(true);
        fromDelta.addItemListener(event -> updateEnabled());
        finish();
    }

    @Override
    protected void afterLoad() {
        (text(TARGET_ACCURACY).isBlank() ? fromDelta : fromTau).setSelected(true);
    }

    @Override
    protected boolean isRead(Setting setting) {
        if (setting.key().equals(DELTA)) {
            return fromDelta.isSelected();
        }
        if (setting.key().equals(TARGET_ACCURACY)) {
            return fromTau.isSelected();
        }
        return super.isRead(setting);
    }

    @Override
    protected String textToStore(String key) {
        boolean left = List.of(DELTA, TARGET_ACCURACY).contains(key) && !isRead(setting(key));
        return left ? "" : super.textToStore(key);
    }
}
