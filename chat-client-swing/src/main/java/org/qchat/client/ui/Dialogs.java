package org.qchat.client.ui;

import java.awt.Component;
import java.awt.Window;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;

import org.qchat.client.core.Action;
import org.qchat.client.core.ErrorKeys;
import org.qchat.client.i18n.I18n;

/** Small helpers for confirmations, error messages and running a request from a button. */
final class Dialogs {

    private Dialogs() {
    }

    static boolean confirm(Component parent, String message, String title) {
        Object[] options = {I18n.tr("dialog.yes"), I18n.tr("dialog.no")};
        int answer = JOptionPane.showOptionDialog(parent, message, title, JOptionPane.YES_NO_OPTION,
                JOptionPane.QUESTION_MESSAGE, null, options, options[1]);
        return answer == 0;
    }

    static void error(Component parent, String message) {
        JOptionPane.showMessageDialog(parent, message, I18n.tr("dialog.error"), JOptionPane.WARNING_MESSAGE,
                null);
    }

    /**
     * Calls {@code onSuccess} when the request succeeds, or shows why it failed in
     * {@code errorLabel} (or a message box if null). Both on the EDT, where the future completes.
     */
    static <T> void whenDone(CompletableFuture<T> future, Action action, Component parent, JLabel errorLabel,
                             Consumer<T> onSuccess) {
        future.whenComplete((value, failure) -> SwingUtilities.invokeLater(() -> {
            if (failure == null) {
                onSuccess.accept(value);
                return;
            }
            String text = I18n.tr(ErrorKeys.of(failure, action));
            if (errorLabel != null) {
                errorLabel.setText(text);
                errorLabel.setVisible(true);
            } else {
                error(parent, text);
            }
        }));
    }

    /** Moves a window that sticks out of the screen back onto it (owners sit at the screen's edge). */
    static void keepOnScreen(Window window) {
        java.awt.Rectangle screen = window.getGraphicsConfiguration() != null
                ? window.getGraphicsConfiguration().getBounds()
                : java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        int x = Math.max(screen.x, Math.min(window.getX(), screen.x + screen.width - window.getWidth()));
        int y = Math.max(screen.y, Math.min(window.getY(), screen.y + screen.height - window.getHeight()));
        window.setLocation(x, y);
    }
}
