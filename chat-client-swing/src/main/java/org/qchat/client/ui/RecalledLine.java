package org.qchat.client.ui;

import java.awt.Font;

import javax.swing.JLabel;

import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.i18n.I18n;

/** Where a recalled message was: a centred grey line, "Alice recalled a message" or "You recalled a message". */
final class RecalledLine {

    static final String NAME = "message.recalled";

    private RecalledLine() {
    }

    /** The words of the line for {@code message}, recalled by its {@code recalledBy}. */
    static String words(ChatMessage message, long myId, String recallerName) {
        Long by = message.extras().recalledBy();
        return by != null && by == myId ? I18n.tr("message.recalled.mine") : I18n.tr("message.recalled.by", recallerName);
    }

    static JLabel of(String words) {
        JLabel line = new JLabel(words, JLabel.CENTER);
        line.setName(NAME);
        line.setForeground(Theme.secondaryText());
        line.setFont(line.getFont().deriveFont(Font.PLAIN, line.getFont().getSize2D() - 1f));
        return line;
    }
}
