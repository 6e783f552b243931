package org.qchat.client.ui;

import java.awt.Component;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.swing.JFileChooser;

import org.qchat.client.i18n.I18n;

/** The paperclip's "choose files to send", several at once, opening where the last choice was made this session. */
final class FilePicker {

    private static File lastFolder;

    private FilePicker() {
    }

    /** The files chosen, in the order the chooser gives them; empty if the user cancelled. On the Swing thread. */
    static List<Path> choose(Component parent) {
        JFileChooser chooser = new JFileChooser(lastFolder);
        chooser.setName(ComponentNames.ATTACH_CHOOSER);
        chooser.setDialogTitle(I18n.tr("chat.attach.title"));
        chooser.setApproveButtonText(I18n.tr("chat.attach.approve"));
        chooser.setMultiSelectionEnabled(true);
        chooser.setFileSelectionMode(JFileChooser.FILES_ONLY);
        if (chooser.showOpenDialog(parent) != JFileChooser.APPROVE_OPTION) {
            return List.of();
        }
        lastFolder = chooser.getCurrentDirectory();
        File[] chosen = chooser.getSelectedFiles();
        if (chosen.length == 0 && chooser.getSelectedFile() != null) {
            chosen = new File[] {chooser.getSelectedFile()};
        }
        return Arrays.stream(chosen).map(File::toPath).toList();
    }
}
