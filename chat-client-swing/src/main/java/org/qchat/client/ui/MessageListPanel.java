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
 * following its transfer. Messages of one sender in a row form a run ({@link MessageRow#setRun}),
 * and my messages show their ticks or readers ({@link ReceiptMark}).
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
    private MessageMenu menu;
    /** A run of one sender's messages continues while each follows the last within this time. */
    static final long RUN_GAP_MILLIS = 5 * 60_000L;

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
        ChatMessage previous = null;
        for (ChatMessage m : messages) {
            if (m.isSystemLine()) {
                add(new SystemLineView(client, m));
                previous = null; // a line between messages ends the run: the next one shows its sender
                continue;
            }
            MessageRow row = rows.get(m.key());
            if (row != null && MessageDecorations.changedLook(row.message(), m)) {
                row.dispose();
                row = null;
            }
            if (row == null) {
                MessageRow.Style style = m.isRecalled() ? MessageRow.Style.RECALLED : conv.isSystem() ? MessageRow.Style.NOTICE
                        : m.senderId() == myId ? MessageRow.Style.MINE : MessageRow.Style.THEIRS;
                String name = m.isRecalled()
                        ? RecalledLine.words(m, myId, Texts.userName(client, m.extras().recalledBy()))
                        : Texts.userName(client, m.senderId());
                row = new MessageRow(m, style, name, onRetry, mediaViews);
                MessageDecorations.decorate(row, m, client, conv, this::showMessage, menu);
                row.setAvailableWidth(availableWidth);
            } else {
                row.update(m);
            }
            row.setAlignmentX(Component.LEFT_ALIGNMENT);
            boolean timeChanged = previous == null || m.time() - previous.time() > RUN_GAP_MILLIS;
            row.setRun(timeChanged || previous.senderId() != m.senderId(), timeChanged);
            if (m.senderId() == myId && !conv.isSystem()) {
                ReceiptMark mark = ReceiptMark.of(client, conv, m);
                MessageRow shown = row;
                row.showReceipt(mark, mark.readers().isEmpty() ? null : () -> showReaders(shown));
            }
            previous = m.isRecalled() ? null : m;
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

    /** Gives every message the right-click menu; rows made from now on get it too. */
    void setMenu(MessageMenu menu) {
        this.menu = menu;
        refreshNames();
    }

    /** Scrolls to message {@code seq} if it is loaded (a click on a quote of it). */
    void showMessage(long seq) {
        MessageRow row = rows.get("seq:" + seq);
        if (row != null) {
            scrollRectToVisible(row.getBounds());
        }
    }

    /** Lists who read one of my group messages, under its "N read", after asking the server again. */
    private void showReaders(MessageRow row) {
        client.loadReceipts(conv.convId()).whenComplete((v, failure) -> {
            ReceiptMark mark = ReceiptMark.of(client, conv, row.message());
            javax.swing.JPopupMenu menu = new javax.swing.JPopupMenu();
            menu.setName(ComponentNames.MESSAGE_READERS);
            for (long userId : mark.readers()) {
                javax.swing.JMenuItem item = new javax.swing.JMenuItem(Glyphs.safe(Texts.userName(client, userId)));
                item.setEnabled(false);
                menu.add(item);
            }
            if (row.isShowing() && menu.getComponentCount() > 0) {
                menu.show(row, row.getWidth() - menu.getPreferredSize().width - 12, row.getHeight());
            }
        });
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

    // ---- a message opened from a search ------------------------------------------------------

    private static final int HIGHLIGHT_MS = 1800;
    private MessageRow highlighted;
    private javax.swing.Timer highlightTimer;

    /** Where a stored message's row is, in this panel's coordinates. */
    java.util.Optional<Rectangle> rowBounds(long seq) {
        MessageRow row = rows.get("seq:" + seq);
        return row == null ? java.util.Optional.empty() : java.util.Optional.of(row.getBounds());
    }

    /** Tints a message's row for a moment, so the eye finds it. */
    void highlight(long seq) {
        MessageRow row = rows.get("seq:" + seq);
        if (row == null) {
            return;
        }
        endHighlight();
        highlighted = row;
        row.setBackground(Theme.noticeBackground());
        row.setOpaque(true);
        row.repaint();
        highlightTimer = new javax.swing.Timer(HIGHLIGHT_MS, e -> endHighlight());
        highlightTimer.setRepeats(false);
        highlightTimer.start();
    }

    private void endHighlight() {
        if (highlightTimer != null) {
            highlightTimer.stop();
            highlightTimer = null;
        }
        if (highlighted != null) {
            highlighted.setOpaque(false);
            highlighted.repaint();
            highlighted = null;
        }
    }

    /** The seq of the row tinted now, 0 if none. */
    long highlightedSeq() {
        return highlighted == null ? 0 : highlighted.message().seq();
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
