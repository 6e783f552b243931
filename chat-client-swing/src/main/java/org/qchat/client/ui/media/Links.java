package org.qchat.client.ui.media;

import java.awt.Cursor;
import java.awt.Insets;

import javax.swing.JButton;

import org.qchat.client.ui.Theme;

/** Text buttons that read as links: the accent colour, no frame, a hand cursor. */
final class Links {

    private Links() {
    }

    static JButton of(String text, String name, Runnable action) {
        JButton link = new JButton(text);
        link.setName(name);
        link.putClientProperty("JButton.buttonType", "borderless");
        link.setForeground(Theme.accent());
        link.setMargin(new Insets(1, 4, 1, 4));
        link.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
        link.setFocusable(false);
        link.addActionListener(e -> action.run());
        return link;
    }
}
