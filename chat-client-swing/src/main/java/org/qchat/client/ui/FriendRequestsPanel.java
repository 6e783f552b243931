package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Font;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;

import org.qchat.client.core.Action;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.FriendRequests;
import org.qchat.client.core.model.Names;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.FriendRequestInfo;

/** Pending friend requests to me, each with Accept and Decline; hidden when there are none. */
final class FriendRequestsPanel extends JPanel {

    private final ChatClient client;

    FriendRequestsPanel(ChatClient client, Bindings bindings) {
        this.client = client;
        setName(ComponentNames.MAIN_REQUESTS);
        setLayout(new BoxLayout(this, BoxLayout.Y_AXIS));
        setBorder(BorderFactory.createMatteBorder(0, 0, 1, 0, UIManager.getColor("Component.borderColor")));
        FriendRequests.Listener listener = this::refresh;
        client.friendRequests().addListener(listener);
        bindings.add(() -> client.friendRequests().removeListener(listener));
        refresh();
    }

    private void refresh() {
        removeAll();
        var incoming = client.friendRequests().incoming();
        setVisible(!incoming.isEmpty());
        if (!incoming.isEmpty()) {
            JLabel title = new JLabel(I18n.tr("requests.title", incoming.size()));
            title.setFont(title.getFont().deriveFont(Font.BOLD));
            title.setBorder(BorderFactory.createEmptyBorder(8, 12, 4, 12));
            title.setAlignmentX(Component.LEFT_ALIGNMENT);
            add(title);
            for (FriendRequestInfo request : incoming) {
                add(row(request));
            }
        }
        revalidate();
        repaint();
    }

    private JPanel row(FriendRequestInfo request) {
        JPanel row = new JPanel(new BorderLayout(8, 0));
        row.setName("request." + request.from().username());
        row.setAlignmentX(Component.LEFT_ALIGNMENT);
        row.setBorder(BorderFactory.createEmptyBorder(4, 12, 6, 8));
        String name = Glyphs.safe(Names.display(request.from()));
        // Plain one-line labels: they end in "…" when narrow, where HTML would wrap and be clipped.
        JLabel who = new JLabel(name + "  @" + request.from().username());
        who.setFont(who.getFont().deriveFont(Font.BOLD));
        JLabel note = new JLabel(request.note() == null || request.note().isBlank() ? " "
                : Glyphs.safe(Texts.preview(request.note(), 80)));
        note.setForeground(Theme.secondaryText());
        JPanel text = new JPanel(new java.awt.GridLayout(0, 1));
        text.setOpaque(false);
        text.add(who);
        text.add(note);
        text.setToolTipText(request.note());
        JLabel avatar = new JLabel(Avatars.user(request.from().userId(), name, 32));
        JButton accept = new JButton(I18n.tr("requests.accept"));
        accept.setName(ComponentNames.REQUEST_ACCEPT);
        accept.putClientProperty("JButton.buttonType", "roundRect");
        JButton decline = new JButton(I18n.tr("requests.decline"));
        decline.setName(ComponentNames.REQUEST_DECLINE);
        // Under the text, not beside it: the friend list is narrow and names need the width.
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 2));
        buttons.setOpaque(false);
        buttons.add(accept);
        buttons.add(javax.swing.Box.createHorizontalStrut(6));
        buttons.add(decline);
        accept.addActionListener(e -> respond(request, true, accept, decline));
        decline.addActionListener(e -> respond(request, false, accept, decline));
        JPanel column = new JPanel(new BorderLayout());
        column.setOpaque(false);
        column.add(text, BorderLayout.CENTER);
        column.add(buttons, BorderLayout.SOUTH);
        JPanel avatarTop = new JPanel(new BorderLayout());
        avatarTop.setOpaque(false);
        avatarTop.add(avatar, BorderLayout.NORTH);
        row.add(avatarTop, BorderLayout.WEST);
        row.add(column, BorderLayout.CENTER);
        row.setMaximumSize(new java.awt.Dimension(Integer.MAX_VALUE, row.getPreferredSize().height));
        return row;
    }

    private void respond(FriendRequestInfo request, boolean accept, JButton... buttons) {
        for (JButton b : buttons) {
            b.setEnabled(false);
        }
        var future = client.respondToFriendRequest(request.requestId(), accept);
        Dialogs.whenDone(future, Action.FRIEND_RESPOND, this, null, v -> {
        });
        future.whenComplete((v, failure) -> {
            if (failure != null) {
                for (JButton b : buttons) {
                    b.setEnabled(true);
                }
            }
        });
    }
}
