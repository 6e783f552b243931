package org.qchat.client.ui.media;

import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.KeyStroke;

import org.qchat.client.ui.ComponentNames;

/**
 * The undecorated window over all screens that holds the {@link CapturePanel}: Enter confirms,
 * Esc cancels, the arrow keys move the selection (with Shift, ten units at a time).
 */
final class CaptureOverlay extends JDialog {

    private final ScreenGrab grab;
    private final Consumer<BufferedImage> onCaptured;
    private final CapturePanel panel;
    private final Runnable onClosed;
    private boolean finished;

    CaptureOverlay(Window owner, ScreenGrab grab, Consumer<BufferedImage> onCaptured, Runnable onClosed) {
        super(owner, ModalityType.MODELESS);
        this.grab = grab;
        this.onCaptured = onCaptured;
        this.onClosed = onClosed;
        setName(ComponentNames.CAPTURE);
        setUndecorated(true);
        setAlwaysOnTop(true);
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        panel = new CapturePanel(grab, this::confirm, this::cancel);
        setContentPane(panel);
        setBounds(grab.bounds());
        bindKeys();
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                finish();
            }

            @Override
            public void windowOpened(WindowEvent e) {
                toFront();
                panel.requestFocusInWindow();
            }
        });
    }

    CapturePanel panel() {
        return panel;
    }

    private void bindKeys() {
        key("confirm", panel::confirm, KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0));
        key("cancel", this::cancel, KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0));
        int[][] arrows = {{KeyEvent.VK_LEFT, -1, 0}, {KeyEvent.VK_RIGHT, 1, 0}, {KeyEvent.VK_UP, 0, -1},
                {KeyEvent.VK_DOWN, 0, 1}};
        for (int[] a : arrows) {
            key("nudge" + a[0], () -> panel.nudge(a[1], a[2]), KeyStroke.getKeyStroke(a[0], 0));
            key("nudge10" + a[0], () -> panel.nudge(10 * a[1], 10 * a[2]),
                    KeyStroke.getKeyStroke(a[0], InputEvent.SHIFT_DOWN_MASK));
        }
    }

    private void key(String name, Runnable run, KeyStroke stroke) {
        getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(stroke, name);
        getRootPane().getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                run.run();
            }
        });
    }

    /** Closes first, so that whatever the callback opens is not hidden under a window on top of everything. */
    private void confirm() {
        BufferedImage picture = grab.crop(panel.selection());
        dispose();
        onCaptured.accept(picture);
    }

    private void cancel() {
        dispose();
    }

    private void finish() {
        if (!finished) {
            finished = true;
            onClosed.run();
        }
    }
}
