package org.qchat.client.ui;

import java.awt.BorderLayout;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;

import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.Quote;

/** Above the compose box while replying: "Reply to Alice: excerpt ×". Hidden when not replying. */
final class ReplyBar extends JPanel {

    static final String NAME = "compose.reply";
    static final String CANCEL = "compose.reply.cancel";

    private final JLabel label = new JLabel();
    private Quote quote;

    ReplyBar() {
        super(new BorderLayout(6, 0));
        setName(NAME);
        setBackground(Theme.noticeBackground());
        setBorder(BorderFactory.createEmptyBorder(4, 10, 4, 6));
        label.setName(NAME + ".text");
        label.setForeground(Theme.secondaryText());
        JButton cancel = new JButton("×");
        cancel.setName(CANCEL);
        cancel.setToolTipText(I18n.tr("compose.reply.cancel"));
        cancel.putClientProperty("JButton.buttonType", "toolBarButton");
        cancel.setFocusable(false);
        cancel.addActionListener(e -> clear());
        add(label, BorderLayout.CENTER);
        add(cancel, BorderLayout.EAST);
        setVisible(false);
    }

    /** Starts a reply to {@code message}, sent by {@code senderName}. */
    void replyTo(ChatMessage message, String senderName) {
        quote = quoteOf(message);
        label.setText(I18n.tr("compose.reply", senderName, QuoteBlock.excerpt(quote)));
        setVisible(true);
        revalidate();
    }

    /** The quote of the message being replied to, or null. */
    Quote quote() {
        return quote;
    }

    void clear() {
        quote = null;
        setVisible(false);
        revalidate();
    }

    /** The quote a reply to {@code message} shows until the server sends its own. */
    static Quote quoteOf(ChatMessage message) {
        String text = message.text();
        if (text.codePointCount(0, text.length()) > Quote.MAX_EXCERPT) {
            text = text.substring(0, text.offsetByCodePoints(0, Quote.MAX_EXCERPT));
        }
        return new Quote(message.seq(), message.senderId(), text,
                message.kind() == MessageKind.TEXT ? null : message.kind(), null);
    }
}
