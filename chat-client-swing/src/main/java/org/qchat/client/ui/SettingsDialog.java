package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Window;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;

import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JPanel;
import javax.swing.JTextField;

import org.qchat.client.i18n.I18n;
import org.qchat.client.i18n.Language;

/** Language, theme and the folder downloaded files go to. The application applies and saves the choice. */
final class SettingsDialog extends FormDialog {

    /** What the user chose; {@code downloads} is null when the folder was left as it was. */
    record Choice(Language language, String theme, Path downloads) {
    }

    private final JTextField downloads = new JTextField(26);
    private final javax.swing.JCheckBox tray = new javax.swing.JCheckBox();
    private Path downloadsShown;
    private Path downloadsChosen;

    /** The downloads folder shows once {@link #showDownloads} has it (finding the default looks at the disk). */
    SettingsDialog(Window owner, Language language, String theme, Consumer<Choice> apply) {
        super(owner, ComponentNames.SETTINGS_DIALOG, I18n.tr("settings.title"), I18n.tr("settings.ok"));
        JComboBox<Item<Language>> languages = new JComboBox<>();
        languages.setName(ComponentNames.SETTINGS_LANGUAGE);
        for (Language l : Language.values()) {
            // Each language is named in itself, so a user who cannot read the current one finds theirs.
            Item<Language> item = new Item<>(l,
                    I18n.tr("settings.language." + l.name().toLowerCase(java.util.Locale.ROOT)));
            languages.addItem(item);
            if (l == language) {
                languages.setSelectedItem(item);
            }
        }
        JComboBox<Item<String>> themes = new JComboBox<>();
        themes.setName(ComponentNames.SETTINGS_THEME);
        for (String t : new String[]{"light", "dark"}) {
            Item<String> item = new Item<>(t, I18n.tr("settings.theme." + t));
            themes.addItem(item);
            if (t.equals(theme)) {
                themes.setSelectedItem(item);
            }
        }
        ok.setName(ComponentNames.SETTINGS_OK);
        row(I18n.tr("settings.language"), languages, 0);
        row(I18n.tr("settings.theme"), themes, 0);
        row(I18n.tr("settings.downloads"), downloadsRow(), 0);
        ok.addActionListener(e -> {
            @SuppressWarnings("unchecked")
            Item<Language> l = (Item<Language>) languages.getSelectedItem();
            @SuppressWarnings("unchecked")
            Item<String> t = (Item<String>) themes.getSelectedItem();
            dispose();
            apply.accept(new Choice(l.value(), t.value(), downloadsChosen));
        });
    }

    /**
     * Offers "keep running in the tray when the main window closes", only where the desktop has a
     * tray; {@code apply} gets the choice when the user presses OK.
     */
    void offerTray(boolean closeToTray, Consumer<Boolean> apply) {
        tray.setName(ComponentNames.SETTINGS_TRAY);
        tray.setText(I18n.tr("settings.tray"));
        tray.setSelected(closeToTray);
        row(null, tray, 0);
        ok.addActionListener(e -> apply.accept(tray.isSelected()));
    }

    private JPanel downloadsRow() {
        downloads.setName(ComponentNames.SETTINGS_DOWNLOADS);
        downloads.setEditable(false);
        JButton change = new JButton(I18n.tr("settings.downloads.change"));
        change.setName(ComponentNames.SETTINGS_DOWNLOADS_CHANGE);
        change.addActionListener(e -> chooseDownloads());
        JPanel row = new JPanel(new BorderLayout(6, 0));
        row.add(downloads, BorderLayout.CENTER);
        row.add(change, BorderLayout.EAST);
        return row;
    }

    /** Adds the new-message sound switch; {@code apply} gets its state when the dialog is applied. */
    void offerSound(boolean on, Consumer<Boolean> apply) {
        javax.swing.JCheckBox sound = new javax.swing.JCheckBox(I18n.tr("settings.sound"), on);
        sound.setName(ComponentNames.SETTINGS_SOUND);
        row("", sound, 0);
        ok.addActionListener(e -> apply.accept(sound.isSelected()));
        pack();
    }

    /** Shows where downloads go now, unless the user has already chosen another folder. */
    void showDownloads(Path folder) {
        if (downloadsChosen == null) {
            show(folder);
        }
    }

    private void show(Path folder) {
        downloadsShown = folder;
        downloads.setText(folder.toString());
        downloads.setToolTipText(folder.toString());
        downloads.setCaretPosition(0);
    }

    private void chooseDownloads() {
        JFileChooser chooser = new JFileChooser(downloadsShown == null ? null : downloadsShown.toFile());
        chooser.setName(ComponentNames.SETTINGS_DOWNLOADS_CHOOSER);
        chooser.setDialogTitle(I18n.tr("settings.downloads.choose"));
        chooser.setApproveButtonText(I18n.tr("settings.downloads.approve"));
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            File folder = chooser.getSelectedFile();
            if (folder != null) {
                downloadsChosen = folder.toPath().toAbsolutePath();
                show(downloadsChosen);
            }
        }
    }

    private record Item<T>(T value, String label) {
        @Override
        public String toString() {
            return label;
        }
    }
}
