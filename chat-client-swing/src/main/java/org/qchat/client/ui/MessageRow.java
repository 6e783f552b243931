package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;

import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.DeliveryState;
import org.qchat.client.core.model.Receipts.Tick;
import org.qchat.client.i18n.I18n;

/**
 * One message: others' on the left with their avatar and name, mine on the right in the accent
 * colour with its tick or "N read" under it ({@link ReceiptMark}; Retry when it failed);
 * announcements centred as a notice. In a run of messages from one sender only the first shows
 * the avatar and name, and the time only where it changes ({@link #setRun}). An image or a file
 * shows as itself ({@link MediaView}) instead of a bubble of text, following its transfer until
 * the row is {@link #dispose disposed}.
 */
final class MessageRow extends JPanel {

    /** RECALLED: a recalled message, a centred grey line; its {@code senderName} is the line to show. */
    enum Style { THEIRS, MINE, NOTICE, RECALLED }

    private final Style style;
    /** The text, for a text message; null for an image or a file. */
    private final WrappingText text;
    /** The image or file, for such a message; null for text. */
    private final MediaView media;
    private final JLabel state = new JLabel();
    private final JButton retry = new JButton();
    /** What holds the message: a text bubble, a picture or a file card; null for a recalled message. */
    private final JComponent bubble;
    private final JLabel header;
    private final JLabel avatar;
    private final String senderName;
    private ReceiptMark receipt;
    private Runnable onReceiptClick = () -> { };
    private ChatMessage message;
    private boolean mentionShown;

    MessageRow(ChatMessage message, Style style, String senderName, java.util.function.Consumer<String> onRetry,
               MediaView.Factory mediaViews) {
        super(new BorderLayout(8, 0));
        this.style = style;
        this.message = message;
        this.senderName = senderName;
        setOpaque(false);
        setName(message.isStored() ? "message." + message.seq() : "message.out." + message.clientMsgId());
        setBorder(BorderFactory.createEmptyBorder(6, 12, 6, 12));
        if (style == Style.RECALLED) {
            text = null;
            media = null;
            bubble = null;
            header = new JLabel();
            avatar = new JLabel();
            add(RecalledLine.of(senderName), BorderLayout.CENTER);
            return;
        }
        if (message.hasFile() && style != Style.NOTICE) {
            // A picture or a file card is its own bubble, as in QQ.
            text = null;
            media = mediaViews.create(message, this::updateState);
            bubble = media.component();
        } else {
            media = null;
            text = new WrappingText(Glyphs.safeBesideImages(Texts.words(message)));
            text.setForeground(style == Style.MINE ? Theme.myBubbleText() : Theme.theirBubbleText());
            bubble = new Bubble(style == Style.MINE ? Theme.myBubble()
                    : style == Style.NOTICE ? Theme.noticeBackground() : Theme.theirBubble());
            bubble.add(text, BorderLayout.CENTER);
        }

        JPanel column = new JPanel();
        column.setOpaque(false);
        column.setLayout(new BoxLayout(column, BoxLayout.Y_AXIS));
        float align = style == Style.MINE ? Component.RIGHT_ALIGNMENT
                : style == Style.NOTICE ? Component.CENTER_ALIGNMENT : Component.LEFT_ALIGNMENT;

        header = new JLabel(headerText(true, true));
        header.setFont(header.getFont().deriveFont(header.getFont().getSize2D() - 1f));
        header.setForeground(Theme.secondaryText());
        header.setAlignmentX(align);
        bubble.setAlignmentX(align);
        column.add(header);
        column.add(Box.createVerticalStrut(3));
        column.add(bubble);

        if (style == Style.MINE) {
            state.setName(ComponentNames.MESSAGE_STATE);
            state.setFont(header.getFont());
            state.addMouseListener(new java.awt.event.MouseAdapter() {
                @Override
                public void mouseClicked(java.awt.event.MouseEvent e) {
                    onReceiptClick.run();
                }
            });
            retry.setName(ComponentNames.MESSAGE_RETRY);
            retry.setText(I18n.tr("message.retry"));
            retry.putClientProperty("JButton.buttonType", "borderless");
            retry.setFont(header.getFont().deriveFont(Font.BOLD));
            retry.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
            retry.addActionListener(e -> onRetry.accept(this.message.clientMsgId()));
            JPanel stateRow = new JPanel(new FlowLayout(FlowLayout.RIGHT, 4, 0));
            stateRow.setOpaque(false);
            stateRow.add(state);
            stateRow.add(retry);
            stateRow.setAlignmentX(align);
            stateRow.setMaximumSize(new Dimension(Integer.MAX_VALUE, stateRow.getPreferredSize().height));
            column.add(stateRow);
            updateState();
        }

        avatar = new JLabel(Avatars.user(message.senderId(), senderName, 34));
        switch (style) {
            case MINE -> {
                add(column, BorderLayout.CENTER);
                add(top(avatar), BorderLayout.EAST);
            }
            case THEIRS -> {
                add(top(avatar), BorderLayout.WEST);
                add(column, BorderLayout.CENTER);
            }
            case NOTICE, RECALLED -> add(column, BorderLayout.CENTER);
        }
    }

    /** Shows the message this one quotes above its text. */
    void showQuote(JComponent quote) {
        if (bubble instanceof Bubble b) {
            b.add(quote, BorderLayout.NORTH);
        }
    }

    /** Marks a message that mentions me. */
    void highlightMention() {
        if (bubble != null) {
            mentionShown = true;
            bubble.setBorder(BorderFactory.createCompoundBorder(
                    BorderFactory.createLineBorder(Theme.accent(), 2, true), bubble.getBorder()));
        }
    }

    /** Whether the row is marked as mentioning me. */
    boolean showsMention() {
        return mentionShown;
    }

    private String headerText(boolean startsRun, boolean showTime) {
        String time = showTime ? Texts.time(message.time()) : "";
        return switch (style) {
            case MINE -> time;
            case THEIRS -> startsRun ? (senderName + "  " + time).strip() : time;
            case NOTICE -> "📢 " + I18n.tr("notice.announcement") + "  " + Texts.time(message.time());
            case RECALLED -> senderName; // not reached: a recalled message is a line of its own
        };
    }

    /**
     * Places the row in a run of messages from one sender: only the run's first row shows the
     * avatar and the name (later ones keep the avatar's room, so bubbles line up), and the time
     * shows only where it changed.
     */
    void setRun(boolean startsRun, boolean showTime) {
        if (style == Style.NOTICE || style == Style.RECALLED) {
            return;
        }
        String text = headerText(startsRun, showTime);
        header.setText(text.isEmpty() ? null : text);
        header.setVisible(!text.isEmpty());
        avatar.setIcon(startsRun ? Avatars.user(message.senderId(), senderName, 34) : null);
        avatar.setPreferredSize(new Dimension(34, startsRun ? 34 : 1));
        setBorder(BorderFactory.createEmptyBorder(startsRun ? 6 : 1, 12, showTime || startsRun ? 6 : 2, 12));
        revalidate();
    }

    /** Whether the header (name and time) is shown. */
    boolean showsHeader() {
        return header.isVisible();
    }

    /** Whether the avatar is shown (first of a run). */
    boolean showsAvatar() {
        return avatar.getIcon() != null;
    }

    /** What my stored message shows under it; {@code onClick} runs when it is clicked (a group's "N read"). */
    void showReceipt(ReceiptMark mark, Runnable onClick) {
        if (style != Style.MINE || java.util.Objects.equals(mark, receipt)) {
            return;
        }
        receipt = mark;
        onReceiptClick = onClick == null ? () -> { } : onClick;
        updateState();
    }

    ReceiptMark receipt() {
        return receipt;
    }

    private static JPanel top(JLabel avatar) {
        JPanel p = new JPanel(new BorderLayout());
        p.setOpaque(false);
        p.add(avatar, BorderLayout.NORTH);
        return p;
    }

    ChatMessage message() {
        return message;
    }

    /**
     * Updates the delivery state shown (and what an upload learned of its file); the text of a
     * message never changes.
     */
    void update(ChatMessage next) {
        boolean changed = next.state() != message.state() || !java.util.Objects.equals(next.errorKey(), message.errorKey());
        message = next;
        if (media != null) {
            media.update(next);
        }
        if (changed) {
            updateState();
        }
    }

    /** The preview of my picture is here now: show it. */
    void pictureArrived() {
        if (media != null) {
            media.pictureArrived();
        }
    }

    /** Stops following the message's transfer; the row is thrown away. */
    void dispose() {
        if (media != null) {
            media.close();
        }
    }

    /**
     * An upload that failed shows why and Retry on its picture or card: the line under it then
     * says only "Not sent", without a second Retry. Called by the media view while it is being
     * made, before {@code media} is set.
     */
    private void updateState() {
        if (style != Style.MINE) {
            return;
        }
        DeliveryState s = message.state();
        boolean mediaShowsIt = media != null && media.showsFailure();
        state.setIcon(null);
        state.setToolTipText(null);
        state.setCursor(Cursor.getDefaultCursor());
        switch (s) {
            case SENDING -> {
                state.setText(null);
                state.setIcon(StatusIcons.tick(Tick.SENDING));
                state.setToolTipText(I18n.tr("message.tick.sending"));
            }
            case SENT -> {
                ReceiptMark mark = receipt != null ? receipt : ReceiptMark.plain(Tick.SENT);
                state.setText(mark.text().isEmpty() ? null : mark.text());
                state.setIcon(mark.icon());
                state.setToolTipText(mark.tooltip());
                if (!mark.readers().isEmpty()) {
                    state.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
                }
            }
            case FAILED -> state.setText(mediaShowsIt ? I18n.tr("message.notSent")
                    : I18n.tr("message.failed", message.errorKey() == null ? "" : I18n.tr(message.errorKey())));
        }
        state.setForeground(s == DeliveryState.FAILED ? Theme.error()
                : receipt != null && !receipt.readers().isEmpty() ? StatusIcons.READ_BLUE : Theme.secondaryText());
        retry.setVisible(s == DeliveryState.FAILED && !mediaShowsIt);
        revalidate();
    }

    /**
     * The widest a bubble may be: a share of the list width, so long messages wrap. Pictures and
     * file cards keep their own size.
     */
    void setAvailableWidth(int listWidth) {
        if (text != null) {
            int share = style == Style.NOTICE ? listWidth - 80 : (int) (listWidth * 0.68);
            text.setMaxWidth(share - 24);
        }
    }

    @Override
    public Dimension getMaximumSize() {
        return new Dimension(Integer.MAX_VALUE, getPreferredSize().height);
    }

    /** A rounded, filled panel. */
    private static final class Bubble extends JPanel {
        private final Color fill;

        Bubble(Color fill) {
            super(new BorderLayout());
            this.fill = fill;
            setOpaque(false);
            setBorder(BorderFactory.createEmptyBorder(8, 12, 8, 12));
        }

        @Override
        public Dimension getMaximumSize() {
            return getPreferredSize();
        }

        @Override
        protected void paintComponent(Graphics g) {
            Graphics2D g2 = (Graphics2D) g.create();
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setColor(fill);
            g2.fillRoundRect(0, 0, getWidth(), getHeight(), 16, 16);
            g2.dispose();
        }
    }
}
