package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Cursor;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.Icon;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JWindow;
import javax.swing.Timer;
import javax.swing.UIManager;

import org.qchat.client.ui.emoji.EmojiImages;
import org.qchat.client.ui.emoji.EmojiLabel;

/**
 * A small notice in the bottom-right corner of the screen that fades away by itself; clicking it
 * runs an action (opens the conversation). Never takes the focus from what the user is typing in.
 * Drawn by us in the theme's colours (FlatLaf), on every desktop: the system's tray balloon looks
 * foreign on some and cannot be clicked through to the conversation on others.
 */
final class Toast {

    private static final int BODY_WIDTH = 200;
    private static final int SHOW_MILLIS = 5_000;
    private static final int MAX_SHOWN = 4;
    private static final int FADE_STEP_MILLIS = 40;
    private static final List<JWindow> SHOWN = new ArrayList<>();

    private Toast() {
    }

    private static final java.util.Map<String, JWindow> BY_KEY = new java.util.HashMap<>();

    /**
     * Shows a notice; a notice with the same {@code key} (the same conversation) that is still
     * showing is replaced in place, so a burst of messages gives one toast, not a tower.
     */
    static void show(String key, Icon icon, String title, String body, Runnable onClick) {
        JWindow previous = key == null ? null : BY_KEY.remove(key);
        if (previous != null) {
            close(previous);
        }
        JWindow window = show(icon, title, body, onClick);
        if (key != null) {
            BY_KEY.put(key, window);
        }
    }

    static JWindow show(Icon icon, String title, String body, Runnable onClick) {
        JWindow window = new JWindow();
        window.setName(ComponentNames.TOAST);
        window.setFocusableWindowState(false);
        window.setAlwaysOnTop(true);
        JLabel titleLabel = new EmojiLabel();
        titleLabel.setText(Glyphs.safeBesideImages(title));
        titleLabel.setFont(titleLabel.getFont().deriveFont(Font.BOLD));
        titleLabel.setName(ComponentNames.TOAST_TITLE);
        JComponent bodyLabel = body(body);
        bodyLabel.setName(ComponentNames.TOAST_BODY);
        JPanel text = new JPanel(new BorderLayout(0, 2));
        text.setOpaque(false);
        text.add(titleLabel, BorderLayout.NORTH);
        text.add(bodyLabel, BorderLayout.CENTER);
        JPanel content = new JPanel(new BorderLayout(10, 0));
        Color border = UIManager.getColor("Component.borderColor");
        content.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createLineBorder(border == null ? Color.GRAY : border),
                BorderFactory.createEmptyBorder(10, 12, 10, 12)));
        content.setBackground(UIManager.getColor("Panel.background"));
        content.add(new JLabel(icon), BorderLayout.WEST);
        content.add(text, BorderLayout.CENTER);
        content.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
        window.setContentPane(content);
        window.pack();

        Timer timer = new Timer(SHOW_MILLIS, e -> fadeOut(window));
        timer.setRepeats(false);
        MouseAdapter click = new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                timer.stop();
                close(window);
                if (onClick != null) {
                    onClick.run();
                }
            }
        };
        content.addMouseListener(click);
        bodyLabel.addMouseListener(click);
        if (SHOWN.size() >= MAX_SHOWN) {
            close(SHOWN.get(0));
        }
        SHOWN.add(window);
        layout();
        window.setVisible(true);
        timer.start();
        return window;
    }

    /** The body, wrapped at the toast's width; text that holds colour emoji draws them as images. */
    private static JComponent body(String body) {
        if (!EmojiImages.anyIn(body)) {
            return new JLabel("<html><body style='width:" + BODY_WIDTH + "px'>" + Texts.html(Glyphs.safe(body)) + "</body></html>");
        }
        WrappingText text = new WrappingText(Glyphs.safeBesideImages(body));
        text.setMaxWidth(BODY_WIDTH);
        text.setFocusable(false);
        text.setHighlighter(null);
        text.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
        return text;
    }

    /** Fades the notice out where the desktop draws translucent windows, else closes it at once. */
    private static void fadeOut(JWindow window) {
        java.awt.GraphicsDevice device = window.getGraphicsConfiguration() == null ? null
                : window.getGraphicsConfiguration().getDevice();
        if (device == null || !device.isWindowTranslucencySupported(
                java.awt.GraphicsDevice.WindowTranslucency.TRANSLUCENT)) {
            close(window);
            return;
        }
        Timer fade = new Timer(FADE_STEP_MILLIS, null);
        fade.addActionListener(e -> {
            float next = window.getOpacity() - 0.1f;
            if (next <= 0.05f || !window.isDisplayable()) {
                fade.stop();
                close(window);
            } else {
                window.setOpacity(next);
            }
        });
        fade.start();
    }

    private static void close(JWindow window) {
        BY_KEY.values().remove(window);
        if (SHOWN.remove(window)) {
            window.dispose();
            layout();
        }
    }

    /** Stacks the toasts upwards from the bottom-right corner of the usable screen. */
    private static void layout() {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        int y = screen.y + screen.height - 12;
        for (int i = SHOWN.size() - 1; i >= 0; i--) {
            JWindow w = SHOWN.get(i);
            y -= w.getHeight();
            w.setLocation(screen.x + screen.width - w.getWidth() - 12, y);
            y -= 8;
        }
    }

    static void closeAll() {
        for (JWindow w : List.copyOf(SHOWN)) {
            close(w);
        }
    }
}
