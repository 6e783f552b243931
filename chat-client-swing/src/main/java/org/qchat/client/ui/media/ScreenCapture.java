package org.qchat.client.ui.media;

import java.awt.AWTException;
import java.awt.HeadlessException;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import javax.swing.JOptionPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;

import org.qchat.client.i18n.I18n;

/**
 * QQ's screenshot: the screens freeze, dimmed, the user drags out the part to keep, and Enter (or
 * a double-click) hands that part over as an image; Esc or a right-click gives up and hands over
 * nothing. On a HiDPI screen the image has the screen's full pixel density (twice the units each
 * way at 200%).
 */
public final class ScreenCapture {

    /** The customary shortcut, Ctrl+Alt+A, for the chat window to bind. */
    public static final KeyStroke SHORTCUT = KeyStroke.getKeyStroke(KeyEvent.VK_A,
            InputEvent.CTRL_DOWN_MASK | InputEvent.ALT_DOWN_MASK);

    /** One screenshot at a time: a second Ctrl+Alt+A while the first is open would capture the overlay. */
    private static boolean running;

    private ScreenCapture() {
    }

    /**
     * Starts a screenshot; returns at once. The screen is grabbed on a background thread, then the
     * selection window opens. {@code onCaptured} runs on the event thread with the selected part,
     * or never if the user cancels. A grab that fails (no permission to record the screen, no
     * display) is reported in a message box. Call on the event thread.
     */
    public static void start(Window owner, Consumer<BufferedImage> onCaptured) {
        if (running) {
            return;
        }
        running = true;
        CompletableFuture.supplyAsync(ScreenCapture::grab).whenComplete((grab, failure) ->
                SwingUtilities.invokeLater(() -> {
                    if (failure != null) {
                        running = false;
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        JOptionPane.showMessageDialog(owner, I18n.tr("media.capture.failed",
                                cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName()),
                                I18n.tr("dialog.error"), JOptionPane.WARNING_MESSAGE);
                        return;
                    }
                    show(owner, grab, onCaptured);
                }));
    }

    /** Opens the selection window over an existing grab; the part of {@link #start} that needs no Robot. */
    static CaptureOverlay show(Window owner, ScreenGrab grab, Consumer<BufferedImage> onCaptured) {
        running = true;
        CaptureOverlay overlay = new CaptureOverlay(owner, grab, onCaptured, () -> running = false);
        overlay.setVisible(true);
        return overlay;
    }

    private static ScreenGrab grab() {
        try {
            return ScreenGrab.everyScreen();
        } catch (AWTException | HeadlessException e) {
            throw new CompletionException(e);
        }
    }
}
