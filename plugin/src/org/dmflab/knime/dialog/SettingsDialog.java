package org.dmflab.knime.dialog;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.settings.Setting;
import org.dmflab.knime.common.NodeSettingsGroup;
import org.knime.core.node.FlowVariableModel;
import org.knime.core.node.FlowVariableModelButton;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A DMF Lab node's dialog, built from the engine's declarations of its settings in the style of knime-base's classic
 * dialogs: titled, left-aligned groups of rows (label, widget, flow-variable button, hint), a tooltip with the
 * setting's help, range and default on every row, and the enabled state derived from the values (a setting the engine
 * does not read for the chosen start, input or mode is greyed out; so is one a flow variable sets) each time the
 * dialog opens and whenever a controlling value changes. Applying checks the values with the engine's own parser and
 * refuses bad ones with its message, so the dialog stays open and the node keeps its settings.
 */
public class SettingsDialog extends NodeDialogPane {
    /** Narrowest tab content, in pixels: KNIME's Settings, Flow Variables, Job Manager and Memory tabs fit a row. */
    private static final int MIN_WIDTH = 580;
    private final NodeSettingsGroup group;
    private final Consumer<RawSettings> check;
    private final Map<String, SettingFields.Field> fields = new LinkedHashMap<>();
    private final Map<String, FlowVariableModel> variables = new LinkedHashMap<>();
    private final Map<String, JLabel> labels = new LinkedHashMap<>();
    private final JPanel content = new JPanel();
    private boolean loading;

    /**
     * @param group the node's settings (a fresh instance: the dialog loads into it)
     * @param check the engine's check of a node's settings, throwing its {@link InvalidInputException}
     */
    protected SettingsDialog(NodeSettingsGroup group, Consumer<RawSettings> check) {
        this.group = group;
        this.check = check;
        content.setLayout(new BoxLayout(content, BoxLayout.Y_AXIS));
        content.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
    }

    /** Adds a titled group with a row for each of {@code keys}; returns its panel for extra rows. */
    protected final JPanel group(String title, String... keys) {
        JPanel panel = new JPanel(new GridBagLayout());
        panel.setBorder(BorderFactory.createTitledBorder(title));
        panel.setAlignmentX(Component.LEFT_ALIGNMENT);
        for (String key : keys) {
            addRow(panel, key);
        }
        content.add(panel);
        return panel;
    }

    /** Adds a component spanning a group's row (e.g. a radio button choosing between settings). */
    protected static void addWide(JPanel panel, JComponent component) {
        GridBagConstraints c = cell(0, nextRow(panel));
        c.gridwidth = 4;
        panel.add(component, c);
    }

    /** The next free grid row of a group. */
    private static int nextRow(JPanel panel) {
        Object rows = panel.getClientProperty(SettingsDialog.class);
        int row = rows instanceof Integer count ? count : 0;
        panel.putClientProperty(SettingsDialog.class, row + 1);
        return row;
    }

    /** Adds the row of the setting {@code key} to a group. */
    protected final void addRow(JPanel panel, String key) {
        addRow(panel, Setting.find(group.settings(), key));
    }

    /**
     * Lets the flow variable {@code variableName} set {@code key}, as the flow-variable button beside its field does
     * when the user picks the variable there.
     */
    protected final void bindToVariable(String key, String variableName) {
        variables.get(key).setInputVariableName(variableName);
        updateEnabled();
    }

    /** Adds the row of {@code setting} to a group. */
    private void addRow(JPanel panel, Setting setting) {
        SettingFields.Field field = SettingFields.of(setting);
        int row = nextRow(panel);
        String tooltip = tooltip(setting);
        JLabel label = new JLabel(field.needsLabel() ? setting.label() + ":" : "");
        label.setToolTipText(tooltip);
        label.setLabelFor(field.component());
        field.component().setName(setting.key()); // found by key in tests and by assistive technology
        field.component().setToolTipText(tooltip);
        for (Component child : field.component().getComponents()) {
            if (child instanceof JComponent inner) {
                inner.setToolTipText(tooltip);
            }
        }
        FlowVariableModel variable = createFlowVariableModel(setting.key(),
                NodeSettingsGroup.variableType(setting));
        variable.addChangeListener(event -> updateEnabled());
        FlowVariableModelButton button = new FlowVariableModelButton(variable);
        // the flow-variable button right beside its field, as in KNIME's own dialogs
        JPanel line = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        line.add(field.component());
        line.add(Box.createHorizontalStrut(4));
        line.add(button);
        GridBagConstraints c = cell(0, row);
        panel.add(label, c);
        c = cell(1, row);
        c.weightx = 1;
        panel.add(line, c);
        String meaning = hint(setting);
        if (!meaning.isEmpty()) { // what an empty field or a 0 means, in small grey type under it
            JLabel hint = new JLabel(meaning);
            hint.setEnabled(false);
            hint.setFont(hint.getFont().deriveFont(hint.getFont().getSize2D() - 1));
            c = cell(1, nextRow(panel));
            c.insets = new Insets(0, 6, 2, 4);
            panel.add(hint, c);
        }
        fields.put(setting.key(), field);
        variables.put(setting.key(), variable);
        labels.put(setting.key(), label);
        field.onChange(() -> {
            if (!loading) {
                updateEnabled();
            }
        });
    }

    /**
     * What a special value means, shown under the field: an empty field of a setting without a fixed default
     * ("Empty: α/2"), or 0 where the range gives it a meaning ("0: the spectrum's length").
     */
    static String hint(Setting setting) {
        if (!setting.hasDefaultValue()) {
            return "Empty: " + setting.defaultRule();
        }
        for (String part : setting.range().split("; ")) {
            if (part.startsWith("0: ")) {
                return part;
            }
        }
        return "";
    }

    private static GridBagConstraints cell(int column, int row) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = column;
        c.gridy = row;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(2, 4, 2, 4);
        return c;
    }

    /** The tooltip of a row: the help, the range and the default. */
    static String tooltip(Setting setting) {
        StringBuilder html = new StringBuilder("<html><body style='width: 320px'>");
        html.append(escape(setting.help()));
        if (!setting.range().isEmpty()) {
            html.append("<br>Range: ").append(escape(setting.range())).append('.');
        }
        String fallback = setting.type() == Setting.Type.CHOICE ? setting.choice(setting.defaultValue())
                .map(Setting.Choice::label).orElse(setting.defaultValue()) : setting.defaultText();
        if (!fallback.isEmpty()) {
            html.append("<br>Default: ").append(escape(fallback)).append('.');
        }
        html.append("<br>Key (flow variables, command line): <tt>").append(setting.key()).append("</tt></body></html>");
        return html.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Puts the groups into the dialog's tab; call once, after the groups. */
    protected final void finish() {
        // one label column for all groups, so that the fields line up from group to group
        int width = labels.values().stream().mapToInt(l -> l.getPreferredSize().width).max().orElse(0);
        for (JLabel label : labels.values()) {
            label.setPreferredSize(new Dimension(width, label.getPreferredSize().height));
        }
        content.add(Box.createVerticalGlue());
        JPanel top = new JPanel(new BorderLayout());
        top.add(content, BorderLayout.NORTH);
        // wide enough for KNIME's four tab titles on one row
        top.setPreferredSize(new Dimension(Math.max(MIN_WIDTH, top.getPreferredSize().width),
                top.getPreferredSize().height));
        addTab("Settings", top);
    }

    /** The current text of {@code key}'s widget. */
    protected final String text(String key) {
        return fields.get(key).text();
    }

    /** The declaration of {@code key}. */
    protected final Setting setting(String key) {
        return Setting.find(group.settings(), key);
    }

    /**
     * Whether the engine reads {@code setting} with the values now shown: its {@link Setting#readWhen} condition, for
     * a dialog to extend (e.g. a choice between two settings).
     */
    protected boolean isRead(Setting setting) {
        return setting.readWhen().map(when -> fields.containsKey(when.key())
                && when.holdsFor(fields.get(when.key()).text())).orElse(true);
    }

    /** The text to store for {@code key} (the widget's); a dialog may blank settings its choice leaves out. */
    protected String textToStore(String key) {
        return text(key);
    }

    /** Re-derives every row's enabled state from the values shown and the flow variables. */
    protected final void updateEnabled() {
        for (Setting setting : group.settings()) {
            SettingFields.Field field = fields.get(setting.key());
            if (field == null) {
                continue;
            }
            boolean read = isRead(setting);
            boolean byVariable = variables.get(setting.key()).isVariableReplacementEnabled();
            field.setEnabled(read && !byVariable);
            labels.get(setting.key()).setEnabled(read);
        }
    }

    /** Called after the values are shown, before the enabled state is derived. */
    protected void afterLoad() {
        // nothing by default
    }

    @Override
    protected final void loadSettingsFrom(NodeSettingsRO settings, PortObjectSpec[] specs) {
        loading = true;
        try {
            try {
                group.loadFrom(settings);
            } catch (InvalidSettingsException e) {
                // settings of a newer or damaged workflow: the dialog shows what it could load and the defaults
            }
            fields.forEach((key, field) -> field.show(group.text(key)));
            afterLoad();
        } finally {
            loading = false;
        }
        updateEnabled();
    }

    @Override
    protected final void saveSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Setting setting : group.settings()) {
            String key = setting.key();
            String text = fields.containsKey(key) ? textToStore(key) : group.text(key);
            // an emptied number field means the default, as an absent command-line option does (texts keep it blank)
            boolean number = NodeSettingsGroup.storage(setting) == NodeSettingsGroup.Storage.INT
                    || NodeSettingsGroup.storage(setting) == NodeSettingsGroup.Storage.DOUBLE;
            texts.put(key, text.isBlank() && number ? setting.defaultValue() : text);
        }
        try {
            check.accept(RawSettings.of(texts));
        } catch (InvalidInputException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        for (Setting setting : group.settings()) {
            String text = texts.get(setting.key());
            if (NodeSettingsGroup.storage(setting) == NodeSettingsGroup.Storage.INT
                    && Long.parseLong(text) != (int) Long.parseLong(text)) {
                throw new InvalidSettingsException(setting.key() + ": " + text + " is more than a KNIME node "
                        + "setting holds (largest " + Integer.MAX_VALUE + "); use the command line for larger values");
            }
        }
        texts.forEach(group::set);
        group.saveTo(settings);
    }

    /** The keys shown, in order (for tests and for dialogs adding rows). */
    protected final List<String> shownKeys() {
        return List.copyOf(fields.keySet());
    }
}
