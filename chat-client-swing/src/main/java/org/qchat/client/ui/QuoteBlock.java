package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Cursor;
import java.awt.Font;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;

import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.Quote;

/**
 * The message a reply quotes, above the reply's text: its sender and an excerpt, or that it was
 * recalled. A click asks to show the quoted message.
 */
final class QuoteBlock extends JPanel {

    static final String NAME = "message.quote";
    private static final int EXCERPT = 40;

    /** @param senderName the quoted message's sender, or null when the reader may not see it */
    QuoteBlock(Quote quote, String senderName, Runnable onClick) {
        super(new BorderLayout(0, 2));
        setName(NAME);
        setOpaque(false);
        setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(0, 3, 0, 0, Theme.secondaryText()),
                BorderFactory.createEmptyBorder(2, 8, 2, 4)));
        JLabel excerpt = new JLabel(Glyphs.safe(excerpt(quote)));
        excerpt.setName(NAME + ".text");
        excerpt.setForeground(Theme.secondaryText());
        if (senderName != null) {
            JLabel sender = new JLabel(senderName);
            sender.setFont(sender.getFont().deriveFont(Font.BOLD, sender.getFont().getSize2D() - 1f));
            sender.setForeground(Theme.secondaryText());
            add(sender, BorderLayout.NORTH);
        }
        add(excerpt, BorderLayout.CENTER);
        setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
        addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getButton() == MouseEvent.BUTTON1) {
                    onClick.run();
                }
            }
        });
    }

    /** What a quote shows of the quoted message. */
    static String excerpt(Quote quote) {
        if (Boolean.TRUE.equals(quote.recalled())) {
            return I18n.tr("message.quote.recalled");
        }
        if (quote.text() == null) {
            return I18n.tr("message.quote.hidden");
        }
        if (quote.kind() == MessageKind.IMAGE) {
            return I18n.tr("message.quote.image");
        }
        // A file's excerpt is the server's fallback, "[file] name".
        return Texts.preview(quote.text(), EXCERPT);
    }
}
