package org.qchat.client.ui;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JViewport;
import javax.swing.Scrollable;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.i18n.I18n;

/**
 * The messages of one conversation, top to bottom, as {@link MessageRow}s. Rows are kept by
 * message key between refreshes, so a new message adds one row and a state change updates one
 * label instead of rebuilding the list. A row that leaves is disposed: its picture or file stops
 * following its transfer.
 */
final class MessageListPanel extends JPanel implements Scrollable {

    private final ChatClient client;
    private final Conversation conv;
    private final Consumer<String> onRetry;
    private final MediaView.Factory mediaViews;
    private final PictureCache pictures;
    private final Consumer<String> pictureListener = this::pictureArrived;
    private final Map<String, MessageRow> rows = new HashMap<>();
    private final JLabel historyStatus = new JLabel(" ", JLabel.CENTER);
    private int availableWidth = 600;

    /** @param onHistoryClick loads older messages (the status line at the top is clickable, for short lists) */
    MessageListPanel(ChatClient client, Conversation conv, PictureCache pictures, Consumer<String> onRetry,
                     Runnable onHistoryClick) {
        this.client = client;
        this.conv = conv;
        this.onRetry = onRetry;
        this.pictures = pictures;
        this.mediaViews = MediaView.factory(client, pictures);
        pictures.addListener(pictureListener);
        setName(ComponentNames.CHAT_MESSAGES);
        setLayout(new BoxLayout(this, BoxLayout.Y_AXIS));
        setBackground(Theme.chatBackground());
        setBorder(BorderFactory.createEmptyBorder(6, 0, 10, 0));
        historyStatus.setForeground(Theme.secondaryText());
        // Same alignment as the rows: BoxLayout offsets children of mixed alignments against each other.
        historyStatus.setAlignmentX(Component.LEFT_ALIGNMENT);
        historyStatus.setBorder(BorderFactory.createEmptyBorder(4, 0, 4, 0));
        historyStatus.setMaximumSize(new Dimension(Integer.MAX_VALUE, 28));
        historyStatus.setName(ComponentNames.CHAT_HISTORY);
        historyStatus.addMouseListener(new java.awt.event.MouseAdapter() {
            @Override
            public void mouseClicked(java.awt.event.MouseEvent e) {
                onHistoryClick.run();
            }
        });
        refresh();
    }

    /** Shows what is known about older messages: loading, none left, or scroll up for more. */
    void setHistoryStatus(String key) {
        historyStatus.setText(key == null ? " " : I18n.tr(key));
        historyStatus.setCursor(java.awt.Cursor.getPredefinedCursor("chat.history.more".equals(key)
                ? java.awt.Cursor.HAND_CURSOR : java.awt.Cursor.DEFAULT_CURSOR));
    }

    /** Brings the rows in line with the conversation. */
    void refresh() {
        List<ChatMessage> messages = conv.messages();
        Map<String, MessageRow> next = new HashMap<>();
        removeAll();
        add(historyStatus);
        long myId = client.session().myId();
        for (ChatMessage m : messages) {
            if (m.isSystemLine()) {
                add(new SystemLineView(client, m));
                continue;
            }
            MessageRow row = rows.get(m.key());
            if (row == null) {
                MessageRow.Style style = conv.isSystem() ? MessageRow.Style.NOTICE
                        : m.senderId() == myId ? MessageRow.Style.MINE : MessageRow.Style.THEIRS;
                row = new MessageRow(m, style, Texts.userName(client, m.senderId()), onRetry, mediaViews);
                row.setAvailableWidth(availableWidth);
            } else {
                row.update(m);
            }
            row.setAlignmentX(Component.LEFT_ALIGNMENT);
            next.put(m.key(), row);
            add(row);
        }
        rows.forEach((key, row) -> {
            if (next.get(key) != row) {
                row.dispose();
            }
        });
        rows.clear();
        rows.putAll(next);
        revalidate();
        repaint();
    }

    /** Names of senders became known (a member list loaded): rebuild rows that showed a placeholder. */
    void refreshNames() {
        rows.values().forEach(MessageRow::dispose);
        rows.clear();
        refresh();
    }

    private void pictureArrived(String clientMsgId) {
        for (MessageRow row : rows.values()) {
            if (clientMsgId.equals(row.message().clientMsgId())) {
                row.pictureArrived();
            }
        }
    }

    /** The conversation's tab closed: every row stops following its transfer. */
    void dispose() {
        pictures.removeListener(pictureListener);
        rows.values().forEach(MessageRow::dispose);
    }

    /** The viewport width changed: let bubbles wrap to the new width. */
    void setAvailableWidth(int width) {
        if (width > 0 && width != availableWidth) {
            availableWidth = width;
            rows.values().forEach(r -> r.setAvailableWidth(width));
            revalidate();
        }
    }

    int rowCount() {
        return rows.size();
    }

    // ---- Scrollable: track the viewport width, scroll vertically ------------------------------

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return 24;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return Math.max(24, visible.height - 48);
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        // Fill a tall viewport (so the background covers it) until the content is taller.
        return getParent() instanceof JViewport viewport && getPreferredSize().height < viewport.getHeight();
    }
}
