package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;

import org.qchat.client.core.Action;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.GroupDirectory;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.GroupInfo;

/**
 * The top of a group's member panel: the group notice, and for the owner and admins the buttons to
 * edit it and to mute all plain members.
 */
final class GroupNoticeSection extends JPanel {

    static final String TEXT = "group.notice.text";
    static final String EDIT = "group.notice.edit";
    static final String MUTE_ALL = "group.mute.all";

    private static final int MAX_NOTICE = 2000;

    private final ChatClient client;
    private final long groupId;
    private final JLabel text = new JLabel();
    private final JButton edit = new JButton(I18n.tr("group.notice.edit"));
    private final JCheckBox muteAll = new JCheckBox(I18n.tr("group.mute.all"));
    private boolean refreshing;

    GroupNoticeSection(ChatClient client, long groupId, Bindings bindings) {
        super(new BorderLayout(0, 4));
        this.client = client;
        this.groupId = groupId;
        setBorder(BorderFactory.createEmptyBorder(0, 10, 6, 10));
        JLabel heading = new JLabel(I18n.tr("group.notice"));
        heading.setFont(heading.getFont().deriveFont(Font.BOLD));
        text.setName(TEXT);
        text.setForeground(Theme.secondaryText());
        edit.setName(EDIT);
        muteAll.setName(MUTE_ALL);
        edit.addActionListener(e -> editNotice());
        muteAll.addActionListener(e -> {
            if (!refreshing) {
                Dialogs.whenDone(client.groupUpdates().muteAll(groupId, muteAll.isSelected()), Action.GROUP_ADMIN, this, null,
                        v -> refresh());
            }
        });
        JPanel controls = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        controls.add(edit);
        controls.add(javax.swing.Box.createHorizontalStrut(6));
        controls.add(muteAll);
        add(heading, BorderLayout.NORTH);
        add(text, BorderLayout.CENTER);
        add(controls, BorderLayout.SOUTH);
        GroupDirectory.Listener listener = this::refresh;
        client.groups().addListener(listener);
        bindings.add(() -> client.groups().removeListener(listener));
        refresh();
    }

    private void refresh() {
        refreshing = true;
        try {
            GroupInfo group = client.groups().info(groupId).orElse(null);
            String notice = group == null ? null : group.notice();
            text.setText(notice == null ? I18n.tr("group.notice.none")
                    : "<html><div style='width:150px'>" + Texts.html(Texts.preview(notice, 300)) + "</div></html>");
            text.setToolTipText(notice);
            boolean moderator = client.groups().canModerate(groupId);
            edit.setVisible(moderator);
            muteAll.setVisible(moderator);
            muteAll.setSelected(group != null && Boolean.TRUE.equals(group.mutedAll()));
        } finally {
            refreshing = false;
        }
    }

    private void editNotice() {
        String current = client.groups().info(groupId).map(GroupInfo::notice).orElse("");
        JTextArea area = new JTextArea(current == null ? "" : current, 8, 36);
        area.setLineWrap(true);
        area.setWrapStyleWord(true);
        JScrollPane scroll = new JScrollPane(area);
        scroll.setPreferredSize(new Dimension(420, 180));
        int choice = JOptionPane.showConfirmDialog(this, scroll, I18n.tr("group.notice.edit"),
                JOptionPane.OK_CANCEL_OPTION, JOptionPane.PLAIN_MESSAGE);
        if (choice != JOptionPane.OK_OPTION) {
            return;
        }
        String value = area.getText().strip();
        if (value.codePointCount(0, value.length()) > MAX_NOTICE) {
            JOptionPane.showMessageDialog(this, I18n.tr("group.notice.tooLong", MAX_NOTICE));
            return;
        }
        Dialogs.whenDone(client.groupUpdates().setNotice(groupId, value), Action.GROUP_ADMIN, this, null, v -> refresh());
    }
}
