package org.qchat.client.ui;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.ChatMessage;

/**
 * A group's system line in the conversation: one centred grey line ("Alice removed Bob from the
 * group"), not a bubble. Built from the line's event in the user's language ({@link SystemLineText}).
 */
final class SystemLineView extends JPanel {

    /** The name tests find system lines by. */
    static final String NAME = "chat.systemLine";

    private final JLabel label = new JLabel();

    SystemLineView(ChatClient client, ChatMessage message) {
        super(new FlowLayout(FlowLayout.CENTER, 0, 0));
        setName(NAME);
        setOpaque(false);
        setBorder(BorderFactory.createEmptyBorder(6, 10, 6, 10));
        setAlignmentX(Component.LEFT_ALIGNMENT);
        label.setName(NAME + ".text");
        label.setForeground(Theme.secondaryText());
        label.setFont(label.getFont().deriveFont(Font.PLAIN, label.getFont().getSize2D() - 1f));
        label.setText(Glyphs.safe(SystemLineText.of(client, message)));
        label.setToolTipText(Texts.time(message.time()));
        add(label);
    }

    String text() {
        return label.getText();
    }

    @Override
    public Dimension getMaximumSize() {
        return new Dimension(Integer.MAX_VALUE, getPreferredSize().height);
    }
}
