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

    /** {@link #confirm(Component, String, String, String)} whose button is named like the title ("Remove friend"). */
    static boolean confirm(Component parent, String message, String title) {
        return confirm(parent, message, title, title);
    }

    /**
     * Asks before doing something that cannot simply be taken back. The buttons name the action
     * ({@code action}, e.g. "Remove") and "Cancel", as desktop guidelines ask, never Yes/No; Cancel
     * is the default, and Esc or closing the dialog cancels too.
     */
    static boolean confirm(Component parent, String message, String title, String action) {
        Object[] options = {action, I18n.tr("dialog.cancel")};
        // Wrapped: a long sentence would otherwise make the dialog as wide as the screen.
        String wrapped = "<html><body style='width:320px'>" + Texts.html(message) + "</body></html>";
        JOptionPane pane = new JOptionPane(wrapped, JOptionPane.QUESTION_MESSAGE, JOptionPane.DEFAULT_OPTION, null,
                options, options[1]);
        javax.swing.JDialog dialog = pane.createDialog(parent, title);
        dialog.setName(ComponentNames.CONFIRM_DIALOG);
        dialog.setVisible(true); // modal: returns once a button was pressed or the dialog closed
        dialog.dispose();
        return action.equals(pane.getValue());
    }

    /** Esc closes the dialog, as it does everywhere else on the desktop. */
    static void closeOnEscape(javax.swing.RootPaneContainer dialog) {
        dialog.getRootPane().registerKeyboardAction(e -> ((Window) dialog).dispose(),
                javax.swing.KeyStroke.getKeyStroke(java.awt.event.KeyEvent.VK_ESCAPE, 0),
                javax.swing.JComponent.WHEN_IN_FOCUSED_WINDOW);
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
