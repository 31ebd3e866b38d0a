package org.dmflab.knime.dialog;

import java.awt.CardLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.swing.BoxLayout;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.dmflab.core.settings.Setting;
import org.dmflab.core.settings.TextForm;

/**
 * The widget of one declared {@link Setting}: a text field for a number, a check box for a switch, a list of readable
 * labels for a choice (the key stays the stored value), and for a text with written forms a kind chooser plus one field
 * per number of the chosen kind. Every widget shows its value as the exact text it was loaded with, so a dialog that is
 * opened and applied without a change stores the same values (doubles round-trip through {@link Double#toString}).
 */
final class SettingFields {

    private SettingFields() {
    }

    /** A widget holding the text of one setting. */
    interface Field {
        /** The component to put into the dialog. */
        JComponent component();

        /** The value as the engine reads it (blank: absent). */
        String text();

        /** Shows {@code text}. */
        void show(String text);

        /** Greys the widget out, or enables it. */
        void setEnabled(boolean enabled);

        /** Calls {@code listener} after every change by the user. */
        void onChange(Runnable listener);

        /** Whether the label goes beside the widget (false for a check box, which carries its own). */
        default boolean needsLabel() {
            return true;
        }
    }

    /** The widget for {@code setting}. */
    static Field of(Setting setting) {
        return switch (setting.type()) {
            case WHOLE, NUMBER -> new TextBox(setting.type() == Setting.Type.WHOLE ? 10 : 14);
            case FLAG, INPUT -> new Switch(setting.label());
            case CHOICE -> new Choices(setting.choices());
            case TEXT -> new Forms(setting.forms());
        };
    }

    /** A field that is one Swing component. */
    private abstract static class Single<C extends JComponent> implements Field {
        protected final C widget;

        Single(C widget) {
            this.widget = widget;
        }

        @Override
        public JComponent component() {
            return widget;
        }

        @Override
        public void setEnabled(boolean enabled) {
            widget.setEnabled(enabled);
        }
    }

    /** A list renderer showing {@code label} of each item (the stored key stays the item). */
    private static <T> DefaultListCellRenderer labelled(Class<T> type, Function<T, String> label) {
        return new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                          boolean focus) {
                Object shown = type.isInstance(value) ? label.apply(type.cast(value)) : value;
                return super.getListCellRendererComponent(list, shown, index, selected, focus);
            }
        };
    }

    /** A number as typed; the engine parses it when the dialog is applied. */
    static final class TextBox extends Single<JTextField> {
        TextBox(int columns) {
            super(new JTextField(columns));
        }

        @Override
        public String text() {
            return widget.getText().trim();
        }

        @Override
        public void show(String text) {
            widget.setText(text);
        }

        @Override
        public void onChange(Runnable listener) {
            new TextBoxListener(widget, listener);
        }
    }

    /** A switch. */
    static final class Switch extends Single<JCheckBox> {
        Switch(String label) {
            super(new JCheckBox(label));
        }

        @Override
        public String text() {
            return Boolean.toString(widget.isSelected());
        }

        @Override
        public void show(String text) {
            widget.setSelected(Boolean.parseBoolean(text.trim()));
        }

        @Override
        public void onChange(Runnable listener) {
            widget.addItemListener(event -> listener.run());
        }

        @Override
        public boolean needsLabel() {
            return false;
        }
    }

    /** One of a list of choices, shown by their labels. */
    static final class Choices extends Single<JComboBox<Setting.Choice>> {
        Choices(List<Setting.Choice> choices) {
            super(new JComboBox<>());
            choices.forEach(widget::addItem);
            widget.setRenderer(labelled(Setting.Choice.class, Setting.Choice::label));
        }

        @Override
        public String text() {
            Object selected = widget.getSelectedItem();
            return selected instanceof Setting.Choice choice ? choice.key() : "";
        }

        @Override
        public void show(String text) {
            for (int i = 0; i < widget.getItemCount(); i++) {
                if (widget.getItemAt(i).key().equalsIgnoreCase(text.trim())) {
                    widget.setSelectedIndex(i);
                    return;
                }
            }
            // a value this version does not offer (e.g. from a flow variable): keep it visible and stored
            Setting.Choice unknown = new Setting.Choice(text, text);
            widget.addItem(unknown);
            widget.setSelectedItem(unknown);
        }

        @Override
        public void onChange(Runnable listener) {
            widget.addItemListener(event -> listener.run());
        }
    }

    /**
     * A text written in one of several forms: a chooser of the kind and, below it, one field per number of the chosen
     * kind. The text is written by the form ({@link TextForm#write}); until the user changes something the loaded text
     * is kept exactly as it was.
     */
    static final class Forms implements Field {
        private final JPanel panel = new JPanel();
        private final JComboBox<TextForm> kind = new JComboBox<>();
        private final JPanel numbers = new JPanel(new CardLayout());
        private final Map<String, List<JTextField>> fields = new LinkedHashMap<>();
        private final List<JComponent> parts = new ArrayList<>();
        private String loaded = "";
        private boolean edited;
        private boolean showing;

        Forms(List<TextForm> forms) {
            panel.setLayout(new BoxLayout(panel, BoxLayout.Y_AXIS));
            kind.setRenderer(labelled(TextForm.class, TextForm::label));
            for (TextForm form : forms) {
                kind.addItem(form);
                JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
                List<JTextField> boxes = new ArrayList<>();
                boolean single = form.parameters().size() == 1;
                for (String parameter : form.parameters()) {
                    JLabel label = new JLabel(parameter);
                    JTextField box = new JTextField(single && form.prefix().isEmpty() ? 18 : 8);
                    label.setLabelFor(box);
                    row.add(label);
                    row.add(box);
                    boxes.add(box);
                    parts.add(label);
                    parts.add(box);
                }
                fields.put(form.key(), boxes);
                numbers.add(row, form.key());
            }
            kind.setAlignmentX(Component.LEFT_ALIGNMENT);
            numbers.setAlignmentX(Component.LEFT_ALIGNMENT);
            panel.add(kind);
            panel.add(numbers);
            kind.addItemListener(event -> showCard());
            parts.add(kind);
        }

        private TextForm selected() {
            return (TextForm) kind.getSelectedItem();
        }

        private void showCard() {
            ((CardLayout) numbers.getLayout()).show(numbers, selected().key());
        }

        @Override
        public JComponent component() {
            return panel;
        }

        @Override
        public String text() {
            if (!edited) {
                return loaded;
            }
            TextForm form = selected();
            return form.write(fields.get(form.key()).stream().map(JTextField::getText).toList());
        }

        @Override
        public void show(String text) {
            showing = true;
            loaded = text;
            edited = false;
            TextForm form = TextForm.of(formsList(), text).orElse(kind.getItemAt(0));
            kind.setSelectedItem(form);
            fields.values().forEach(boxes -> boxes.forEach(box -> box.setText("")));
            if (form.matches(text)) { // otherwise the fields stay empty and the text is kept until edited
                List<String> values = form.read(text);
                List<JTextField> boxes = fields.get(form.key());
                for (int i = 0; i < boxes.size(); i++) {
                    boxes.get(i).setText(values.get(i));
                }
            }
            showCard();
            showing = false;
        }

        private List<TextForm> formsList() {
            List<TextForm> list = new ArrayList<>();
            for (int i = 0; i < kind.getItemCount(); i++) {
                list.add(kind.getItemAt(i));
            }
            return list;
        }

        @Override
        public void setEnabled(boolean enabled) {
            panel.setEnabled(enabled);
            parts.forEach(part -> part.setEnabled(enabled));
        }

        @Override
        public void onChange(Runnable listener) {
            Runnable changed = () -> {
                if (!showing) {
                    edited = true;
                    listener.run();
                }
            };
            kind.addItemListener(event -> changed.run());
            for (List<JTextField> boxes : fields.values()) {
                for (JTextField box : boxes) {
                    new TextBoxListener(box, changed);
                }
            }
        }
    }

    /** Runs a listener on every edit of a text field. */
    private static final class TextBoxListener implements DocumentListener {
        private final Runnable listener;

        TextBoxListener(JTextField field, Runnable listener) {
            this.listener = listener;
            field.getDocument().addDocumentListener(this);
        }

        @Override
        public void insertUpdate(DocumentEvent e) {
            listener.run();
        }

        @Override
        public void removeUpdate(DocumentEvent e) {
            listener.run();
        }

        @Override
        public void changedUpdate(DocumentEvent e) {
            listener.run();
        }
    }
}
