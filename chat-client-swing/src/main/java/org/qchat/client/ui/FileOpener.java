package org.qchat.client.ui;

import java.awt.Component;
import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import javax.swing.SwingUtilities;

import org.qchat.client.i18n.I18n;

/**
 * "Open" for a received file: the desktop's own application for it; failing that (no application
 * for the type, no desktop integration) the folder it is in, with the file selected where the
 * desktop can do that; failing that, a message that says where it is. The desktop is asked on a
 * thread of its own: on some systems it answers only after the application has started.
 */
final class FileOpener {

    private FileOpener() {
    }

    /** Call on the Swing thread; returns at once. */
    static void open(Component parent, Path file) {
        CompletableFuture.runAsync(() -> {
            if (!tryOpen(file)) {
                throw new IllegalStateException("the desktop cannot open " + file + " or its folder");
            }
        }).whenComplete((ok, failure) -> {
            if (failure != null) {
                SwingUtilities.invokeLater(() -> Dialogs.error(parent, I18n.tr("media.file.openFailed",
                        Glyphs.safe(String.valueOf(file.getFileName())), String.valueOf(file.getParent()))));
            }
        });
    }

    /** Blocks; whether the file or, failing that, its folder was opened. */
    private static boolean tryOpen(Path file) {
        if (!Desktop.isDesktopSupported()) {
            return false;
        }
        Desktop desktop = Desktop.getDesktop();
        try {
            if (desktop.isSupported(Desktop.Action.OPEN)) {
                desktop.open(file.toFile());
                return true;
            }
        } catch (IOException | RuntimeException e) {
            // No application for this type: show the file in its folder instead.
        }
        try {
            if (desktop.isSupported(Desktop.Action.BROWSE_FILE_DIR)) {
                desktop.browseFileDirectory(file.toFile());
                return true;
            }
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null && desktop.isSupported(Desktop.Action.OPEN)) {
                desktop.open(folder.toFile());
                return true;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }
}
