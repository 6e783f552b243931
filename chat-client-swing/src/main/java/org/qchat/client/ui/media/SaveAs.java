package org.qchat.client.ui.media;

import java.awt.Component;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;

import org.qchat.client.i18n.I18n;

/**
 * "Save as…": asks where, with the file's name filled in and the last folder used this session
 * opened, confirms before replacing a file, and copies the original bytes there.
 */
public final class SaveAs {

    private static File lastFolder;

    private SaveAs() {
    }

    /** Asks where to save a file called {@code suggestedName}; empty if the user cancelled. On the event thread. */
    public static Optional<Path> choose(Component parent, String suggestedName) {
        JFileChooser chooser = new JFileChooser(lastFolder) {
            @Override
            public void approveSelection() {
                File target = getSelectedFile();
                if (target != null && target.exists() && !confirmReplace(this, target.getName())) {
                    return;
                }
                super.approveSelection();
            }
        };
        chooser.setDialogTitle(I18n.tr("media.saveAs.title"));
        chooser.setSelectedFile(new File(chooser.getCurrentDirectory(), suggestedName));
        if (chooser.showSaveDialog(parent) != JFileChooser.APPROVE_OPTION || chooser.getSelectedFile() == null) {
            return Optional.empty();
        }
        lastFolder = chooser.getCurrentDirectory();
        return Optional.of(chooser.getSelectedFile().toPath());
    }

    /**
     * Asks where to save {@code source}, then copies it there on a background thread; a failure is
     * shown in a message box. Call on the event thread.
     */
    public static void copy(Component parent, Path source, String suggestedName) {
        choose(parent, suggestedName).ifPresent(target -> CompletableFuture.runAsync(() -> write(source, target))
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        SwingUtilities.invokeLater(() -> JOptionPane.showMessageDialog(parent,
                                I18n.tr("media.saveAs.failed", target.getFileName(), reason(failure)),
                                I18n.tr("dialog.error"), JOptionPane.WARNING_MESSAGE));
                    }
                }));
    }

    /**
     * Copies {@code source} to {@code target} through a temporary file beside it, so that a
     * failed copy never leaves half a file where the user asked for a whole one (nor destroys the
     * file it was to replace). Blocks.
     */
    static void write(Path source, Path target) {
        Path folder = target.toAbsolutePath().getParent();
        Path partial = null;
        try {
            partial = Files.createTempFile(folder, ".qchat-", ".part");
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Why a copy failed, in words: the messages of file exceptions are often only a path. */
    static String reason(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && !(t instanceof IOException)) {
            t = t.getCause();
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return I18n.tr("media.saveAs.denied");
        }
        if (t instanceof java.nio.file.NoSuchFileException) {
            return I18n.tr("media.saveAs.missing");
        }
        if (t instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // The temporary file is hidden and named as ours; leaving it is the lesser harm.
            }
        }
    }

    private static boolean confirmReplace(Component parent, String name) {
        Object[] options = {I18n.tr("media.saveAs.replace"), I18n.tr("dialog.cancel")};
        return JOptionPane.showOptionDialog(parent, I18n.tr("media.saveAs.exists", name),
                I18n.tr("media.saveAs.title"), JOptionPane.YES_NO_OPTION, JOptionPane.WARNING_MESSAGE, null,
                options, options[1]) == 0;
    }
}
