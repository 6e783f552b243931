package org.qchat.client.ui;

import java.awt.Window;
import java.util.function.BiConsumer;

import javax.swing.JComboBox;

import org.qchat.client.i18n.I18n;
import org.qchat.client.i18n.Language;

/** Language and theme. The application applies and saves the choice. */
final class SettingsDialog extends FormDialog {

    SettingsDialog(Window owner, Language language, String theme, BiConsumer<Language, String> apply) {
        super(owner, ComponentNames.SETTINGS_DIALOG, I18n.tr("settings.title"), I18n.tr("settings.ok"));
        JComboBox<Choice<Language>> languages = new JComboBox<>();
        languages.setName(ComponentNames.SETTINGS_LANGUAGE);
        for (Language l : Language.values()) {
            // Each language is named in itself, so a user who cannot read the current one finds theirs.
            Choice<Language> choice = new Choice<>(l, I18n.tr("settings.language." + l.name().toLowerCase(java.util.Locale.ROOT)));
            languages.addItem(choice);
            if (l == language) {
                languages.setSelectedItem(choice);
            }
        }
        JComboBox<Choice<String>> themes = new JComboBox<>();
        themes.setName(ComponentNames.SETTINGS_THEME);
        for (String t : new String[]{"light", "dark"}) {
            Choice<String> choice = new Choice<>(t, I18n.tr("settings.theme." + t));
            themes.addItem(choice);
            if (t.equals(theme)) {
                themes.setSelectedItem(choice);
            }
        }
        ok.setName(ComponentNames.SETTINGS_OK);
        row(I18n.tr("settings.language"), languages, 0);
        row(I18n.tr("settings.theme"), themes, 0);
        ok.addActionListener(e -> {
            @SuppressWarnings("unchecked")
            Choice<Language> l = (Choice<Language>) languages.getSelectedItem();
            @SuppressWarnings("unchecked")
            Choice<String> t = (Choice<String>) themes.getSelectedItem();
            dispose();
            apply.accept(l.value(), t.value());
        });
    }

    private record Choice<T>(T value, String label) {
        @Override
        public String toString() {
            return label;
        }
    }
}
