package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Cursor;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.GroupDirectory;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.GroupInfo;

/**
 * The group notice across the top of a group chat, while it is one the user has not dismissed yet:
 * it shows when the chat opens (or the notice changes) and goes when closed, until a new notice.
 */
final class GroupNoticeBar extends JPanel {

    static final String NAME = "chat.groupNotice";
    static final String CLOSE = "chat.groupNotice.close";

    private final ChatClient client;
    private final long groupId;
    private final SeenNotices seen;
    private final JLabel text = new JLabel();

    GroupNoticeBar(ChatClient client, long groupId, SeenNotices seen, Bindings bindings) {
        super(new BorderLayout(8, 0));
        this.client = client;
        this.groupId = groupId;
        this.seen = seen;
        setName(NAME);
        setBackground(Theme.noticeBackground());
        setBorder(BorderFactory.createEmptyBorder(6, 14, 6, 8));
        text.setName(NAME + ".text");
        text.setFont(text.getFont().deriveFont(java.awt.Font.BOLD));
        JButton close = new JButton("✕");
        close.setName(CLOSE);
        close.setToolTipText(I18n.tr("group.notice.dismiss"));
        close.setBorderPainted(false);
        close.setContentAreaFilled(false);
        close.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
        close.addActionListener(e -> dismiss());
        add(text, BorderLayout.CENTER);
        add(close, BorderLayout.EAST);
        GroupDirectory.Listener listener = this::refresh;
        client.groups().addListener(listener);
        bindings.add(() -> client.groups().removeListener(listener));
        refresh();
    }

    private void refresh() {
        GroupInfo group = client.groups().info(groupId).orElse(null);
        boolean show = group != null && group.notice() != null && group.noticeTime() != null
                && !seen.seen(client.session().myId(), groupId, group.noticeTime());
        if (show) {
            text.setText(I18n.tr("group.notice.bar", Texts.preview(group.notice(), 120)));
            text.setToolTipText("<html>" + Texts.html(group.notice()).replace("\n", "<br>") + "</html>");
        }
        setVisible(show);
        revalidate();
    }

    private void dismiss() {
        client.groups().info(groupId).ifPresent(g -> {
            if (g.noticeTime() != null) {
                seen.markSeen(client.session().myId(), groupId, g.noticeTime());
            }
        });
        refresh();
    }

    String text() {
        return text.getText();
    }
}
